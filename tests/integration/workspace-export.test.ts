import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { WORKSPACE_FORMAT, type WorkspaceFile } from "@/lib/workspace-export/format";
import { createEmptyDatabase, fingerprintDatabase, query, runScript } from "./fixtures/databases";
import { EDGE_BODY, seedEdgeCases } from "./fixtures/edge-seed";
import { writeGzipBomb } from "./fixtures/gzip-bomb";
import { call, makeUser, type TestUser } from "./helpers";
import { seedRafahGold } from "./seed-gold";

const dir = mkdtempSync(path.join(os.tmpdir(), "sourcedesk-workspace-test-"));
const drops: (() => Promise<void>)[] = [];
let editor: TestUser;
let edge: Awaited<ReturnType<typeof seedEdgeCases>>;
let imported: { url: string };
let first: Buffer;

beforeAll(async () => {
  let reviewer: TestUser;
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
  edge = await seedEdgeCases(editor, reviewer);
  const gold = await seedRafahGold(editor);
  // An orphaned claim (its words edited away) and a rejected suggestion: state the file must carry too.
  const current = await call(article.GET, "GET", { user: editor, id: gold.article.id });
  const body: string = current.json.body;
  const [gone] = current.json.claims;
  const edited = await call(article.PATCH, "PATCH", {
    user: editor,
    id: gold.article.id,
    body: { version: current.json.version, body: body.slice(0, gone.start) + body.slice(gone.end) },
  });
  expect(edited.status).toBe(200);
  expect(edited.json.reanchor.claims.some((c: { outcome: string }) => c.outcome === "orphaned")).toBe(true);
  await db().rejectedSuggestion.create({
    data: { articleId: edge.article.id, key: "claim:12-40|source:x|mode:paraphrase", actorId: editor.id },
  });
}, 120_000);

afterEach(() => vi.unstubAllEnvs());

afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(dir, { recursive: true, force: true });
});

async function exportFrom(url: string, name: string) {
  const file = path.join(dir, name);
  const run = await runScript("export-workspace.ts", ["--out", file], url);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { file, stats: JSON.parse(run.stdout), bytes: readFileSync(file) };
}

