import { beforeAll, describe, expect, it } from "vitest";
import * as source from "@/app/api/sources/[id]/route";
import * as sources from "@/app/api/sources/route";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, type TestUser, unique } from "./helpers";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});

describe("sources", () => {
  it("creates named and anonymous sources with all fields", async () => {
    const name = unique("Jake Sullivan");
    const { status, json } = await call(sources.POST, "POST", {
      user: editor,
      body: { type: "person", name, affiliation: "United States government", role: "national security adviser" },
    });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      type: "person",
      name,
      anonymous: false,
      count: null,
      role: "national security adviser",
      version: 1,
    });
    const anon = await call(sources.POST, "POST", {
      user: editor,
      body: {
        type: "anonymous_individual",
        name: "a third Israeli official",
        count: 1,
        affiliation: "Israeli government",
        anonymityReason: "requested anonymity",
        identityKnownToNewsroom: true,
      },
    });
    expect(anon.status).toBe(201);
    expect(anon.json).toMatchObject({
      anonymous: true,
      anonymityReason: "requested anonymity",
      identityKnownToNewsroom: true,
    });
  });

  it("keeps named sources unique per type under a normalised name", async () => {
    const name = unique("Politico");
    expect((await call(sources.POST, "POST", { user: editor, body: { type: "media_outlet", name } })).status).toBe(201);
    const before = await databaseFingerprint();
    for (const variant of [`the ${name.toUpperCase()}`, `  ${name}  `, `The   ${name}`]) {
      const duplicate = await call(sources.POST, "POST", {
        user: editor,
        body: { type: "media_outlet", name: variant },
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.json.error.code).toBe("conflict");
    }
    expect(await databaseFingerprint()).toEqual(before);
    // Another type may share the name; anonymous descriptors never merge.
    expect((await call(sources.POST, "POST", { user: editor, body: { type: "organization", name } })).status).toBe(201);
    const descriptor = unique("four US officials");
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await call(sources.POST, "POST", {
            user: editor,
            body: { type: "anonymous_group", name: descriptor, count: 4 },
          })
        ).status,
      ).toBe(201);
    }
  });

  it("patches with optimistic versions: a stale write gets 409 and changes nothing", async () => {
    const created = (
      await call(sources.POST, "POST", { user: editor, body: { type: "organization", name: unique("Army") } })
    ).json;
    const first = await call(source.PATCH, "PATCH", {
      user: editor,
      id: created.id,
      body: { version: 1, affiliation: "Israeli government" },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 2, affiliation: "Israeli government" });
    const before = await databaseFingerprint();
    const stale = await call(source.PATCH, "PATCH", {
      user: editor,
      id: created.id,
      body: { version: 1, affiliation: "Other" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/changed by someone else/);
    expect(await databaseFingerprint()).toEqual(before);
    const audit = await db().auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["create", "update"]);
    expect((audit[1].after as { affiliation: string }).affiliation).toBe("Israeli government");
  });

  it("refuses a rename onto an existing named source", async () => {
    const a = (await call(sources.POST, "POST", { user: editor, body: { type: "person", name: unique("Ann") } })).json;
    const b = (await call(sources.POST, "POST", { user: editor, body: { type: "person", name: unique("Bo") } })).json;
    const clash = await call(source.PATCH, "PATCH", {
      user: editor,
      id: b.id,
      body: { version: 1, name: ` the ${a.name.toLowerCase()}` },
    });
    expect(clash.status).toBe(409);
  });

  it("validates input and roles", async () => {
    const before = await databaseFingerprint();
    expect((await call(sources.POST, "POST", { user: editor, body: { type: "alien", name: "x" } })).status).toBe(400);
    expect((await call(sources.POST, "POST", { user: editor, body: { type: "person", name: "" } })).status).toBe(400);
    expect(
      (await call(sources.POST, "POST", { user: editor, body: { type: "anonymous_group", name: "x", count: -1 } }))
        .status,
    ).toBe(400);
    expect(
      (await call(sources.POST, "POST", { user: editor, body: { type: "anonymous_group", name: "x", count: 1.5 } }))
        .status,
    ).toBe(400);
    expect((await call(sources.POST, "POST", { user: reviewer, body: { type: "person", name: "x" } })).status).toBe(
      403,
    );
    expect((await call(sources.POST, "POST", { body: { type: "person", name: "x" } })).status).toBe(401);
    const missing = await call(source.PATCH, "PATCH", {
      user: editor,
      id: "00000000-0000-4000-8000-000000000000",
      body: { version: 1, name: "y" },
    });
    expect(missing.status).toBe(404);
    expect(
      (
        await call(source.PATCH, "PATCH", {
          user: editor,
          id: "00000000-0000-4000-8000-000000000000",
          body: { name: "y" },
        })
      ).status,
    ).toBe(400);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("searches by type and text", async () => {
    const tag = unique("Searchable");
    await call(sources.POST, "POST", { user: editor, body: { type: "person", name: `${tag} Person` } });
    await call(sources.POST, "POST", { user: editor, body: { type: "anonymous_group", name: `${tag} officials` } });
    const all = await call(sources.GET, "GET", { user: reviewer, query: { q: tag.toLowerCase() } });
    expect(all.json.items).toHaveLength(2);
    const people = await call(sources.GET, "GET", { user: reviewer, query: { q: tag, type: "person" } });
    expect(people.json.items.map((s: { name: string }) => s.name)).toEqual([`${tag} Person`]);
    expect((await call(sources.GET, "GET", { user: reviewer, query: { type: "nope" } })).status).toBe(400);
  });
});
