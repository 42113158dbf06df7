import { PassThrough } from 'stream';
import { splitLines } from '../../../../src/runtime/executors/common/line-splitter';

function feed(chunks: Array<string | Buffer>): Promise<string[]> {
  const stream = new PassThrough();
  const lines: string[] = [];
  splitLines(stream, (line) => lines.push(line));
  return new Promise((resolve) => {
    stream.on('end', () => resolve(lines));
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

describe('splitLines', () => {
  test('LOG-1: a line is delivered when its newline arrives, before the stream ends', async () => {
    // GIVEN
    const stream = new PassThrough();
    const lines: string[] = [];
    splitLines(stream, (line) => lines.push(line));
    // WHEN
    stream.write('first\nsec');
    await new Promise((resolve) => setImmediate(resolve));
    // THEN
    expect(lines).toEqual(['first']);
    stream.end('ond\n');
  });

  test('LOG-1: lines split across chunks, several lines per chunk, CRLF and a last line without newline', async () => {
    expect(await feed(['a', 'b\nc\r\nd\n\ne', 'nd'])).toEqual(['ab', 'c', 'd', '', 'end']);
  });

  test('LOG-1: a multi-byte character split across chunks stays whole', async () => {
    const bytes = Buffer.from('héllo €\n', 'utf8');
    expect(await feed([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)])).toEqual(['héllo €']);
  });
});

describe('splitLines with a maximum length', () => {
  test('LOG-1: a line longer than the maximum is delivered in pieces, within a chunk and across chunks', async () => {
    // GIVEN
    const stream = new PassThrough();
    const lines: string[] = [];
    splitLines(stream, (line) => lines.push(line), 4);
    // WHEN
    const ended = new Promise((resolve) => stream.on('end', resolve));
    stream.write('abcdefghij\r\nxy\nabcd\r\nabc');
    stream.write('defgh');
    stream.end('ijk');
    await ended;
    // THEN
    expect(lines).toEqual(['abcd', 'efgh', 'ij', 'xy', 'abcd', 'abcd', 'efgh', 'ijk']);
  });
});
