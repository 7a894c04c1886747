import fc from "fast-check";

/**
 * fast-check generators of hostile values. Each `bad*` value is invalid for the field it is made
 * for, whatever the rest of the body holds (by the schema, or by the service: a span past the
 * end, an unknown id, a stale version), so a body with one of them must be refused.
 */

export const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D"];
export const EMOJI_AND_RTL = [
  "😀",
  "👩🏽‍💻",
  "🇵🇸🇮🇱",
  "مرحبا بالعالم",
  "שלום עולם",
  "\u202Eevil\u202C",
  "e\u0301",
  "\u200F\u200E",
  "𝕳𝖊𝖑𝖑𝖔",
  "\uFEFF",
];

const short = fc.string({ maxLength: 6 });
export const emojiOrRtl = fc.constantFrom(...EMOJI_AND_RTL);
export const loneSurrogate = fc.tuple(short, fc.constantFrom(...LONE_SURROGATES), short).map(([a, b, c]) => a + b + c);
export const withNul = fc.tuple(short, short).map(([a, b]) => `${a}\u0000${b}`);

const hugeCache = new Map<number, string>();
/** A string longer than `max` (emoji-heavy half the time: more bytes than characters). */
export const longerThan = (max: number) =>
  fc.boolean().map((emoji) => {
    const key = emoji ? -max : max;
    if (!hugeCache.has(key))
      hugeCache.set(key, emoji ? `${"😀".repeat(Math.ceil((max + 1) / 2))}x` : "x".repeat(max + 1));
    return hugeCache.get(key)!;
  });

/** Text a person could type: any well-formed, non-blank string, emoji and right-to-left included. */
export const niceText = (max = 60) =>
  fc
    .oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 40) }),
      emojiOrRtl,
      fc.constantFrom("Officials", "Ministry of Health"),
    )
    .filter((s) => s.trim().length > 0 && s.isWellFormed() && !s.includes("\u0000") && s.length <= max);

const junkObject = fc.dictionary(short, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
const junkArray = fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 });
/** Nested junk several levels deep. */
export const nestedJunk = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(short, tie("node"), { maxKeys: 3 }),
  ),
})).node;

export const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  junkArray,
  junkObject,
  nestedJunk.filter((v) => typeof v !== "string" && v !== null),
);
/** Numbers as strings, NaN-like words, booleans, containers: never a JSON number. */
export const notNumber = fc.oneof(
  fc.constantFrom("1", "0", "NaN", "Infinity", "-Infinity", "1e309", "0x10", "", " 1", "1.5", "١٢"),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  junkArray,
  junkObject,
);

/** For a required text of at most `max` characters (blank is invalid too). */
export const badRequiredText = (max: number) =>
  fc.oneof(notString, fc.constant(null), loneSurrogate, withNul, longerThan(max), fc.constantFrom("", "   ", "\n\t"));
/** For optional text (null and "" are valid there, so neither is generated). */
export const badOptionalText = (max: number) => fc.oneof(notString, loneSurrogate, withNul, longerThan(max));

export const MALFORMED_IDS = [
  "",
  "null",
  "undefined",
  "not-a-uuid",
  "00000000-0000-0000-0000-00000000000g",
  "6f9619ff-8b86-d011-b42d-00cf4fc964ffx",
  " 6f9619ff-8b86-d011-b42d-00c04fc964ff",
  "6f9619ff8b86d011b42d00c04fc964ff0",
  "../../etc/passwd",
  "%00",
  "1 OR 1=1",
  '\'; DROP TABLE "Claim"; --',
  ...EMOJI_AND_RTL,
  ...LONE_SURROGATES,
];
export const malformedId = fc.oneof(
  fc.constantFrom(...MALFORMED_IDS),
  fc.string({ maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)),
);
/** Syntactically a UUID, but of nothing in the database. */
export const unknownUuid = fc.oneof(
  fc.uuid(),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
);
export const badId = fc.oneof(notString, fc.constant(null), malformedId, unknownUuid);
/** As badId, for optional nullable ids (null is valid there). */
export const badOptionalId = fc.oneof(notString, malformedId, unknownUuid);

