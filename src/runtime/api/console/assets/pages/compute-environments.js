import * as api from '../api.js';
import { el, replace } from '../dom.js';
import { facts, jsonBlock, links, statusBadge, table, time, value } from '../format.js';
import { refreshOn } from '../live.js';

/** `/console/compute-environments`: every compute environment, with its sizes and use now. */
export async function computeEnvironmentsPage(main) {
  document.title = 'Compute environments · batch-local console';
  const refresh = async () => {
    const { computeEnvironments } = await api.read('overview');
    replace(main, el('h1', {}, 'Compute environments'),
      table('Compute environments', ['Name', 'Type', 'State', 'Status', 'Min / desired / max vCPUs', 'Instances', 'vCPUs in use'],
        computeEnvironments.map((ce) => [el('a', { href: links.computeEnvironment(ce.name) }, ce.name), ce.type, ce.state, ce.status,
          `${value(ce.minvCpus)} / ${value(ce.desiredvCpus)} / ${value(ce.maxvCpus)}`, ce.instances ?? '—', String(ce.vcpusInUse)]),
        'none in the template.'));
  };
  await refresh();
  return refreshOn(() => true, refresh);
}

/** `/console/compute-environments/{name}`: its instances and the jobs running on each. */
export async function computeEnvironmentPage(main, _query, name) {
  document.title = `${name} · Compute environment · batch-local console`;
  const refresh = async () => {
    const data = await api.read(`compute-environments/${encodeURIComponent(name)}`);
    const ce = data.computeEnvironment;
    const jobLinks = (jobs) => jobs.length === 0 ? 'idle' : el('ul', { class: 'inline' }, jobs.map((job) => el('li', {}, el('a', { href: links.job(job.jobId) }, job.jobName), ' ', statusBadge(job.status))));
    replace(main,
      el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/console/compute-environments' }, 'Compute environments'), ' › ', name),
      el('h1', {}, name),
      facts([['Type', ce.type], ['State', ce.state], ['Status', ce.status], ['Status reason', ce.statusReason],
        ['Min / desired / max vCPUs', `${value(ce.minvCpus)} / ${value(ce.desiredvCpus)} / ${value(ce.maxvCpus)}`],
        ['vCPUs in use', ce.vcpusRegistered !== undefined ? `${ce.vcpusInUse} of ${ce.vcpusRegistered}` : String(ce.vcpusInUse)],
        ['Memory in use', ce.memoryMiBRegistered !== undefined ? `${ce.memoryMiBInUse} of ${ce.memoryMiBRegistered} MiB` : `${ce.memoryMiBInUse} MiB`]]),
      table('Instances', ['Instance', 'Type', 'Launched', 'Ready', 'vCPUs free / registered', 'Memory free / registered (MiB)', 'Jobs'],
        data.instances.map((instance) => [el('code', {}, instance.instanceId), instance.instanceType, time(instance.launchedAt), time(instance.readyAt),
          `${instance.freevCpus} / ${instance.registeredvCpus}`, `${instance.freeMemoryMiB} / ${instance.registeredMemoryMiB}`, jobLinks(instance.jobs)]),
        'none running.'),
      data.jobsWithoutInstance.length > 0 ? el('section', {}, el('h2', {}, 'Jobs on capacity without modelled instances'), jobLinks(data.jobsWithoutInstance)) : null,
      el('details', {}, el('summary', {}, 'DescribeComputeEnvironments JSON'), jsonBlock('DescribeComputeEnvironments JSON', data.described)));
  };
  await refresh();
  return refreshOn((change) => change.jobs.length > 0 || change.truncated, refresh);
}
