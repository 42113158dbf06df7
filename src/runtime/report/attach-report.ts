import { ReportCollector } from './report-collector';
import { BatchBackend } from '../core/backend';
import { InstanceCapacity } from '../core/capacity/instance-capacity';

/**
 * Starts collecting the plan report's figures. Attach before the template is loaded: compute
 * environments with `minvCpus` launch their instances while loading.
 */
export function attachReportCollector(backend: BatchBackend): ReportCollector {
  const collector = new ReportCollector({
    now: () => backend.loop.now(),
    computeEnvironment: (name) => {
      try {
        return backend.registry.computeEnvironment(name);
      } catch {
        return undefined; // deleted since: the report still shows its figures
      }
    },
    label: (kind, name) => {
      try {
        const record = kind === 'job queue' ? backend.registry.jobQueue(name, 'jobQueue') : backend.registry.computeEnvironment(name);
        return backend.registry.aliases.displayName(kind, [record.name, record.arn]);
      } catch {
        return undefined; // deleted since: its name stays
      }
    },
    blockedHead: (queue) => {
      try {
        const head = backend.runnableHead(queue);
        return head && { jobName: head.spec.jobName, jobId: head.jobId, reason: backend.explainJob(head.jobId) };
      } catch {
        return undefined; // the queue was deleted since
      }
    },
  });
  backend.addJobStateListener(collector);
  if (backend.capacity instanceof InstanceCapacity) backend.capacity.addInstanceLifecycleListener(collector);
  return collector;
}