/** Any value an enum does not hold: near misses, other cases, padding, emoji. */
export const badEnum = (values: readonly string[]) =>
  fc
    .oneof(
      notString,
      fc.constant(null),
      emojiOrRtl,
      fc.constantFrom(...values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}\u0000`, v.replace("_", "-")])),
      fc.string({ maxLength: 12 }),
    )
    .filter((v) => !values.includes(v as string));

/** A version that is not `current`: stale, zero, negative, fractional, past 32 bits, or no number. */
export const badVersion = (current: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: 2 ** 31 - 1 }).filter((v) => v !== current),
    fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 - 1, -(2 ** 53) + 1, 1e20),
    notNumber,
    fc.constant(null),
  );

/** `?version=` values that never mean `current` (Number(" 1 ") is 1, so those are filtered out). */
export const badVersionParam = (current: number) =>
  fc
    .oneof(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }).map(String),
      fc.constantFrom(
        "0",
        "-1",
        "1.5",
        "abc",
        "NaN",
        "Infinity",
        "1e400",
        " ",
        "2147483648",
        "9007199254740993",
        "99999999999999999999",
        "😀",
        "١",
      ),
      fc.string({ maxLength: 10 }),
    )
    .filter((v) => v.trim() !== "" && Number(v) !== current);

export interface TextFacts {
  length: number;
  splitAt: number[];
  safe: number[];
}

/** Offsets of `text` that are safe span ends, and those that cut a surrogate pair. */
export function textFacts(text: string): TextFacts {
  const safe: number[] = [];
  const splitAt: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    const cuts = i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]) && /[\uDC00-\uDFFF]/.test(text[i]);
    (cuts ? splitAt : safe).push(i);
  }
  return { length: text.length, splitAt, safe };
}

export const validSpan = (t: TextFacts) =>
  fc
    .tuple(fc.constantFrom(...t.safe), fc.constantFrom(...t.safe))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));

/** An offset that is never valid in `t`: negative, fractional, past the end (or the 10M cap), or no number. */
export const badOffset = (t: TextFacts) =>
  fc.oneof(
    fc.integer({ max: -1 }),
    fc.double({ min: 0, max: t.length, noNaN: true }).filter((x) => !Number.isInteger(x)),
    fc.integer({ min: t.length + 1, max: 10_000_000 }),
    fc.integer({ min: 10_000_001 }),
    fc.constantFrom(2 ** 53, 1e20, -1e20),
    notNumber,
    fc.constant(null),
  );

/** A span (never null) that `t` cannot hold. */
export const badSpan = (t: TextFacts) => {
  const safe = fc.constantFrom(...t.safe);
  return fc.oneof(
    fc.tuple(badOffset(t), safe).map(([start, end]) => ({ start, end })),
    fc.tuple(safe, badOffset(t)).map(([start, end]) => ({ start, end })),
    fc.tuple(safe, safe).map(([a, b]) => ({ start: Math.max(a, b), end: Math.min(a, b) })), // reversed or empty
    fc.integer({ min: t.length + 1, max: 10_000_000 }).map((end) => ({ start: Math.max(0, t.length - 3), end })),
    fc.constantFrom(...t.splitAt).map((cut) => ({ start: cut, end: t.length })),
    fc.constantFrom(...t.splitAt).map((cut) => ({ start: 0, end: cut })),
    validSpan(t).map((s) => ({ ...s, extra: true })),
    validSpan(t).map((s) => ({ start: s.start })),
    notString.filter((v) => typeof v !== "object" || Array.isArray(v)),
  );
};

/** Parts of a split quote that can never be valid: empty, too many, overlapping, or bad spans. */
export const badParts = (t: TextFacts) =>
  fc.oneof(
    fc.constant([]),
    fc.constant(null),
    notString.filter((v) => !Array.isArray(v)),
    validSpan(t).map((s) => Array.from({ length: 51 }, () => s)),
    fc.array(badSpan(t), { minLength: 1, maxLength: 3 }),
    fc.constant([
      { start: 0, end: 3 },
      { start: 2, end: 5 },
    ]),
  );

/** Whole bodies that are no JSON object at all, or not JSON. */
export const RAW_JUNK = [
  "",
  " ",
  "not json",
  "{",
  "[1,2",
  '{"start": NaN}',
  '{"start": 1e999, "end": 2}',
  "\u0000",
  "null",
  "[]",
  '"text"',
  "1",
  "true",
  '{"__proto__": {"role": "admin"}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  "[".repeat(100_000) + "]".repeat(100_000),
  '{"a":1,"a":2}',
  "\uFEFF{}",
  '{"version": 1, "version": "x"}',
];
export const nonObjectJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).filter((v) => v === null || typeof v !== "object" || Array.isArray(v)),
  nestedJunk.filter((v) => Array.isArray(v)),
);
