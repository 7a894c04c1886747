/**
 * The edit between two versions of an article body, as an alignment of old and new offsets.
 * Offsets are UTF-16 code units; no boundary ever falls inside a surrogate pair.
 */
export interface DiffSegment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  equal: boolean;
}

export interface TextEdit {
  oldLength: number;
  newLength: number;
  /** Covers both texts completely, in order; equal and changed segments alternate. */
  segments: DiffSegment[];
}

/** Past this many changed tokens the middle is treated as one replacement (search still finds moved text). */
const MAX_EDIT_TOKENS = 2000;
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[\s\S]/gu;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Common prefix/suffix first (exact for the usual single edit), then a token diff of the middle. */
export function diffText(oldText: string, newText: string): TextEdit {
  const max = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  if (head > 0 && head < max && isHigh(oldText.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (
    tail < max - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  // A tail starting on a low surrogate would cut a pair: give that unit back to the middle.
  if (tail > 0 && tail < oldText.length - head && isHigh(oldText.charCodeAt(oldText.length - tail - 1))) tail--;

  const segments: DiffSegment[] = [];
  const push = (oldStart: number, oldEnd: number, newStart: number, newEnd: number, equal: boolean) => {
    if (oldStart === oldEnd && newStart === newEnd) return;
    const last = segments[segments.length - 1];
    if (last && last.equal === equal) {
      last.oldEnd = oldEnd;
      last.newEnd = newEnd;
      return;
    }
    segments.push({ oldStart, oldEnd, newStart, newEnd, equal });
  };
  push(0, head, 0, head, true);
  const oldMid = oldText.slice(head, oldText.length - tail);
  const newMid = newText.slice(head, newText.length - tail);
  for (const s of diffMiddle(oldMid, newMid))
    push(head + s.oldStart, head + s.oldEnd, head + s.newStart, head + s.newEnd, s.equal);
  push(oldText.length - tail, oldText.length, newText.length - tail, newText.length, true);
  return { oldLength: oldText.length, newLength: newText.length, segments };
}

function tokenize(text: string): { ids: number[]; starts: number[] } {
  const ids: number[] = [];
  const starts: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    starts.push(m.index);
    ids.push(internToken(m[0]));
  }
  starts.push(text.length);
  return { ids, starts };
}

const internTable = new Map<string, number>();
function internToken(token: string): number {
  let id = internTable.get(token);
  if (id === undefined) {
    if (internTable.size > 200_000) internTable.clear(); // keeps a long-running server's memory bounded
    id = internTable.size;
    internTable.set(token, id);
  }
  return id;
}

function diffMiddle(oldMid: string, newMid: string): DiffSegment[] {
  if (!oldMid || !newMid)
    return [{ oldStart: 0, oldEnd: oldMid.length, newStart: 0, newEnd: newMid.length, equal: false }];
  const a = tokenize(oldMid);
  const b = tokenize(newMid);
  const pairs = myersMatches(a.ids, b.ids, MAX_EDIT_TOKENS);
  if (!pairs) return [{ oldStart: 0, oldEnd: oldMid.length, newStart: 0, newEnd: newMid.length, equal: false }];
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  for (const [x, y] of [...pairs, [a.ids.length, b.ids.length] as const]) {
    if (x > i || y > j)
      out.push({
        oldStart: a.starts[i],
        oldEnd: a.starts[x],
        newStart: b.starts[j],
        newEnd: b.starts[y],
        equal: false,
      });
    if (x < a.ids.length)
      out.push({
        oldStart: a.starts[x],
        oldEnd: a.starts[x + 1],
        newStart: b.starts[y],
        newEnd: b.starts[y + 1],
        equal: true,
      });
    i = x + 1;
    j = y + 1;
  }
  return out;
}

/**
 * Myers' O((N+M)·D) shortest edit script, returning the matched token pairs in order, or null
 * when more than `maxD` tokens differ (the caller then treats the middle as one replacement).
 */
function myersMatches(a: number[], b: number[], maxD: number): Array<readonly [number, number]> | null {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxD); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], a: number[], b: number[], dEnd: number): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d >= 0; d--) {
    // trace[d] holds v before round d, for k in [-d-1, d+1], stored from index 0.
    const at = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const prevK = d === 0 ? 0 : k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/** Where an old offset that starts a span lands: after anything inserted exactly there. */
export function mapStart(edit: TextEdit, position: number): number {
  for (const s of edit.segments) {
    if (position < s.oldEnd) return s.equal ? s.newStart + (position - s.oldStart) : s.newStart;
  }
  return edit.newLength;
}

/**
 * Where an old offset lands in proportion: inside a replaced stretch, at the same share of its
 * replacement. When the diff gave up on a long middle (a find-and-replace through the whole text),
 * each passage is still near its share of it, which mapStart (the stretch's start) loses.
 */
export function mapProportional(edit: TextEdit, position: number): number {
  for (const s of edit.segments) {
    if (position >= s.oldEnd) continue;
    const oldLength = s.oldEnd - s.oldStart;
    if (s.equal || oldLength === 0) return s.newStart + Math.min(position - s.oldStart, s.newEnd - s.newStart);
    return s.newStart + Math.round(((position - s.oldStart) * (s.newEnd - s.newStart)) / oldLength);
  }
  return edit.newLength;
}

/** Where an old offset that ends a span lands: before anything inserted exactly there. */
export function mapEnd(edit: TextEdit, position: number): number {
  for (let i = edit.segments.length - 1; i >= 0; i--) {
    const s = edit.segments[i];
    if (position > s.oldStart) return s.equal ? s.newStart + (position - s.oldStart) : s.newEnd;
  }
  return 0;
}

/**
 * True when [start, end) of the new text lies inside one unchanged stretch: it is then the
 * untouched copy of some other old passage, not text that was moved or retyped.
 */
export function isUnchangedText(edit: TextEdit, start: number, end: number): boolean {
  // The last segment starting at or before `start` (deletions are empty in the new text and
  // always share their start with the following segment, so this is the one holding `start`).
  let lo = 0;
  let hi = edit.segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (edit.segments[mid].newStart <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const s = edit.segments[found];
  return !!s && s.equal && start < s.newEnd && end <= s.newEnd;
}
