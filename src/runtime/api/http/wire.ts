import { isUtf8 } from 'buffer';
import { randomUUID } from 'crypto';
import { IncomingMessage, ServerResponse } from 'http';
import { ApiError } from './api-error';
import { jsonNestingDepth } from '../json/json-nesting';
import { parseJsonText } from '../json/parse-json-text';

/** Requests larger than this are refused before they are read to the end (protects the server). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Reads the request body; rejects with ApiError 413 once it passes `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number = MAX_REQUEST_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(declared, limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(tooLarge(size, limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

function tooLarge(size: number, limit: number): ApiError {
  return new ApiError(413, 'RequestEntityTooLargeException', `request body: ${size} bytes or more, at most ${limit} bytes are accepted`);
}

/**
 * Nesting no AWS Batch or CloudWatch Logs request comes near (their deepest inputs nest about 10
 * levels); deeper JSON is refused before it is parsed and walked recursively.
 */
export const MAX_REQUEST_NESTING = 64;

/**
 * Parses a JSON request body into an object. An empty body is `{}` (the SDKs send no body for some
 * operations); anything that is not a JSON object is a ClientException naming what was wrong: bytes
 * that are not UTF-8 (rather than decoding them to U+FFFD and storing that), nesting deeper than
 * MAX_REQUEST_NESTING, invalid JSON.
 */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  if (!isUtf8(body)) throw ApiError.client(`request body: not valid UTF-8 (first invalid byte at offset ${firstInvalidUtf8(body)})`);
  const text = body.toString('utf8');
  const depth = jsonNestingDepth(text, MAX_REQUEST_NESTING);
  if (depth > MAX_REQUEST_NESTING) throw ApiError.client(`request body: JSON nested more than ${MAX_REQUEST_NESTING} levels deep; at most ${MAX_REQUEST_NESTING} are accepted`);
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (error) {
    throw ApiError.client(`request body: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw ApiError.client(`request body: expected a JSON object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed}`);
  }
  return parsed as Record<string, unknown>;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (for the error message). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}

/** Sends a JSON response with the headers the AWS SDKs read. */
export function sendJson(
  response: ServerResponse, status: number, body: unknown, contentType: string, extraHeaders: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...extraHeaders,
  });
  response.end(payload);
}

/**
 * Sends an error as AWS does: `x-amzn-ErrorType` header and `{"__type", "message"}` body. The SDKs
 * (v3, botocore) take the code from the header and the message from the body.
 */
export function sendError(response: ServerResponse, error: ApiError, contentType: string, extraHeaders: Record<string, string> = {}): void {
  // 413: the rest of the body was never read and the server closes the connection; saying so keeps
  // a keep-alive client from sending its next request on a socket that is about to close.
  const close: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
  sendJson(response, error.status, { __type: error.errorType, message: error.message }, contentType, { 'x-amzn-ErrorType': error.errorType, ...close, ...extraHeaders });
}
