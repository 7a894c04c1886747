// A one-line progress bar on stderr with rate and ETA (a plain line every 5 s when stderr is not a
// terminal, so CI logs stay readable).

export interface Counts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  lines: number;
}

const clock = (s: number) =>
  !Number.isFinite(s)
    ? "?"
    : s >= 3600
      ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
      : s >= 60
        ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`
        : `${Math.round(s)}s`;

export class ProgressBar {
  readonly unit: "bytes" | "files";
  private readonly total: number;
  private readonly started = performance.now();
  private lastDraw = 0;
  private line = "";
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(options: { total: number; unit: "bytes" | "files" }) {
    this.total = Math.max(1, options.total);
    this.unit = options.unit;
  }

  update(done: number, counts: Counts) {
    const now = performance.now();
    if (now - this.lastDraw < (this.tty ? 200 : 5000)) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const share = Math.min(1, done / this.total);
    const articles = counts.created + counts.updated + counts.skipped + counts.failed;
    const rate = articles / seconds;
    const eta = share > 0 ? (seconds / share) * (1 - share) : Number.POSITIVE_INFINITY;
    const width = 24;
    const filled = Math.round(share * width);
    this.line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${articles} articles, ${rate.toFixed(0)}/s, ETA ${clock(eta)} · created ${counts.created}, updated ${counts.updated}, skipped ${counts.skipped}, failed ${counts.failed}`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${this.line}`);
    else process.stderr.write(`${this.line}\n`);
  }

  /** A message above the bar. */
  log(message: string) {
    if (this.tty) process.stderr.write(`\r\x1b[2K${message}\n${this.line}`);
    else process.stderr.write(`${message}\n`);
  }

  done() {
    if (this.tty && this.line) process.stderr.write("\n");
  }
}
