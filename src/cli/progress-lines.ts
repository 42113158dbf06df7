import { performance } from 'perf_hooks';

/** How often a line is printed when no progress bar can be drawn. */
export const PROGRESS_LINE_INTERVAL_MS = 5000;

/**
 * Progress of long work where no bar can be drawn (stderr is a pipe or a CI log): one line every few
 * seconds of wall time, so a log shows the work is alive and how far it is, without a line per step.
 */
export class ProgressLines {
  private readonly started: number;
  private lastPrinted: number;

  constructor(
    private readonly print: (line: string) => void,
    private readonly describe: (done: number, total: number, elapsedSeconds: number) => string,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs: number = PROGRESS_LINE_INTERVAL_MS,
  ) {
    this.started = this.lastPrinted = now();
  }

  update(done: number, total: number): void {
    const now = this.now();
    if (now - this.lastPrinted < this.intervalMs) return;
    this.lastPrinted = now;
    this.print(this.describe(done, total, Math.round((now - this.started) / 1000)));
  }
}
