import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * 128 random bits, base64url: unguessable, so a card is reachable only through the link the
 * newsroom publishes (listing or counting cards is not possible from outside).
 */
export const newPublicId = () => randomBytes(16).toString("base64url");

/** Anything else is answered 404 without a database look-up. */
export const publicIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
