/** What JSON.stringify makes of a server type: Dates become ISO strings. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

/**
 * The JSON answer of an endpoint whose handler returns what `service` resolves to: the browser's
 * types follow the services, so a changed service breaks the client at compile time.
 */
// biome-ignore lint/suspicious/noExplicitAny: any function type; only its return type is read
export type Answer<F extends (...args: any[]) => unknown> = Serialized<Awaited<ReturnType<F>>>;
