import { ANONYMOUS_SOURCE_TYPES, SOURCE_TYPES } from "@/lib/sources/source-types";
import { ATTRIBUTION_MODES } from "./schema";

/**
 * Claim.sourceTypeMask and Claim.modeMask: bit i stands for values[i]. The database's triggers
 * number the bits by the enums' declared order (enum_range); SOURCE_TYPES and ATTRIBUTION_MODES
 * list the enums in that order (tests/integration/claim-facet-columns.test.ts checks it).
 */
const maskOf = (values: readonly string[], selected: readonly string[]) =>
  selected.reduce((mask, v) => mask | (1 << values.indexOf(v)), 0);

export const sourceTypeMask = (types: readonly string[]) => maskOf(SOURCE_TYPES, types);
export const modeMask = (modes: readonly string[]) => maskOf(ATTRIBUTION_MODES, modes);

/** The types that name who spoke: a claim with one of them is not anonymously sourced. */
export const NAMED_TYPES_MASK = sourceTypeMask(SOURCE_TYPES.filter((t) => !ANONYMOUS_SOURCE_TYPES.includes(t)));
