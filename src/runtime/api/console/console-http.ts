import { ServerResponse } from 'http';

/** Every console path starts with this (pages, `assets/`, `api/`). */
export const CONSOLE_PREFIX = '/console/';

/**
 * Headers on every console answer. The Content-Security-Policy allows scripts, styles, images and
 * connections from the server's own origin only, and no inline script or style: even if a job's
 * string ever reached the page as markup, the browser would run nothing from it. The page may not be
 * framed (clickjacking of Cancel/Terminate) and sends no Referer (job ids in URLs stay local).
 */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sends a console answer (JSON data, a page, an asset) with the security headers. */
export function sendConsole(
  response: ServerResponse, status: number, body: string | Buffer, contentType: string, headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...CONSOLE_SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
    ...headers,
  });
  response.end(body);
}

/** JSON for the console's scripts; errors are `{"message"}` with their status. */
export function sendConsoleJson(response: ServerResponse, status: number, body: unknown): void {
  sendConsole(response, status, JSON.stringify(body), 'application/json; charset=utf-8');
}
