import { Readable } from 'stream';

/**
 * Calls `onLine` for each line of `stream` as soon as its newline arrives (LOG-1: logs stream while
 * the job runs), and for a last unterminated line at the end. A `\r` before the newline is dropped.
 * Cheaper than `readline`, which matters when a thousand short jobs start per second.
 */
export function splitLines(stream: Readable, onLine: (line: string) => void): void {
  stream.setEncoding('utf8'); // a multi-byte character split across chunks is decoded whole
  let pending = '';
  stream.on('data', (chunk: string) => {
    let start = 0;
    let newline = chunk.indexOf('\n');
    if (newline === -1) {
      pending += chunk;
      return;
    }
    let text = pending + chunk;
    newline += pending.length;
    pending = '';
    while (newline !== -1) {
      onLine(stripCarriageReturn(text.slice(start, newline)));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    pending = text.slice(start);
    text = '';
  });
  stream.on('end', () => {
    if (pending !== '') onLine(stripCarriageReturn(pending));
    pending = '';
  });
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
