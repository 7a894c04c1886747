// Fills an empty, migrated database with a deterministic synthetic archive, fast: rows are built in
// JavaScript and written by the bulk import's batch writer (lib/import/write-batch.ts: one
// INSERT … SELECT FROM unnest(arrays) per table and batch, derived columns computed per batch),
// never through the API. Statement ids come from the database (gen_random_uuid); the rest is seeded.
import os from "node:os";
import type pg from "pg";
import { compactFacetCounts } from "@/lib/claims/compact-facet-counts";
import { type BulkArticle, type BulkAttribution, type BulkClaim, writeBatch } from "@/lib/import/write-batch";
import { dropSecondaryIndexes, rebuildIndexes } from "./defer-indexes";
import { between, clause, makeRng, makeUuid, pick, type Rng, type SourceRef, TextBuilder } from "./synthetic-text";

export interface GenerateOptions {
  articles: number;
  /** A new connection to the same database: batches are written on two at once. */
  connect: () => Promise<pg.Client>;
  seed: number;
  userId: string;
  log: (line: string) => void;
}
export interface GeneratedShape {
  articles: number;
  statements: number;
  claims: number;
  attributions: number;
  sources: number;
  bigArticleId: string;
}

const FIRST = [
  "Maria",
  "Ahmed",
  "John",
  "Li",
  "Fatima",
  "David",
  "Sofia",
  "Omar",
  "Anna",
  "Yusuf",
  "Elena",
  "Samuel",
  "Noura",
  "Peter",
  "Aisha",
  "Daniel",
  "Leila",
  "Marco",
  "Hana",
  "Victor",
  "Grace",
  "Tariq",
  "Irina",
  "Jonas",
  "Amira",
  "Lucas",
  "Mei",
  "Karim",
  "Olga",
  "Ravi",
];
const LAST = [
  "Lopez",
  "Haddad",
  "Smith",
  "Wei",
  "Rahman",
  "Cohen",
  "Rossi",
  "Nasser",
  "Kowalski",
  "Demir",
  "Petrova",
  "Okafor",
  "Saleh",
  "Muller",
  "Khan",
  "Levi",
  "Moreau",
  "Silva",
  "Tanaka",
  "Ivanov",
  "Mensah",
  "Farouk",
  "Novak",
  "Berg",
  "Aziz",
  "Costa",
  "Chen",
  "Mansour",
  "Popescu",
  "Nair",
];
const ORGS = [
  "Ministry of Health",
  "Ministry of Finance",
  "Defence Ministry",
  "Central Bank",
  "World Food Programme",
  "Red Crescent",
  "City Council",
  "Electoral Commission",
  "Supreme Court",
  "Port Authority",
  "Teachers' Union",
  "National Oil Company",
  "State Department",
  "United Nations",
  "European Commission",
  "Chamber of Commerce",
  "Civil Defence",
  "Interior Ministry",
  "Water Authority",
  "Medical Association",
];
/** Desks and authors for the trends' breakdowns (scripts/bench/trends-scenarios.ts). */
export const DESKS = ["politics", "world", "metro", "business", "health", "culture"];
export const AUTHORS = 40;

const OUTLETS = [
  "Reuters",
  "the Associated Press",
  "Agence France-Presse",
  "Al Jazeera",
  "the BBC",
  "Haaretz",
  "The New York Times",
  "Le Monde",
  "Der Spiegel",
  "El Pais",
  "state television",
  "a local radio station",
];
const DOCUMENTS = [
  "a leaked memo",
  "an internal report",
  "court filings",
  "a draft agreement",
  "a government statement",
  "budget documents",
];
const DESCRIPTORS = [
  "a senior official",
  "a diplomat",
  "a person familiar with the matter",
  "a government adviser",
  "a security source",
  "a hospital doctor",
  "a spokesperson",
  "an aid worker",
  "a military officer",
  "a negotiator",
  "a local resident",
  "a bank executive",
];
const GROUP_DESCRIPTORS = [
  "two senior officials",
  "several diplomats",
  "people familiar with the talks",
  "three aid workers",
  "officials",
  "residents",
  "two security sources",
  "negotiators close to the talks",
];
const REASONS = ["not authorised to speak publicly", "feared reprisals", "discussing confidential negotiations", ""];

interface SourceRow {
  id: string;
  type: string;
  name: string;
  uniqueKey: string | null;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  reason: string | null;
}

