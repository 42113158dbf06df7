import { JobRecord } from './job-record';
import { SubmitJobRequest } from '../../shapes';
import { ClientException } from '../errors';
import { JOB_STATUSES, JobStatus } from '../model/job-status';

/** A SubmitJob request's `dependsOn`, resolved to the jobs it names (DEP-1..6). */
export interface ResolvedDependencies {
  /** Jobs the whole new job waits for. */
  readonly plain: JobRecord[];
  /** DEP-4: arrays whose child i the new array's child i waits for. */
  readonly nToN: JobRecord[];
  /** DEP-5: each child waits for the one before it. */
  readonly sequential: boolean;
}

/**
 * Resolves `dependsOn` before anything is created, so an unknown job or a mismatched N_TO_N array
 * rejects the request with no state change.
 */
export function resolveDependencies(
  request: SubmitJobRequest,
  arraySize: number | undefined,
  lookup: (jobId: string) => JobRecord | undefined,
): ResolvedDependencies {
  const plain: JobRecord[] = [];
  const nToN: JobRecord[] = [];
  let sequential = false;
  (request.dependsOn ?? []).forEach((dependency, index) => {
    if (dependency.type?.toUpperCase() === 'SEQUENTIAL') {
      sequential = true;
      return;
    }
    const found = dependency.jobId !== undefined ? lookup(dependency.jobId) : undefined;
    if (!found) {
      throw new ClientException(`dependsOn[${index}].jobId: unknown job ${JSON.stringify(dependency.jobId)} (DEP-6)`);
    }
    if (dependency.type?.toUpperCase() === 'N_TO_N') {
      if (found.children?.length !== arraySize) {
        throw new ClientException(`dependsOn[${index}]: an N_TO_N dependency needs an array job of the same size (${arraySize}); ${found.jobId} has ${found.children ? `size ${found.children.length}` : 'no array'} (DEP-4)`);
      }
      nToN.push(found);
    } else {
      plain.push(found);
    }
  });
  return { plain, nToN, sequential };
}

/** ARR-1: children `parent:i`, created PENDING behind the parent's dependencies (DEP-3..5). */
export function createArrayChildren(
  parent: JobRecord,
  size: number,
  dependencies: ResolvedDependencies,
  nextSequence: () => number,
  addDependency: (job: JobRecord, on: JobRecord) => void,
): void {
  const children = new Array<JobRecord>(size);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  counts.PENDING = size;
  parent.children = children;
  parent.childStatusCounts = counts;
  parent.unfinishedChildren = size;
  for (let index = 0; index < size; index++) {
    const child = new JobRecord(undefined, undefined, parent.spec, parent.createdAt, nextSequence());
    child.status = 'PENDING';
    child.parent = parent;
    child.arrayIndex = index;
    child.unfinishedDependencies = 1; // the gate: the parent's own dependencies
    for (const array of dependencies.nToN) addDependency(child, array.children![index]);
    if (dependencies.sequential && index > 0) addDependency(child, children[index - 1]);
    children[index] = child;
  }
}
