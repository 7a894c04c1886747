import { afterEach, describe, expect, it, vi } from "vitest";
import { envNumber, parseEnvNumber } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("envNumber", () => {
  it("uses the default when the variable is unset or blank (Number('') is 0)", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(parseEnvNumber("A", undefined, { default: 60_000 })).toBe(60_000);
    expect(parseEnvNumber("A", "", { default: 60_000 })).toBe(60_000);
    expect(parseEnvNumber("A", "   ", { default: 120, min: 1 })).toBe(120);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it("reads numbers, surrounding spaces and exponent notation included", () => {
    expect(parseEnvNumber("B", "42", { default: 1 })).toBe(42);
    expect(parseEnvNumber("B", " 7 ", { default: 1 })).toBe(7);
    expect(parseEnvNumber("B", "1e3", { default: 1 })).toBe(1000);
    expect(parseEnvNumber("B", "0", { default: 4, min: 0 })).toBe(0);
    expect(parseEnvNumber("B", "0.5", { default: 1, integer: false })).toBe(0.5);
  });

  it("replaces what is not a (whole) number by the default, saying so once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(parseEnvNumber("C1", "abc", { default: 120 })).toBe(120);
    expect(parseEnvNumber("C1", "abc", { default: 120 })).toBe(120);
    expect(parseEnvNumber("C2", "NaN", { default: 5 })).toBe(5);
    expect(parseEnvNumber("C3", "Infinity", { default: 5 })).toBe(5);
    expect(parseEnvNumber("C4", "1.5", { default: 2 })).toBe(2);
    expect(parseEnvNumber("C5", "12px", { default: 3 })).toBe(3);
    expect(warn).toHaveBeenCalledTimes(5);
    expect(String(warn.mock.calls[0][0])).toMatch(/C1: "abc" is not a whole number; using 120/);
  });

  it("brings a number outside its bounds inside them", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(parseEnvNumber("D1", "0", { default: 120, min: 1 })).toBe(1);
    expect(parseEnvNumber("D2", "-3", { default: 0, min: 0, max: 16 })).toBe(0);
    expect(parseEnvNumber("D3", "99", { default: 0, min: 0, max: 16 })).toBe(16);
    expect(parseEnvNumber("D4", "600000000", { default: 1, max: 536_000_000 })).toBe(536_000_000);
  });

  it("reads process.env", () => {
    vi.stubEnv("SOURCEDESK_TEST_NUMBER", "250");
    expect(envNumber("SOURCEDESK_TEST_NUMBER", { default: 1 })).toBe(250);
    vi.stubEnv("SOURCEDESK_TEST_NUMBER", "");
    expect(envNumber("SOURCEDESK_TEST_NUMBER", { default: 1 })).toBe(1);
  });
});