/** 70% anonymous descriptors (each its own row, as the app stores them), the rest named and unique. */
function makeSources(rng: Rng, n: number): SourceRow[] {
  const rows: SourceRow[] = [];
  const taken = new Set<string>();
  for (let i = 0; rows.length < n; i++) {
    const id = makeUuid(rng);
    const r = rng();
    const affiliation = pick(rng, ORGS);
    if (r < 0.5) {
      rows.push({
        id,
        type: "anonymous_individual",
        name: `${pick(rng, DESCRIPTORS)} at the ${affiliation}`,
        uniqueKey: null,
        count: null,
        affiliation,
        role: null,
        reason: pick(rng, REASONS) || null,
      });
    } else if (r < 0.7) {
      rows.push({
        id,
        type: "anonymous_group",
        name: `${pick(rng, GROUP_DESCRIPTORS)} at the ${affiliation}`,
        uniqueKey: null,
        count: between(rng, 2, 5),
        affiliation,
        role: null,
        reason: pick(rng, REASONS) || null,
      });
    } else {
      const t = rng();
      const [type, name] =
        t < 0.8
          ? ["person", `${pick(rng, FIRST)} ${String.fromCharCode(65 + (i % 26))}. ${pick(rng, LAST)}`]
          : t < 0.9
            ? ["organization", `the ${affiliation}${i % 7 ? ` office ${i % 97}` : ""}`]
            : t < 0.96
              ? ["media_outlet", `${pick(rng, OUTLETS)}${i % 5 ? ` (${i % 53})` : ""}`]
              : ["document", `${pick(rng, DOCUMENTS)} ${i % 211}`];
      const key = `${type}:${name.toLowerCase()}`;
      if (taken.has(key)) continue;
      taken.add(key);
      rows.push({
        id,
        type,
        name,
        uniqueKey: key,
        count: null,
        affiliation: type === "person" ? affiliation : null,
        role: type === "person" ? "spokesperson" : null,
        reason: null,
      });
    }
  }
  return rows;
}

type Column = [name: string, pgType: string, values: unknown[]];

