import { IncomingHttpHeaders } from 'http';
import { isIP } from 'net';
import { networkInterfaces } from 'os';
import { ApiError } from './api-error';

/**
 * Who may talk to the endpoint. `batch-local serve` runs jobs as host processes and takes
 * `containerOverrides.command`, so a request is as good as a shell command. Any web page the developer
 * opens can send requests to 127.0.0.1 (a `fetch(..., {mode: 'no-cors'})` or an HTML form needs no
 * permission), and a DNS-rebinding page can even read the answers. The SDKs, the AWS CLI, boto3 and
 * curl never send the signals a browser adds to a request of another origin, so those signals are
 * what is refused, as local development servers that handle this well do (Vite's `server.allowedHosts`,
 * webpack-dev-server's host check, Jupyter's origin check):
 * - `Origin` other than the server's own origin (`null` included): a page of another origin sent it;
 * - `Sec-Fetch-Site: cross-site` or `same-site`: the browser says so itself;
 * - the content types an HTML form or a no-cors fetch can send without asking (the CORS-safelisted
 *   `application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`): no AWS client uses them,
 *   and refusing them closes the "simple request" path even for browsers that send no Origin;
 * - a CORS preflight: answered 403 without any `Access-Control-Allow-*` header, so no permission;
 * - a `Host` that is not a loopback name or address, the bound address, or a name the user allowed:
 *   a DNS-rebinding page reaches the server under its own name (`evil.example:4590`).
 */
export interface OriginGuardOptions {
  /**
   * Host names accepted in `Host` besides loopback names (`localhost`, `*.localhost`), loopback
   * addresses and the address the server is bound to. An entry starting with `.` accepts that domain and
   * its subdomains (`.corp.example`). @default - none
   */
  readonly allowedHosts?: readonly string[];
}

/** Content types a page can send cross-origin without a CORS preflight (Fetch standard). */
const BROWSER_SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const ACCEPTED_FETCH_SITES = new Set(['same-origin', 'none']);
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '']);

export class OriginGuard {
  private readonly allowedNames: string[];
  private readonly allowedSuffixes: string[];
  /** Addresses the server answers on (lower case, IPv6 without brackets): loopback plus the bound one(s). */
  private boundAddresses = new Set<string>();

  constructor(options: OriginGuardOptions = {}) {
    const entries = (options.allowedHosts ?? []).map((entry) => entry.trim().toLowerCase()).filter((entry) => entry.length > 0);
    this.allowedNames = entries.filter((entry) => !entry.startsWith('.'));
    this.allowedSuffixes = entries.filter((entry) => entry.startsWith('.'));
  }

  /**
   * Records the address the server listens on. Bound to a wildcard address (`0.0.0.0`, `::`), the
   * server is reached through any of this machine's addresses, so each of them is accepted in `Host`.
   */
  bind(address: string): void {
    const normalized = address.toLowerCase();
    if (WILDCARD_ADDRESSES.has(normalized)) {
      for (const entries of Object.values(networkInterfaces())) {
        for (const entry of entries ?? []) this.boundAddresses.add(entry.address.toLowerCase());
      }
    } else {
      this.boundAddresses.add(normalized);
    }
  }

  /** The 403 for a request that may not be served, or undefined when it may. Looks at headers only. */
  refusal(method: string, headers: IncomingHttpHeaders): ApiError | undefined {
    const host = firstValue(headers.host);
    if (host !== undefined && !this.isAllowedHost(hostName(host))) {
      return forbidden(`Host: '${clip(host)}' is not this server's address or a loopback name; a page that reaches the server under `
        + 'another name (DNS rebinding) is refused. Allow a name with batch-local serve --allow-host NAME');
    }
    if (method === 'OPTIONS' && headers['access-control-request-method'] !== undefined) {
      return forbidden('Access-Control-Request-Method: CORS preflight refused; this endpoint grants no cross-origin access');
    }
    const origin = firstValue(headers.origin);
    if (origin !== undefined && (host === undefined || origin.toLowerCase() !== `http://${host.toLowerCase()}`)) {
      return forbidden(`Origin: '${clip(origin)}' is not this server's origin; requests from web pages of other origins are refused`);
    }
    const fetchSite = firstValue(headers['sec-fetch-site']);
    if (fetchSite !== undefined && !ACCEPTED_FETCH_SITES.has(fetchSite.toLowerCase())) {
      return forbidden(`Sec-Fetch-Site: '${clip(fetchSite)}' marks a request from another site; only same-origin requests are served`);
    }
    const contentType = firstValue(headers['content-type']);
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (mediaType !== undefined && BROWSER_SIMPLE_CONTENT_TYPES.has(mediaType)) {
      return forbidden(`Content-Type: '${clip(contentType!)}' is what HTML forms and cross-origin pages send; `
        + 'send JSON with Content-Type: application/json (curl: -H \'Content-Type: application/json\')');
    }
    return undefined;
  }

  private isAllowedHost(name: string): boolean {
    if (isLoopbackHost(name) || this.boundAddresses.has(name)) return true;
    if (this.allowedNames.includes(name)) return true;
    return this.allowedSuffixes.some((suffix) => name === suffix.slice(1) || name.endsWith(suffix));
  }
}

/** A loopback name (`localhost`, `*.localhost`) or address: only this machine reaches it. */
export function isLoopbackHost(name: string): boolean {
  const normalized = name.toLowerCase();
  return normalized === 'localhost' || normalized.endsWith('.localhost') || isLoopbackAddress(normalized);
}

/** `127.0.0.0/8`, `::1` and IPv4-mapped loopback (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string): boolean {
  const normalized = address.toLowerCase();
  const v4 = normalized.startsWith('::ffff:') ? normalized.slice('::ffff:'.length) : normalized;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return normalized === '::1';
}

/** The host name of a `Host` header value, lower case, without the port and IPv6 brackets. */
function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? value : value.slice(1, end);
  }
  const colon = value.lastIndexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function forbidden(message: string): ApiError {
  return new ApiError(403, 'AccessDeniedException', `batch-local refused a request that looks like it comes from a web page: ${message}`);
}

/** Header values are attacker-chosen: keep the message short. */
function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}...` : value;
}
