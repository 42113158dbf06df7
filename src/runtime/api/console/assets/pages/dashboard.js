import * as api from '../api.js';
import { announce, el, replace } from '../dom.js';
import { JOB_STATUSES, links, nameOf, statusBadge, table, time, value } from '../format.js';
import { refreshOn } from '../live.js';

/** `/console/`: job queues with their jobs by status, compute environments, and the clock. */
export async function dashboardPage(main) {
  document.title = 'Dashboard · batch-local console';
  const restoredNote = el('div');
  const clockSection = el('section', { 'aria-labelledby': 'clock-heading', class: 'clock' });
  const queuesSection = el('section', { 'aria-labelledby': 'queues-heading' });
  const environmentsSection = el('section', { 'aria-labelledby': 'ces-heading' });
  replace(main, el('h1', {}, 'Dashboard'), restoredNote, clockSection, queuesSection, environmentsSection);

  const refresh = async () => {
    const [overview, clock] = await Promise.all([api.read('overview'), api.clock()]);
    const restored = overview.restored;
    replace(restoredNote, restored ? el('p', { id: 'restored', class: 'note' },
      `Restored from the state directory: ${restored.requests} request(s) replayed, ${restored.jobsRecovered} job(s) recovered, `
      + `${restored.attemptsLost} running attempt(s) failed as on a lost host (retried per their retry strategy).`) : null);
    renderClock(clockSection, clock, refresh);
    replace(queuesSection, el('h2', { id: 'queues-heading' }, 'Job queues'), queuesTable(overview.queues));
    replace(environmentsSection, el('h2', { id: 'ces-heading' }, 'Compute environments'), environmentsTable(overview.computeEnvironments));
  };
  await refresh();
  return refreshOn(() => true, refresh);
}

function queuesTable(queues) {
  const table = el('table', { id: 'queues' },
    el('caption', {}, 'Jobs per status in each queue (top-level jobs, as ListJobs counts them)'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Queue'), el('th', { scope: 'col' }, 'State'), el('th', { scope: 'col' }, 'Priority'),
      el('th', { scope: 'col' }, 'Scheduling policy'),
      JOB_STATUSES.map((status) => el('th', { scope: 'col', class: 'number' }, statusBadge(status))))),
    el('tbody', {}, queues.map((queue) => el('tr', { 'data-queue': queue.name },
      el('th', { scope: 'row' }, el('a', { href: links.queue(queue.name) }, queue.name)),
      el('td', {}, `${queue.state} / ${queue.status}`),
      el('td', { class: 'number' }, queue.priority),
      el('td', {}, queue.schedulingPolicyArn ? nameOf(queue.schedulingPolicyArn) : 'FIFO'),
      JOB_STATUSES.map((status) => el('td', { class: 'number', 'data-status': status },
        queue.counts[status] > 0
          ? el('a', { href: `${links.queue(queue.name)}?status=${status}`, 'aria-label': `${queue.counts[status]} ${status} jobs in ${queue.name}` }, queue.counts[status])
          : '0'))))));
  return queues.length === 0 ? el('p', { class: 'empty' }, 'No job queues in the template.') : table;
}

function environmentsTable(environments) {
  return table('Compute environments: sizes and use now', ['Name', 'Type', 'State', 'Status', 'Min / desired / max vCPUs', 'Instances', 'vCPUs in use', 'Memory in use'],
    environments.map((ce) => [
      el('a', { href: links.computeEnvironment(ce.name) }, ce.name),
      ce.type, ce.state, ce.status,
      `${value(ce.minvCpus)} / ${value(ce.desiredvCpus)} / ${value(ce.maxvCpus)}`,
      ce.instances ?? '—',
      ce.vcpusRegistered !== undefined ? `${ce.vcpusInUse} of ${ce.vcpusRegistered}` : String(ce.vcpusInUse),
      ce.memoryMiBRegistered !== undefined ? `${ce.memoryMiBInUse} of ${ce.memoryMiBRegistered} MiB` : `${ce.memoryMiBInUse} MiB`,
    ]), 'none in the template.');
}

function renderClock(section, clock, refresh) {
  const children = [
    el('h2', { id: 'clock-heading' }, 'Clock'),
    el('p', {}, el('span', { id: 'clock-now' }, time(clock.now)), ` · ${clock.mode === 'virtual' ? 'virtual time (moves only on request)' : 'wall clock'}`,
      clock.mode === 'virtual' ? ` · ${clock.pendingEvents} pending event(s)` : ''),
  ];
  if (clock.mode === 'virtual') {
    const typed = document.getElementById('advance-seconds')?.value;
    const seconds = el('input', { id: 'advance-seconds', type: 'number', min: '0', step: 'any', value: typed || '60', inputmode: 'decimal' });
    const run = (path, body, label) => async () => {
      try {
        const after = await api.post(path, body());
        announce(`${label}: clock at ${time(after.now)}`);
      } catch (error) {
        announce(error.message);
        section.append(el('p', { role: 'alert', class: 'error' }, error.message));
      }
      await refresh();
    };
    children.push(el('div', { class: 'controls' },
      el('label', { for: 'advance-seconds' }, 'Seconds'), seconds,
      el('button', { type: 'button', id: 'advance', onclick: run('/_local/clock/advance', () => ({ seconds: Number(seconds.value) }), 'Advanced') }, 'Advance'),
      el('button', { type: 'button', id: 'run-until-idle', onclick: run('/_local/clock/run-until-idle', () => ({}), 'Ran until idle') }, 'Run until idle')));
  }
  // Keep focus on a control that is re-rendered (keyboard users press Advance repeatedly).
  const focusedId = document.activeElement && section.contains(document.activeElement) ? document.activeElement.id : undefined;
  replace(section, ...children);
  if (focusedId) document.getElementById(focusedId)?.focus();
}
