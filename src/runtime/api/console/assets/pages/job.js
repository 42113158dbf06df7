import * as api from '../api.js';
import { announce, el, replace } from '../dom.js';
import { duration, facts, jsonBlock, links, nameOf, statusBadge, table, time } from '../format.js';
import { refreshOn } from '../live.js';

const FINISHED = ['SUCCEEDED', 'FAILED'];
/** States a job waits in: the page says why (DIAG-2). */
const WAITING = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING'];

/**
 * `/console/jobs/{jobId}`: status and reason, times, attempts, parameters, environment, overrides,
 * dependencies both ways, why it waits (DIAG-2), children, the live log stream, Cancel/Terminate.
 */
export async function jobPage(main, _query, jobId) {
  document.title = `${jobId} · Job · batch-local console`;
  const summary = el('div');
  const logs = new LogView();
  replace(main, summary, logs.section);
  let view;

  const refresh = async () => {
    view = await api.read(`jobs/${encodeURIComponent(jobId)}`);
    document.title = `${view.job.jobName} · Job · batch-local console`;
    renderJob(summary, view, refresh);
    await logs.show(jobId, view.logStreams);
  };
  await refresh();
  return refreshOn((change) => change.jobs.includes(jobId)
    || (view?.job.arrayProperties?.size !== undefined && change.jobs.some((id) => id.startsWith(`${jobId}:`)))
    || change.logStreams.some((stream) => view?.logStreams.includes(stream)), refresh);
}

