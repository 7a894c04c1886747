/** `%`, `_` and `\` typed in a search box are literal characters, not LIKE patterns. */
export const escapeLike = (q: string) => q.replace(/[\\%_]/g, (m) => `\\${m}`);

/** A "contains" pattern for `ILIKE` (PostgreSQL's default escape character is the backslash). */
export const likePattern = (q: string) => `%${escapeLike(q)}%`;
