import { Readable } from 'stream';
import { ApiError } from '../../../../src/runtime/api/http/api-error';
import { MAX_REQUEST_NESTING, parseJsonObject, readBody, sendError } from '../../../../src/runtime/api/http/wire';

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

  test('#21 §3: a body that is not UTF-8 is a ClientException naming the offset, not text with U+FFFD stored', () => {
    const body = Buffer.concat([Buffer.from('{"jobName":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(statusOf(() => parseJsonObject(body))).toEqual([400, 'request body: not valid UTF-8 (first invalid byte at offset 13)']);
    expect(statusOf(() => parseJsonObject(Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d])))).toEqual([400, 'request body: not valid UTF-8 (first invalid byte at offset 1)']);
    expect(parseJsonObject(Buffer.from('{"name":"é😀"}'))).toEqual({ name: 'é😀' });
  });

  test('#21 §3: JSON nested deeper than the limit is a ClientException, not a stack overflow; brackets inside strings do not count', () => {
    const deep = (levels: number): Buffer => Buffer.from(`{"a":${'['.repeat(levels)}1${']'.repeat(levels)}}`);
    expect(statusOf(() => parseJsonObject(deep(200_000)))).toEqual([400, `request body: JSON nested more than ${MAX_REQUEST_NESTING} levels deep; at most ${MAX_REQUEST_NESTING} are accepted`]);
    expect(parseJsonObject(deep(MAX_REQUEST_NESTING - 1))).toBeDefined();
    expect(parseJsonObject(Buffer.from(`{"a":"${'['.repeat(1000)}\\\\\\"]"}`))).toEqual({ a: `${'['.repeat(1000)}\\"]` });
  });

  test('#21 §3: a 413 tells the client the connection closes, so a keep-alive client does not reuse it', () => {
    const headers: Record<string, unknown> = {};
    const response = { writeHead: (_status: number, sent: Record<string, unknown>) => Object.assign(headers, sent), end: () => undefined };
    sendError(response as never, new ApiError(413, 'RequestEntityTooLargeException', 'too big'), 'application/json');
    expect(headers.Connection).toBe('close');
    sendError(response as never, ApiError.client('bad'), 'application/json');
  });
});
