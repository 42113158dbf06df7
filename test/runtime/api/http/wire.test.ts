import { Readable } from 'stream';
import { ApiError } from '../../../../src/runtime/api/http/api-error';
import { parseJsonObject, readBody } from '../../../../src/runtime/api/http/wire';

function statusOf(call: () => unknown): [number, string] {
  try {
    call();
  } catch (error) {
    return [(error as ApiError).status, (error as ApiError).message];
  }
  throw new Error('expected an ApiError');
}

describe('wire helpers', () => {
  test('parseJsonObject: empty is {}, an object parses, anything else is a ClientException saying what it got', () => {
    expect(parseJsonObject(Buffer.alloc(0))).toEqual({});
    expect(parseJsonObject(Buffer.from('{"a":[1]}'))).toEqual({ a: [1] });
    expect(statusOf(() => parseJsonObject(Buffer.from('[1]')))).toEqual([400, 'request body: expected a JSON object, got a list']);
    expect(statusOf(() => parseJsonObject(Buffer.from('null')))).toEqual([400, 'request body: expected a JSON object, got null']);
    expect(statusOf(() => parseJsonObject(Buffer.from('"s"')))).toEqual([400, 'request body: expected a JSON object, got string']);
    expect(statusOf(() => parseJsonObject(Buffer.from('{"a":')))[1]).toMatch(/^request body: not valid JSON \(/);
  });

  test('a malformed body is a 400 that gives the line and column of the mistake', () => {
    expect(statusOf(() => parseJsonObject(Buffer.from('{\n  "jobName": "j",\n  "jobQueue": }')))).toEqual([400, 'request body: not valid JSON (line 3, column 15: Unexpected token \'}\')']);
  });

  test('readBody joins chunks and refuses a body past the limit with 413', async () => {
    // GIVEN
    const stream = (chunks: string[], headers: Record<string, string> = {}): any =>
      Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), { headers });

    // WHEN / THEN
    await expect(readBody(stream(['ab', 'cd']), 10)).resolves.toEqual(Buffer.from('abcd'));
    await expect(readBody(stream(['abcdef', 'ghijkl']), 10)).rejects.toMatchObject({ status: 413, errorType: 'RequestEntityTooLargeException' });
    await expect(readBody(stream(['a'], { 'content-length': '11' }), 10)).rejects.toMatchObject({ status: 413, message: 'request body: 11 bytes or more, at most 10 bytes are accepted' });
  });
});
