/**
 * Numbers from the environment, read one way everywhere. Unset or blank (`FOO=` in a compose file,
 * an empty CI variable) means the default — `Number("")` is 0, which made every text task abort
 * at once and every card read a 429. Something that is not a number is reported once and replaced
 * by the default; a number outside [min, max] is brought inside it (and reported once).
 */
export interface EnvNumberOptions {
  default: number;
  min?: number;
  max?: number;
  /** Whole numbers only (default true): counts, milliseconds, bytes, ports. */
  integer?: boolean;
}

const warned = new Set<string>();

function warnOnce(name: string, message: string) {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(`[sourcedesk] ${name}: ${message}`);
}

/** Parses `raw` (the variable's value) as `envNumber` does; exported for tests and for values read elsewhere. */
export function parseEnvNumber(name: string, raw: string | undefined, options: EnvNumberOptions): number {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = true } = options;
  const text = raw?.trim() ?? "";
  if (text === "") return options.default;
  const value = Number(text);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    warnOnce(
      name,
      `"${text.slice(0, 40)}" is not ${integer ? "a whole number" : "a number"}; using ${options.default}`,
    );
    return options.default;
  }
  if (value < min || value > max) {
    const bounded = Math.min(max, Math.max(min, value));
    warnOnce(name, `${value} is outside ${min}–${max}; using ${bounded}`);
    return bounded;
  }
  return value;
}

/** `process.env[name]` as a number within bounds, or the default when unset or blank. */
export function envNumber(name: string, options: EnvNumberOptions): number {
  return parseEnvNumber(name, process.env[name], options);
}