describe("npm run export:workspace / import:workspace", () => {
  it("round-trips: export, import into an empty database, export again gives the same bytes", {
    timeout: 180_000,
  }, async () => {
    const exported = await exportFrom(process.env.DATABASE_URL!, "first.json");
    first = exported.bytes;
    const target = await createEmptyDatabase("workspace");
    drops.push(target.drop);
    imported = target;
    const run = await runScript("import-workspace.ts", [exported.file], target.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/without passwords: an admin must set a new password/);
    const again = await exportFrom(target.url, "second.json");
    console.info(
      `[workspace] ${first.length} bytes; export ${exported.stats.ms} ms, import ${JSON.parse(run.stdout).ms} ms (with migrations), re-export ${again.stats.ms} ms`,
    );
    expect(again.bytes.equals(first)).toBe(true);
  });

  it("is a documented, sorted format with every span's text and no secrets", () => {
    const text = first.toString("utf8");
    const file = JSON.parse(text) as WorkspaceFile;
    expect(Object.keys(file)).toEqual(["format", "version", "users", "sources", "articles", "claims", "attributions"]);
    expect(file).toMatchObject({ format: WORKSPACE_FORMAT, version: 1 });
    for (const section of ["users", "sources", "articles", "claims", "attributions"] as const) {
      const ids = file[section].map((r) => r.id);
      expect(ids).toEqual([...ids].sort());
    }
    expect(text).not.toMatch(/passwordHash|tokenHash|scrypt\$|"sessions"|"apiTokens"/);
    expect(Object.keys(file.users[0])).toEqual(["id", "email", "name", "role", "createdAt", "updatedAt"]);

    const edgeArticle = file.articles.find((a) => a.id === edge.article.id)!;
    expect(edgeArticle.body).toBe(EDGE_BODY);
    expect(edgeArticle).toMatchObject({ author: "Rana \u202eAbu 'Ali\"", desk: "world/مينا" });
    expect(edgeArticle.rejectedSuggestions).toHaveLength(1);
    for (const s of edgeArticle.statements) expect(s.text).toBe(EDGE_BODY.slice(s.start, s.end));
    const split = file.claims.find((c) => c.id === edge.claims[0].id)!;
    expect(split.parts!.map((p) => p.text)).toEqual(split.parts!.map((p) => EDGE_BODY.slice(p.start, p.end)));
    const quoted = file.attributions.find((a) => a.claimId === split.id)!;
    expect(quoted.cue).toEqual({ start: quoted.cue!.start, end: quoted.cue!.end, text: "said" });
    expect(quoted.note).toBe('split quote ✂️ — "checked"');
    expect(file.claims.some((c) => c.orphaned)).toBe(true);
  });

  it("gives imported users no usable password, and audits every imported record", async () => {
    const [user] = await query<{ passwordHash: string }>(
      imported.url,
      `SELECT "passwordHash" FROM "User" WHERE id = $1`,
      [editor.id],
    );
    expect(user.passwordHash).not.toMatch(/^scrypt\$/);
    expect(await verifyPassword("test-password-123", user.passwordHash)).toBe(false);
    const counts = await query<{ entity: string; n: string }>(
      imported.url,
      `SELECT entity, count(*)::text AS n FROM "AuditEvent" GROUP BY entity`,
    );
    const file = JSON.parse(first.toString("utf8")) as WorkspaceFile;
    expect(Object.fromEntries(counts.map((c) => [c.entity, Number(c.n)]))).toEqual({
      user: file.users.length,
      source: file.sources.length,
      article: file.articles.length,
      claim: file.claims.length,
      attribution: file.attributions.length,
      rejected_suggestion: file.articles.reduce((n, a) => n + a.rejectedSuggestions.length, 0),
    });
    expect(await query(imported.url, `SELECT 1 FROM "Session" UNION ALL SELECT 1 FROM "ApiToken"`)).toEqual([]);
  });

  it("refuses a database that is not empty, changing nothing", { timeout: 60_000 }, async () => {
    const before = await fingerprintDatabase(imported.url);
    const run = await runScript("import-workspace.ts", [path.join(dir, "first.json")], imported.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not empty.*Nothing was changed/);
    expect(await fingerprintDatabase(imported.url)).toEqual(before);
  });

  it("refuses a file over SOURCEDESK_IMPORT_MAX_BYTES, and a gzip bomb once it inflates past it", {
    timeout: 120_000,
  }, async () => {
    const target = await createEmptyDatabase("workspace_limits");
    drops.push(target.drop);
    vi.stubEnv("SOURCEDESK_IMPORT_MAX_BYTES", String(first.length - 1));
    const big = await runScript("import-workspace.ts", [path.join(dir, "first.json")], target.url);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/is more than .* MB, the limit \(set SOURCEDESK_IMPORT_MAX_BYTES to raise it\)/);

    // 2 GB of spaces in 2 MB: read whole it would not even fit a string; it stops at 50 MB.
    const bomb = path.join(dir, "bomb.json.gz");
    writeGzipBomb(bomb, 2048, 0x20);
    vi.stubEnv("SOURCEDESK_IMPORT_MAX_BYTES", "50000000");
    vi.stubEnv("NODE_OPTIONS", "--max-old-space-size=200");
    const run = await runScript("import-workspace.ts", [bomb], target.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/import:workspace refused: .*bomb\.json\.gz decompresses to more than 50 MB/);
    expect(await query(target.url, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it("refuses an inconsistent file with the problems listed, importing nothing", { timeout: 60_000 }, async () => {
    const file = JSON.parse(first.toString("utf8")) as WorkspaceFile;
    const claim = file.claims.find((c) => !c.orphaned)!;
    claim.text = `${claim.text}!`;
    file.attributions[0].sourceId = "00000000-0000-4000-8000-000000000000";
    const damaged = path.join(dir, "damaged.json");
    writeFileSync(damaged, JSON.stringify(file));
    const target = await createEmptyDatabase("workspace_bad");
    drops.push(target.drop);
    const run = await runScript("import-workspace.ts", [damaged], target.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/claims\[\d+\]: text differs from the article/);
    expect(run.stderr).toMatch(/attributions\[0\]\.sourceId: unknown source/);
    expect(await query(target.url, `SELECT 1 FROM "User" UNION ALL SELECT 1 FROM "AuditEvent"`)).toEqual([]);
  });
});
