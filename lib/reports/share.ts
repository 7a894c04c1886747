/**
 * A share of a whole: `count` of `of`, and their ratio — null when there is nothing to divide by
 * (a period with no attributed claims draws as a gap, a report with no claims prints "–"). The one
 * shape of a share in reports and trends.
 */
export interface Share {
  count: number;
  of: number;
  share: number | null;
}

export const shareOf = (count: number, of: number): Share => ({ count, of, share: of ? count / of : null });
