import type { ExplainContext } from './explain-context';
import { JobRecord } from '../jobs/job-record';
import { isTerminal } from '../model/job-status';

/** An unfinished job a PENDING job waits on, and how explanations name it. */
export interface DependencyWait {
  readonly job: JobRecord;
  readonly label: string;
}

/**
 * What a PENDING job waits on (DEP rules): its array parent while that is not PENDING, the array
 * parent's unfinished dependencies, its SEQUENTIAL predecessor or N_TO_N counterpart (array children),
 * or its own unfinished dependencies. An array parent's children are not included: they are its work.
 */
export function dependencyWaits(job: JobRecord, context: ExplainContext): DependencyWait[] {
  const waits: DependencyWait[] = [];
  if (job.parent && job.parent.status !== 'PENDING') {
    waits.push({ job: job.parent, label: `its array parent ${job.parent.jobId} (${job.parent.status})` });
  } else if (job.parent && job.parent.unfinishedDependencies > 0) {
    waits.push(...unfinished(job.parent.spec.dependsOn, context).map((d) => ({ job: d, label: `${describe(d)} (dependency of the array parent)` })));
  }
  if (job.parent && job.arrayIndex !== undefined) {
    for (const dependency of job.spec.dependsOn) {
      const type = dependency.type?.toUpperCase();
      const counterpart = type === 'SEQUENTIAL'
        ? job.parent.children![job.arrayIndex - 1]
        : type === 'N_TO_N' ? context.job(dependency.jobId!)?.children?.[job.arrayIndex] : undefined;
      if (counterpart && !isTerminal(counterpart.status)) waits.push({ job: counterpart, label: `${counterpart.jobId} (${counterpart.status}, ${type})` });
    }
  } else {
    waits.push(...unfinished(job.spec.dependsOn, context).map((d) => ({ job: d, label: describe(d) })));
  }
  return waits;
}

function unfinished(dependsOn: JobRecord['spec']['dependsOn'], context: ExplainContext): JobRecord[] {
  return dependsOn
    .filter((d) => d.jobId !== undefined && d.type?.toUpperCase() !== 'N_TO_N')
    .map((d) => context.job(d.jobId!))
    .filter((d): d is JobRecord => d !== undefined && !isTerminal(d.status));
}

function describe(job: JobRecord): string {
  return `${job.jobId} (${job.status})`;
}
