import { Readable } from 'stream';

/**
 * The longest log line delivered whole, in characters; a longer line is delivered as several lines of
 * at most this length. CloudWatch Logs takes events of at most 256 KiB, and Docker's awslogs driver
 * (the one AWS Batch uses) splits a longer line into several events likewise. It also bounds what a
 * reader holds per stream: a spawn helper that runs under its jobs' memory limit must stay small.
 */
export const MAX_LOG_LINE_LENGTH = 256 * 1024;

/**
 * Calls `onLine` for each line of `stream` as soon as its newline arrives (LOG-1: logs stream while
 * the job runs), and for a last unterminated line at the end. A `\r` before the newline is dropped.
 * Cheaper than `readline`, which matters when a thousand short jobs start per second.
 *
 * @param maxLength a line longer than this is delivered in pieces of this length (unlimited when
 *   omitted: the spawn helper's protocol messages must arrive whole)
 */
export function splitLines(stream: Readable, onLine: (line: string) => void, maxLength: number = Number.POSITIVE_INFINITY): void {
  stream.setEncoding('utf8'); // a multi-byte character split across chunks is decoded whole
  const emit = (terminated: string): void => {
    const line = stripCarriageReturn(terminated);
    let start = 0;
    while (line.length - start > maxLength) {
      onLine(line.slice(start, start + maxLength));
      start += maxLength;
    }
    onLine(start === 0 ? line : line.slice(start));
  };
  let pending = '';
  stream.on('data', (chunk: string) => {
    let start = 0;
    let newline = chunk.indexOf('\n');
    if (newline === -1) {
      pending += chunk;
      while (pending.length > maxLength) {
        onLine(pending.slice(0, maxLength));
        pending = pending.slice(maxLength);
      }
      return;
    }
    let text = pending + chunk;
    newline += pending.length;
    pending = '';
    while (newline !== -1) {
      emit(text.slice(start, newline));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    pending = text.slice(start);
    text = '';
    while (pending.length > maxLength) {
      onLine(pending.slice(0, maxLength));
      pending = pending.slice(maxLength);
    }
  });
  stream.on('end', () => {
    if (pending !== '') emit(pending);
    pending = '';
  });
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
