import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { type SeedPath, seedRafahGold as seedGold } from "../support/rafah-gold";
import { call, type TestUser, unique } from "./helpers";

const HANDLERS: Record<SeedPath, typeof articles.POST> = {
  "/api/articles": articles.POST,
  "/api/sources": sources.POST,
  "/api/claims": claims.POST,
  "/api/attributions": attributions.POST,
};

/** The Rafah gold (tests/support/rafah-gold.ts) through the route handlers, as `editor`. */
export function seedRafahGold(editor: TestUser) {
  return seedGold(
    async (path, body) => {
      const { status, json } = await call(HANDLERS[path], "POST", { user: editor, body });
      if (status !== 201) throw new Error(`seed ${path} failed (${status}): ${JSON.stringify(json)}`);
      return json;
    },
    { title: unique("Rafah gold"), suffix: unique("") },
  );
}
