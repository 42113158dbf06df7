import * as readline from 'readline';
import * as cliProgress from 'cli-progress';
import { CliIo } from './cli-io';

/** DECSC, as cli-progress writes it when a bar starts (and DECRC restores it when the bar stops). */
const SAVE_CURSOR = '\x1b7';

/** Status counts of an array job's children (`arrayProperties.statusSummary`). */
export type StatusSummary = Record<string, number>;

/**
 * The live view of `batch-local run`: on a terminal a progress bar of finished children (or of the
 * job's state for a single job) with the counts per state; elsewhere (pipes, CI, --json) one line per
 * change of the job's own state on stderr, so logs stay readable.
 */
export class JobProgressView {
  private readonly bar?: cliProgress.SingleBar;
  private readonly barStream: NodeJS.WritableStream;
  /** Line-per-change output when no bar is drawn. */
  private readonly lineLog?: (line: string) => void;
  private lastStatus?: string;

  constructor(io: CliIo, private readonly jobName: string, total: number, quiet: boolean) {
    this.barStream = io.progressStream;
    if (io.interactive && !quiet) {
      this.bar = new cliProgress.SingleBar({
        stream: io.progressStream,
        format: `${jobName} |{bar}| {value}/{total} ${total > 1 ? 'children finished' : 'finished'} | {status} {summary}`,
        hideCursor: true,
        clearOnComplete: false,
        // Redrawn every frame, not only on change: a log line printed above (printAbove) erases it.
        forceRedraw: true,
      }, cliProgress.Presets.shades_classic);
      this.bar.start(total, 0, { status: 'SUBMITTED', summary: '' });
    } else if (!quiet) {
      this.lineLog = (line) => io.err(line);
    }
  }

  update(status: string, summary?: StatusSummary): void {
    const finished = summary ? (summary.SUCCEEDED ?? 0) + (summary.FAILED ?? 0) : status === 'SUCCEEDED' || status === 'FAILED' ? 1 : 0;
    const counts = summary ? Object.entries(summary).filter(([, n]) => n > 0).map(([state, n]) => `${state} ${n}`).join(', ') : '';
    this.bar?.update(finished, { status, summary: counts ? `(${counts})` : '' });
    if (status !== this.lastStatus) {
      this.lineLog?.(`${this.jobName}: ${status}${counts ? ` (${counts})` : ''}`);
      this.lastStatus = status;
    }
  }

  /**
   * Prints log output while the bar is drawn: the bar's line is erased first, so a log line does not
   * start in the middle of the bar; the bar is redrawn below it on its next frame. The cursor
   * position is saved again below the output (DECSC), because the bar's stop() restores the position
   * saved at its start, which would put the final lines over the log lines.
   */
  printAbove(print: () => void): void {
    if (this.bar) {
      readline.clearLine(this.barStream, 0);
      readline.cursorTo(this.barStream, 0);
    }
    print();
    if (this.bar) this.barStream.write(SAVE_CURSOR);
  }

  stop(): void {
    this.bar?.stop();
  }
}