async function insert(client: pg.Client, table: string, columns: Column[]) {
  if (!columns[0][2].length) return;
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  await client.query(
    `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
    columns.map(([, , v]) => v),
  );
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(2023, 0, 1);

export async function generateWorkspace(client: pg.Client, options: GenerateOptions): Promise<GeneratedShape> {
  // The big tables' secondary indexes are built after the load (defer-indexes.ts), as pg_restore does.
  // Two writers (as the import runs): one builds a batch while the other's database work runs.
  const writers = [await options.connect(), await options.connect()];
  // A batch's per-claim aggregates (~6k attributions) spill to disk at the default 4 MB.
  for (const w of writers) await w.query("SET work_mem = '64MB'");
  const deferred = await dropSecondaryIndexes(client);
  const idle = [...writers];
  const inflight = new Set<Promise<void>>();
  let progress = { at: performance.now(), articles: 0 };
  const rng = makeRng(options.seed);
  const sources = makeSources(rng, Math.max(500, options.articles * 2));
  const vias = sources
    .map((s, index) => ({ index, s }))
    .filter(({ s }) => s.type === "media_outlet" || s.type === "document")
    .map(({ index, s }) => ({ index, name: s.name }));
  await insert(client, "Source", [
    ["id", "uuid", sources.map((s) => s.id)],
    ["type", `"SourceType"`, sources.map((s) => s.type)],
    ["name", "text", sources.map((s) => s.name)],
    ["uniqueKey", "text", sources.map((s) => s.uniqueKey)],
    ["count", "int", sources.map((s) => s.count)],
    ["affiliation", "text", sources.map((s) => s.affiliation)],
    ["role", "text", sources.map((s) => s.role)],
    ["anonymityReason", "text", sources.map((s) => s.reason)],
    ["updatedAt", "timestamp", sources.map(() => new Date(EPOCH))],
  ]);
  // Busy sources are quoted far more than others (a skewed pick: rng^2 favours the low indexes).
  const someSource = (): SourceRef => {
    const index = Math.floor(rng() * rng() * sources.length);
    return { index, name: sources[index].name };
  };
  const shape: GeneratedShape = {
    articles: 0,
    statements: 0,
    claims: 0,
    attributions: 0,
    sources: sources.length,
    bigArticleId: "",
  };
  const BATCH = 200;
  for (let first = 0; first < options.articles; first += BATCH) {
    const articles: BulkArticle[] = [];
    const claims: BulkClaim[] = [];
    const attributions: BulkAttribution[] = [];
    for (let a = first; a < Math.min(first + BATCH, options.articles); a++) {
      const id = makeUuid(rng);
      const big = a === 0; // the 300-claim article the workspace benchmark loads
      if (big) shape.bigArticleId = id;
      const created = new Date(EPOCH + rng() * 3 * 365 * DAY);
      const published = rng() < 0.95 ? new Date(created.getTime() - rng() * DAY) : null;
      const text = new TextBuilder();
      const title = `${pick(rng, ["Talks", "Officials", "Report", "Inquiry", "Budget", "Aid"])}: ${clause(rng)}`.slice(
        0,
        200,
      );
      text.heading(title);
      const sentences = big ? 450 : between(rng, 30, 42);
      for (let i = 0; i < sentences; i++) {
        if (i && i % between(rng, 3, 5) === 0) text.paragraphBreak();
        const claimHere = big ? i % 3 !== 2 : rng() < 0.57;
        if (!claimHere) text.unsourced(rng);
        else
          text.attributed(rng, someSource(), rng() < 0.5 ? someSource() : null, rng() < 0.15 ? pick(rng, vias) : null);
      }
      const body = text.body.trimEnd();
      articles.push({
        id,
        title,
        body,
        language: "en",
        outlet: pick(rng, OUTLETS),
        desk: pick(rng, DESKS),
        author: `Reporter ${1 + Math.floor(rng() * AUTHORS)}`,
        url: null,
        externalId: null,
        publishedAt: published,
        status: pick(rng, ["draft", "in_review", "approved", "approved"]),
        createdAt: created,
        statements: text.sentences.map(({ kind, start, end }) => ({ kind, start, end })),
      });
      text.claims.forEach((c, i) => {
        const claimId = makeUuid(rng);
        const claimCreated = new Date(created.getTime() + (i + 1) * 60_000);
        const r = rng();
        claims.push({
          id: claimId,
          articleId: id,
          start: c.start,
          end: c.end,
          text: body.slice(c.start, c.end),
          prefix: body.slice(Math.max(0, c.start - 32), c.start),
          suffix: body.slice(c.end, c.end + 32),
          reviewStatus: r < 0.6 ? "pending" : r < 0.9 ? "approved" : "flagged",
          createdAt: claimCreated,
        });
        for (const x of c.attributions) {
          attributions.push({
            id: makeUuid(rng),
            claimId,
            sourceId: sources[x.source].id,
            mode: x.mode,
            cueStart: x.cue?.start ?? null,
            cueEnd: x.cue?.end ?? null,
            mentionStart: x.mention?.start ?? null,
            mentionEnd: x.mention?.end ?? null,
            viaSourceId: x.via === null ? null : sources[x.via].id,
            createdAt: claimCreated,
          });
        }
      });
    }
    const n = articles.length;
    // The import's own batch writer: derived columns and facet counts computed per batch.
    while (!idle.length) await Promise.race(inflight);
    const writer = idle.pop()!;
    const work = (async () => {
      await writer.query("BEGIN");
      await writeBatch(writer, { articles, claims, attributions }, { actorId: options.userId });
      await writer.query("COMMIT");
      idle.push(writer);
    })();
    inflight.add(work);
    work.then(
      () => inflight.delete(work),
      () => undefined,
    );
    shape.statements += articles.reduce((sum, a) => sum + a.statements.length, 0);
    shape.claims += claims.length;
    shape.attributions += attributions.length;
    shape.articles += n;
    if ((first / BATCH) % 20 === 19) {
      // Timed: a compaction that grows with the archive is what kept 100k from 20 minutes (round 6).
      // The source months are folded once, at the end: this load marks a third of all sources
      // between two compactions, and a fold costs their stored months.
      const t = performance.now();
      await compactFacetCounts(client, { fold: false });
      options.log(`  … compaction ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    if ((first / BATCH) % 10 === 0) {
      // The rate per stretch shows whether writing slows as the archive grows (or the machine got busy).
      const now = performance.now();
      const rate = (shape.articles - progress.articles) / ((now - progress.at) / 1000);
      const load = os.loadavg()[0].toFixed(1);
      options.log(
        `  … ${shape.articles} articles, ${shape.claims} claims (${rate.toFixed(0)} articles/s, load ${load})`,
      );
      progress = { at: now, articles: shape.articles };
    }
  }
  await Promise.all(inflight);
  options.log(`  … rows written; building ${deferred.length} indexes`);
  await rebuildIndexes(writers, deferred, options.log);
  for (const w of writers) await w.end();
  await compactFacetCounts(client);
  await client.query("VACUUM ANALYZE");
  return shape;
}

/** 1,000-word texts for the suggestions benchmark, from the same templates. */
export function suggestionTexts(count: number, seed: number): string[] {
  const rng = makeRng(seed);
  const sources = makeSources(rng, 300);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = new TextBuilder();
    while (text.body.split(/\s+/).length < 1000) {
      const s = sources[Math.floor(rng() * sources.length)];
      if (rng() < 0.45) text.unsourced(rng);
      else text.attributed(rng, { index: 0, name: s.name }, null, null);
      if (rng() < 0.25) text.paragraphBreak();
    }
    texts.push(text.body.trim());
  }
  return texts;
}
