import { z } from "zod";
import { text } from "@/lib/schema";

export const ROLES = ["admin", "editor", "reviewer"] as const;

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ message: "Must be an email address" })),
    name: text(200).pipe(z.string().min(1)),
    role: z.enum(ROLES),
    password: z.string().min(8, "Passwords need at least 8 characters").max(1000),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;
