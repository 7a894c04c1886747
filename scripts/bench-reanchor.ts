// npm run bench:reanchor [-- <case name part>]: re-anchoring 2,000 claims of a 1 MB article (MB=<chars>) through hostile edits, in-thread.
import { reanchorArticle, type StoredAttribution, type StoredClaim } from "@/lib/anchoring/reanchor-article";
import { quoteSelector } from "@/lib/anchoring/text-quote";

const WORDS =
  "the minister said that officials would meet again next week after talks in the capital ended without agreement on aid corridors fuel water and medical supplies for civilians".split(
    " ",
  );
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function prose(length: number, seed = 1): string {
  const r = rng(seed);
  const out: string[] = [];
  let n = 0;
  while (n < length) {
    const words = Array.from({ length: 8 + Math.floor(r() * 20) }, () => WORDS[Math.floor(r() * WORDS.length)]);
    const s = `${words.join(" ")}, he said ${Math.floor(r() * 1000) / 10} times. `;
    out.push(r() < 0.15 ? `${s}\n\n` : s);
    n += s.length;
  }
  return out.join("").slice(0, length);
}

function claimsOn(body: string, count: number, length: number, seed = 2, overlapAt?: number): StoredClaim[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const start = overlapAt ?? Math.floor(r() * (body.length - length));
    const span = { start, end: start + length };
    return { id: `c${i}`, ...span, ...quoteSelector(body, span), orphaned: false, parts: null };
  });
}
const attributionsOf = (claims: StoredClaim[]): StoredAttribution[] =>
  claims.map((c) => ({
    id: `a${c.id}`,
    claimId: c.id,
    cueStart: Math.max(0, c.start - 10),
    cueEnd: Math.max(1, c.start - 2),
    mentionStart: null,
    mentionEnd: null,
  }));

function time(name: string, oldBody: string, newBody: string, claims: StoredClaim[]) {
  const t = performance.now();
  const plan = reanchorArticle({ oldBody, newBody, claims, attributions: attributionsOf(claims) });
  const ms = performance.now() - t;
  const outcomes: Record<string, number> = {};
  for (const c of plan.claims) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
  console.log(`${name.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms  ${JSON.stringify(outcomes)}`);
  return ms;
}

const only = process.argv[2];
const MB = Number(process.env.MB ?? 1_000_000);
const body = prose(MB);
const claims = claimsOn(body, 2000, 300);
const cases: Array<[string, () => [string, string, StoredClaim[]]]> = [
  [
    "one character changed inside a claim",
    () => {
      const at = claims[0].start + 100;
      return [body, `${body.slice(0, at)}#${body.slice(at + 1)}`, claims];
    },
  ],
  [
    "a paragraph (5 kB) moved to the end",
    () => {
      const from = 400_000;
      return [body, body.slice(0, from) + body.slice(from + 5000) + body.slice(from, from + 5000), claims];
    },
  ],
  ["whole text replaced by other prose", () => [body, prose(MB, 99), claims]],
  ["whole text replaced by 'aaaa…'", () => [body, "a".repeat(MB), claims]],
  [
    "'aaaa…' body, 2000 claims, one character changed",
    () => {
      const a = "a".repeat(MB);
      const c = claimsOn(a, 2000, 300);
      return [a, `${a.slice(0, 500_000)}b${a.slice(500_001)}`, c];
    },
  ],
  [
    "'aaaa…' body, claims, 'b' inserted every 1000 chars",
    () => {
      const a = "a".repeat(MB);
      const c = claimsOn(a, 2000, 300);
      return [a, a.replace(/(a{999})a/g, "$1b"), c];
    },
  ],
  [
    "same sentence 10k times, one copy removed",
    () => {
      const s = "The minister said the talks would resume on Monday in Cairo. ".repeat(16_000).slice(0, MB);
      const c = claimsOn(s, 2000, 61);
      return [s, s.slice(0, 61 * 5000) + s.slice(61 * 5001), c];
    },
  ],
  [
    "same sentence 10k times -> every sentence copy-edited",
    () => {
      const s = "The minister said the talks would resume on Monday in Cairo. ".repeat(16_000).slice(0, MB);
      const c = claimsOn(s, 2000, 61);
      return [s, s.replaceAll("Monday", "Tuesday"), c];
    },
  ],
  [
    "2000 claims of 2000 chars on one passage, passage rewritten 30%",
    () => {
      const c = claimsOn(body, 2000, 2000, 3, 500_000);
      const r = rng(7);
      const mid = [...body.slice(500_000, 502_000)].map((ch) => (r() < 0.3 ? "#" : ch)).join("");
      return [body, body.slice(0, 500_000) + mid + body.slice(502_000), c];
    },
  ],
  [
    "2000 claims of 2000 chars, each claim passage 10% edited",
    () => {
      const c = claimsOn(body, 2000, 2000, 4);
      const r = rng(8);
      const chars = body.split("");
      for (const cl of c) for (let i = 0; i < 200; i++) chars[cl.start + Math.floor(r() * 2000)] = "#";
      return [body, chars.join(""), c];
    },
  ],
];
for (const [name, make] of cases) {
  if (only && !name.includes(only)) continue;
  const [o, n, c] = make();
  time(name, o, n, c);
}
