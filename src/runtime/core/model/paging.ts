import { ClientException } from '../errors';

/** Default and largest page of the registry Describe* operations (their `maxResults` docs: 1..100). */
export const MAX_DESCRIBE_RESULTS = 100;

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * One page of `items` for Describe* operations. The token is opaque to clients (the service model
 * says so) and encodes the offset together with the operation, so a token from another operation or
 * a forged one is a ClientException rather than a silently wrong page.
 */
export function pageOf<T>(items: readonly T[], operation: string, maxResults: number | undefined, nextToken: string | undefined): Page<T> {
  const size = maxResults ?? MAX_DESCRIBE_RESULTS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_DESCRIBE_RESULTS) {
    throw new ClientException(`maxResults: ${JSON.stringify(maxResults)} is invalid: an integer 1..${MAX_DESCRIBE_RESULTS} (${operation})`);
  }
  const offset = nextToken === undefined ? 0 : decodeToken(nextToken, operation);
  const end = offset + size;
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, nextToken: encodeToken(operation, end) } : { items: page };
}

function encodeToken(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ op: operation, offset }), 'utf8').toString('base64');
}

function decodeToken(token: string, operation: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (parsed && parsed.op === operation && Number.isInteger(parsed.offset) && parsed.offset >= 0) return parsed.offset;
  } catch {
    // Not base64 JSON: reported below like any other foreign token.
  }
  throw new ClientException(`nextToken: ${JSON.stringify(token.slice(0, 100))} is invalid: not a token ${operation} issued`);
}
