import { describe, expect, it } from "vitest";
import { CLAIM_ORDERINGS, STATEMENT_ORDERING } from "@/lib/claims/orderings";
import { afterKeys, encodeKeyset, type Ordering } from "@/lib/keyset";

const forge = (ordering: Ordering, k: unknown[]) =>
  Buffer.from(JSON.stringify({ s: ordering.name, k })).toString("base64url");
const ID = "4b1c1a3e-8f6d-4d0a-9b1e-2f3c4d5e6f70";
const article = CLAIM_ORDERINGS.article;

describe("keyset cursors", () => {
  it("round-trip the last row's keys into the next page's condition", () => {
    const cursor = encodeKeyset(article, { k0: "2024-01-02 03:04:05.678", k1: ID, k2: "17", k3: ID });
    expect(afterKeys(article, cursor).values).toEqual(expect.arrayContaining(["2024-01-02 03:04:05.678", "17", ID]));
    expect(afterKeys(article, undefined).sql).toBe("TRUE");
  });

  it.each([
    ["a month and time that do not exist", ["2024-13-45 99:99:99", ID, "1", ID]],
    ["the 30th of February", ["2024-02-30 00:00:00", ID, "1", ID]],
    ["an integer past int4", ["2024-01-02 03:04:05", ID, "9999999999", ID]],
    ["an integer below int4", ["2024-01-02 03:04:05", ID, "-2147483649", ID]],
    ["a number instead of a string", ["2024-01-02 03:04:05", ID, 1, ID]],
    ["a uuid that is not one", ["2024-01-02 03:04:05", "not-a-uuid", "1", ID]],
    ["too few keys", ["2024-01-02 03:04:05", ID]],
  ])("refuse %s with a 400 before SQL", (_name, keys) => {
    expect(() => afterKeys(article, forge(article, keys))).toThrow(
      expect.objectContaining({ code: "validation_error", issues: [expect.objectContaining({ path: ["cursor"] })] }),
    );
  });

  it("refuse another ordering's cursor, garbage and non-JSON", () => {
    const newest = encodeKeyset(CLAIM_ORDERINGS.newest, { k0: "2024-01-02 03:04:05", k1: ID });
    for (const cursor of [newest, "garbage", Buffer.from("[1,2]").toString("base64url"), "%%%"])
      expect(() => afterKeys(article, cursor)).toThrow(/cursor/);
    expect(() =>
      afterKeys(STATEMENT_ORDERING, forge(STATEMENT_ORDERING, ["2024-02-29 23:59:59", ID, "2147483647"])),
    ).not.toThrow();
  });
});
