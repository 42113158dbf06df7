import { el } from './dom.js';

export const JOB_STATUSES = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'];

// Each status has a symbol as well as a colour, so it reads without colour (and in a screen reader
// the status word itself is the text).
const STATUS_SYMBOLS = {
  SUBMITTED: '○', PENDING: '◔', RUNNABLE: '◑', STARTING: '◕', RUNNING: '▶', SUCCEEDED: '✔', FAILED: '✖',
};

/** A status as a badge: symbol (decorative) + word. */
export function statusBadge(status) {
  return el('span', { class: `status status-${String(status).toLowerCase()}` },
    el('span', { 'aria-hidden': 'true', class: 'status-symbol' }, STATUS_SYMBOLS[status] ?? '•'), ' ', status);
}

/** Epoch ms as ISO UTC (the runtime's clock may be virtual: never the browser's local time). */
export function time(ms) {
  if (ms === undefined || ms === null || ms === 0) return '—';
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, ' UTC');
}

export function duration(fromMs, toMs) {
  if (!fromMs || !toMs || toMs < fromMs) return '—';
  let seconds = Math.round((toMs - fromMs) / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  return hours > 0 ? `${hours}h ${minutes}m ${seconds}s` : minutes > 0 ? `${minutes}m ${seconds}s` : `${seconds}s`;
}

export function value(v) {
  return v === undefined || v === null || v === '' ? '—' : String(v);
}

/** Links to console pages; names are encoded, so a name is never read as a path. */
export const links = {
  queue: (name) => `/console/queues/${encodeURIComponent(name)}`,
  job: (jobId) => `/console/jobs/${encodeURIComponent(jobId)}`,
  jobDefinition: (name) => `/console/job-definitions/${encodeURIComponent(name)}`,
  computeEnvironment: (name) => `/console/compute-environments/${encodeURIComponent(name)}`,
};

/** The resource name at the end of an ARN (`...:job-queue/name` -> `name`). */
export function nameOf(arn) {
  return String(arn ?? '').split('/').pop();
}

/** A small definition list from [label, value] pairs; values are nodes or text. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(Boolean).map(([label, v]) => [el('dt', {}, label), el('dd', {}, v instanceof Node ? v : value(v))]));
}

/** A table with a caption and header row; rows are arrays of cells (nodes or text). */
export function table(caption, headers, rows, empty = 'None.') {
  if (rows.length === 0) return el('p', { class: 'empty' }, `${caption}: ${empty}`);
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell) => el('td', {}, cell instanceof Node ? cell : value(cell)))))));
}

/** Pretty JSON as text in a <pre> (never markup). */
export function jsonBlock(label, data) {
  return el('pre', { class: 'json', tabindex: '0', 'aria-label': label }, JSON.stringify(data, null, 2));
}
