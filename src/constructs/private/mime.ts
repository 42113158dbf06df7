/**
 * A small reader for the user-data documents cloud-init accepts: a MIME multipart archive or a
 * single script / cloud-config. Only what merging needs: split into parts, keep each part's
 * headers and body as written (no decoding of base64 parts: they are re-emitted unchanged).
 */

export interface MimePart {
  readonly contentType: string;
  readonly transferEncoding?: string;
  readonly body: string;
}

export interface MimeDocument {
  /** The boundary, when the input was multipart. */
  readonly boundary?: string;
  readonly parts: MimePart[];
}

const SHELL_SCRIPT = 'text/x-shellscript; charset="us-ascii"';

/** cloud-init's own "starts with" rules for non-MIME user data. */
const SINGLE_PART_TYPES: Array<{ prefix: string; contentType: string }> = [
  { prefix: '#!', contentType: SHELL_SCRIPT },
  { prefix: '#cloud-config', contentType: 'text/cloud-config; charset="us-ascii"' },
  { prefix: '#cloud-boothook', contentType: 'text/cloud-boothook; charset="us-ascii"' },
  { prefix: '#include', contentType: 'text/x-include-url; charset="us-ascii"' },
  { prefix: '#upstart-job', contentType: 'text/upstart-job; charset="us-ascii"' },
];

/**
 * Parses user data. Base64 input (as EC2 stores it) is decoded first. A multipart document is
 * split into its parts; anything else becomes one part typed the way cloud-init would type it
 * (a script without a shebang gets `#!/bin/bash`, since cloud-init would not run it otherwise).
 */
export function parseUserData(input: string): MimeDocument {
  const text = normalizeNewlines(maybeDecodeBase64(input));
  const { headers, bodyStart } = readHeaders(text.split('\n'), 0);
  const contentType = headers.get('content-type');
  if (contentType && /^multipart\//i.test(contentType)) {
    const body = text.split('\n').slice(bodyStart);
    const boundary = actualBoundary(boundaryOf(contentType), body);
    return { boundary, parts: splitParts(body, boundary) };
  }
  return { parts: [singlePart(text)] };
}

function singlePart(text: string): MimePart {
  const trimmed = text.replace(/^\s+/, '');
  const known = SINGLE_PART_TYPES.find((type) => trimmed.startsWith(type.prefix));
  if (known) {
    return { contentType: known.contentType, body: trimTrailingBlankLines(trimmed) };
  }
  return { contentType: SHELL_SCRIPT, body: trimTrailingBlankLines(`#!/bin/bash\n${trimmed}`) };
}

function splitParts(lines: string[], boundary: string): MimePart[] {
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  const parts: MimePart[] = [];
  let current: string[] | undefined;
  const flush = () => {
    if (current) {
      parts.push(readPart(current));
    }
  };
  for (const line of lines) {
    const bare = line.trimEnd();
    if (bare === close) {
      flush();
      return parts;
    }
    if (bare === open) {
      flush();
      current = [];
      continue;
    }
    current?.push(line);
  }
  throw new Error(`user data: the multipart document has no closing boundary ${JSON.stringify(close)} (CE-4)`);
}

function readPart(lines: string[]): MimePart {
  const { headers, bodyStart } = readHeaders(lines, 0);
  const contentType = headers.get('content-type') ?? 'text/plain; charset="us-ascii"';
  const body = trimTrailingBlankLines(lines.slice(bodyStart).join('\n'));
  return { contentType, transferEncoding: headers.get('content-transfer-encoding'), body };
}

/** Reads `Name: value` lines up to the first blank line; returns lower-cased names. */
function readHeaders(lines: string[], from: number): { headers: Map<string, string>; bodyStart: number } {
  const headers = new Map<string, string>();
  let index = from;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') {
      return { headers, bodyStart: index + 1 };
    }
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!match) {
      // Not a header block at all (a plain script): no headers, body starts at the top.
      return { headers: new Map(), bodyStart: from };
    }
    headers.set(match[1].toLowerCase(), match[2].trim());
  }
  return { headers, bodyStart: index };
}

/**
 * The AWS guide's own examples declare `boundary=="MYBOUNDARY=="` and then delimit with
 * `--==MYBOUNDARY==`. When no line uses the declared boundary, the first delimiter-looking line
 * that contains it is taken as what the author meant.
 */
function actualBoundary(declared: string, body: string[]): string {
  if (body.some((line) => line.trimEnd() === `--${declared}`)) {
    return declared;
  }
  const first = body.find((line) => line.startsWith('--') && line.includes(declared.replace(/^=+/, '')));
  return first ? first.trimEnd().slice(2) : declared;
}

/** The boundary parameter, without quotes. */
function boundaryOf(contentType: string): string {
  const match = /boundary=([^;]+)/i.exec(contentType);
  const boundary = match?.[1].replace(/"/g, '').trim();
  if (!boundary) {
    throw new Error(`user data: ${JSON.stringify(contentType)} is invalid: a multipart Content-Type needs a boundary parameter (CE-4)`);
  }
  return boundary;
}

function maybeDecodeBase64(input: string): string {
  const compact = input.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return input;
  }
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // Only accept the decoding when it yields text that looks like user data.
  return /^(\s*#|[A-Za-z-]+:)/.test(decoded) && !decoded.includes('\uFFFD') ? decoded : input;
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function trimTrailingBlankLines(text: string): string {
  return text.replace(/\n\s*$/g, '').replace(/\s+$/, '');
}
