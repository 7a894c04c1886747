/**
 * The one definition of "blank" for free text read back from the database (an anonymity reason, a
 * role, a self-described attribute): null, empty, or only the whitespace JavaScript's trim()
 * strips. Input is trimmed on the way in (lib/schema.ts `text`), but imports, restores and plain
 * SQL may store anything, and the trends (SQL, stated-text-sql.ts), the reports and the
 * transparency card (JS) must agree on what counts as "no stated reason". No imports: browser code
 * uses it too.
 */

/** The code points String.prototype.trim() removes (ECMAScript WhiteSpace and LineTerminator). */
export const TRIM_CHARACTERS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** The text trimmed, or null when nothing is left. */
export const statedText = (text: string | null | undefined): string | null => text?.trim() || null;
