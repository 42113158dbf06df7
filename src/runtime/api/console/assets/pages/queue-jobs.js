import * as api from '../api.js';
import { navigate } from '../nav.js';
import { el, replace } from '../dom.js';
import { JOB_STATUSES, links, statusBadge, time } from '../format.js';
import { refreshOn } from '../live.js';

/**
 * `/console/queues/{name}?status=&prefix=&share=&before=`: a queue's jobs, newest first, filtered and
 * paged on the server (the URL holds the filters and the cursor, so a page can be pasted).
 */
export async function queueJobsPage(main, query, queueName) {
  document.title = `${queueName} · Jobs · batch-local console`;
  const status = query.get('status') ?? '';
  const prefix = query.get('prefix') ?? '';
  const share = query.get('share') ?? '';
  const list = el('section', { 'aria-labelledby': 'jobs-heading' });
  replace(main,
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/console/' }, 'Dashboard'), ' › ', 'Job queue'),
    el('h1', {}, `Jobs in ${queueName}`),
    el('p', {}, el('a', { href: `/console/submit?queue=${encodeURIComponent(queueName)}` }, 'Submit a job to this queue')),
    filterForm(queueName, status, prefix, share),
    list);

  const refresh = async () => {
    const page = await api.read(`queues/${encodeURIComponent(queueName)}/jobs?${query.toString()}`);
    renderList(list, queueName, query, page);
  };
  await refresh();
  return refreshOn((change) => change.queues.includes(queueName), refresh);
}

function filterForm(queueName, status, prefix, share) {
  const statusSelect = el('select', { id: 'filter-status', name: 'status' },
    el('option', { value: '' }, 'Any status'),
    JOB_STATUSES.map((s) => el('option', { value: s, selected: s === status }, s)));
  const prefixInput = el('input', { id: 'filter-prefix', name: 'prefix', value: prefix, autocomplete: 'off' });
  const shareInput = el('input', { id: 'filter-share', name: 'share', value: share, autocomplete: 'off' });
  return el('form', {
    class: 'filters',
    role: 'search',
    'aria-label': 'Filter jobs',
    onsubmit: (event) => {
      event.preventDefault(); // filters change the URL; nothing is posted
      const params = new URLSearchParams();
      if (statusSelect.value) params.set('status', statusSelect.value);
      if (prefixInput.value) params.set('prefix', prefixInput.value);
      if (shareInput.value) params.set('share', shareInput.value);
      navigate(`${links.queue(queueName)}${params.size > 0 ? `?${params}` : ''}`);
    },
  },
  el('label', { for: 'filter-status' }, 'Status'), statusSelect,
  el('label', { for: 'filter-prefix' }, 'Name starts with'), prefixInput,
  el('label', { for: 'filter-share' }, 'Share identifier'), shareInput,
  el('button', { type: 'submit' }, 'Apply'));
}

function renderList(section, queueName, query, page) {
  const rows = page.jobs.map((job) => el('tr', { 'data-job-id': job.jobId },
    el('th', { scope: 'row' }, el('a', { href: links.job(job.jobId) }, job.jobName)),
    el('td', {}, statusBadge(job.status), job.statusReason ? el('div', { class: 'reason' }, job.statusReason) : null),
    el('td', {}, el('code', {}, job.jobId)),
    el('td', {}, time(job.createdAt)),
    el('td', {}, time(job.stoppedAt)),
    el('td', {}, job.jobDefinition),
    el('td', {}, job.shareIdentifier ?? '—'),
    el('td', {}, job.children ? childSummary(job) : job.exitCode !== undefined ? `exit ${job.exitCode}` : '—')));
  const next = page.nextBefore !== undefined ? new URLSearchParams(query) : undefined;
  next?.set('before', String(page.nextBefore));
  const first = new URLSearchParams(query);
  first.delete('before');
  replace(section,
    el('h2', { id: 'jobs-heading' }, `${page.matching} matching job(s)`),
    rows.length === 0 ? el('p', { class: 'empty' }, 'No jobs match.') : el('table', { id: 'jobs' },
      el('caption', {}, 'Newest first'),
      el('thead', {}, el('tr', {}, ['Name', 'Status', 'Job id', 'Created', 'Stopped', 'Definition', 'Share', 'Children / exit'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows)),
    el('nav', { class: 'pager', 'aria-label': 'Pages' },
      query.has('before') ? el('a', { href: `${links.queue(queueName)}${first.size > 0 ? `?${first}` : ''}` }, '« Newest') : null,
      next ? el('a', { href: `${links.queue(queueName)}?${next}`, rel: 'next', id: 'next-page' }, 'Older »') : null));
}

/** An array or multi-node parent: its children by status (only statuses that have any). */
function childSummary(job) {
  const parts = JOB_STATUSES.filter((s) => job.children[s] > 0).map((s) => `${s} ${job.children[s]}`);
  const size = job.arraySize !== undefined ? `array of ${job.arraySize}` : `${job.nodeCount} nodes`;
  return el('span', { class: 'children' }, `${size}: ${parts.join(', ') || 'none yet'}`);
}
