/**
 * A Prisma enum's values in schema order (PostgreSQL's enum_range order too), as the non-empty tuple
 * `z.enum` takes: lists of allowed values come from the schema instead of being typed out again.
 */
export const enumValues = <T extends Record<string, string>>(values: T) =>
  Object.values(values) as [T[keyof T], ...T[keyof T][]];
