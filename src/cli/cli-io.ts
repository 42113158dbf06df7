/**
 * Where a command writes: results to `out` (stdout), progress and warnings to `err` (stderr), so
 * `--json` output can be piped while humans still see what happens. Tests pass their own.
 */
export interface CliIo {
  /** Whether stderr is a terminal (live progress bars only then). */
  readonly interactive: boolean;
  /** Where live progress is drawn. */
  readonly progressStream: NodeJS.WritableStream;
  out(text: string): void;
  err(text: string): void;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    interactive: Boolean(process.stderr.isTTY),
    progressStream: process.stderr,
  };
}

/** Prints `value` as one JSON document on stdout (the `--json` contract of every command). */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