function renderJob(container, view, refresh) {
  const job = view.job;
  const finished = FINISHED.includes(job.status);
  // Keep focus where it was across a live re-render (e.g. on the reason field).
  const focusedId = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : undefined;
  const reasonValue = document.getElementById('stop-reason')?.value;
  replace(container,
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      el('a', { href: '/console/' }, 'Dashboard'), ' › ', el('a', { href: links.queue(view.queueName) }, view.queueName),
      view.parentId ? [' › ', el('a', { href: links.job(view.parentId) }, 'parent job')] : null, ' › ', 'Job'),
    el('h1', {}, job.jobName),
    el('p', { class: 'status-line', id: 'job-status' }, statusBadge(job.status), job.statusReason ? ` — ${job.statusReason}` : ''),
    view.explanation && WAITING.includes(job.status) ? el('section', { 'aria-labelledby': 'why-heading', class: 'why' },
      el('h2', { id: 'why-heading' }, `Why is it ${job.status}?`), el('p', { id: 'explanation' }, view.explanation)) : null,
    finished ? null : stopControls(job, refresh, reasonValue),
    facts([
      ['Job id', el('code', {}, job.jobId)],
      ['Queue', el('a', { href: links.queue(view.queueName) }, view.queueName)],
      ['Definition', el('a', { href: links.jobDefinition(view.jobDefinitionName) }, nameOf(job.jobDefinition))],
      ['Created', time(job.createdAt)],
      ['Started', time(job.startedAt)],
      ['Stopped', time(job.stoppedAt)],
      ['Waited', duration(job.createdAt, job.startedAt)],
      ['Ran', duration(job.startedAt, job.stoppedAt)],
      ['Share identifier', job.shareIdentifier],
      ['Scheduling priority', job.schedulingPriority],
      job.arrayProperties ? ['Array', job.arrayProperties.size !== undefined ? `size ${job.arrayProperties.size}` : `index ${job.arrayProperties.index}`] : null,
      ['Cancelled / terminated', `${job.isCancelled ? 'yes' : 'no'} / ${job.isTerminated ? 'yes' : 'no'}`],
    ]),
    table('Attempts', ['#', 'Started', 'Stopped', 'Exit code', 'Reason', 'Status reason', 'Log stream'],
      (job.attempts ?? []).map((attempt, index) => [String(index + 1), time(attempt.startedAt), time(attempt.stoppedAt),
        attempt.container?.exitCode ?? '—', attempt.container?.reason ?? '—', attempt.statusReason ?? '—', attempt.container?.logStreamName ?? '—']),
      'none finished yet.'),
    view.children ? table(job.arrayProperties ? 'Array children (first 100)' : 'Nodes', ['Job', 'Status', 'Exit code'],
      view.children.map((child) => [el('a', { href: links.job(child.jobId) }, child.jobId), statusBadge(child.status), child.exitCode ?? '—'])) : null,
    job.arrayProperties?.statusSummary ? facts(Object.entries(job.arrayProperties.statusSummary).map(([status, count]) => [status, String(count)])) : null,
    table('Depends on', ['Job', 'Type', 'Status'], view.dependsOn.map((d) => [
      el('a', { href: links.job(d.jobId) }, d.jobName ?? d.jobId), d.type ?? '—', d.status ? statusBadge(d.status) : 'purged']), 'nothing.'),
    table('Waited for by', ['Job', 'Type', 'Status'], view.dependents.map((d) => [
      el('a', { href: links.job(d.jobId) }, d.jobName ?? d.jobId), d.type ?? '—', statusBadge(d.status)]), 'no job.'),
    table('Parameters', ['Name', 'Value'], Object.entries(job.parameters ?? {})),
    table('Environment', ['Name', 'Value'], (job.container?.environment ?? []).map((pair) => [pair.name, pair.value])),
    el('section', { 'aria-labelledby': 'overrides-heading' }, el('h2', { id: 'overrides-heading' }, 'Container overrides'),
      view.containerOverrides ? jsonBlock('Container overrides', view.containerOverrides) : el('p', { class: 'empty' }, 'None.')),
    el('details', {}, el('summary', {}, 'DescribeJobs JSON'), jsonBlock('DescribeJobs JSON', job)));
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function stopControls(job, refresh, reasonValue) {
  const reason = el('input', { id: 'stop-reason', value: reasonValue ?? 'Stopped from the batch-local console', maxlength: '1024' });
  const message = el('p', { role: 'status', id: 'stop-result' });
  const stop = (operation, label) => async () => {
    if (!window.confirm(`${label} job ${job.jobName}?`)) return;
    try {
      await api.post(`/v1/${operation}`, { jobId: job.jobId, reason: reason.value });
      message.textContent = `${label} requested.`;
      announce(`${label} requested for ${job.jobName}`);
    } catch (error) {
      message.textContent = `${label} refused: ${error.message}`;
    }
    await refresh();
  };
  return el('section', { 'aria-labelledby': 'stop-heading', class: 'controls' },
    el('h2', { id: 'stop-heading', class: 'visually-hidden' }, 'Stop the job'),
    el('label', { for: 'stop-reason' }, 'Reason'), reason,
    el('button', { type: 'button', id: 'cancel-job', onclick: stop('canceljob', 'Cancel') }, 'Cancel job'),
    el('button', { type: 'button', id: 'terminate-job', class: 'danger', onclick: stop('terminatejob', 'Terminate') }, 'Terminate job'),
    message);
}

/** The latest attempt's log stream: lines appended as they come (only the new ones are fetched). */
class LogView {
  constructor() {
    this.lines = el('ol', { id: 'log-lines', class: 'log', tabindex: '0', 'aria-label': 'Log lines' });
    this.caption = el('p', { class: 'empty' }, 'No log stream yet (the job has not started).');
    this.section = el('section', { 'aria-labelledby': 'log-heading' }, el('h2', { id: 'log-heading' }, 'Log stream'), this.caption, this.lines);
    this.stream = undefined;
    this.next = 0;
  }

  async show(jobId, streams) {
    const stream = streams[streams.length - 1];
    if (stream === undefined) return;
    if (stream !== this.stream) {
      this.stream = stream;
      this.next = 0;
      this.lines.replaceChildren();
      this.caption.textContent = `${stream} (attempt ${streams.length})`;
    }
    for (;;) {
      const page = await api.read(`jobs/${encodeURIComponent(jobId)}/logs?stream=${encodeURIComponent(stream)}&from=${this.next}`);
      if (stream !== this.stream) return;
      for (const line of page.lines) {
        // The message is text: a line such as <img src=x onerror=...> shows as those characters.
        this.lines.append(el('li', {}, el('time', {}, time(line.timestamp)), ' ', el('span', { class: 'message' }, line.message)));
      }
      this.next = page.next;
      if (page.lines.length < 1000) return;
    }
  }
}
