import { JobRecord } from './job-record';
import { Placement } from '../types/placement';

/**
 * The placements of every attempt still live (STARTING or RUNNING), array children and multi-node
 * nodes included: what a host failure of the whole runtime (batch-local restarted) takes down.
 */
export function livePlacements(jobs: Iterable<JobRecord>): Placement[] {
  const placements: Placement[] = [];
  const visit = (job: JobRecord): void => {
    if (job.status === 'STARTING' || job.status === 'RUNNING') {
      const live = job.liveAttempt;
      if (live && !live.ended) placements.push(live.placement);
    }
    for (const child of job.children ?? []) visit(child);
    for (const node of job.nodes ?? []) visit(node);
  };
  for (const job of jobs) visit(job);
  return placements;
}
