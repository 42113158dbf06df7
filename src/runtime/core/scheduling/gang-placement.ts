import { JobRecord } from '../jobs/job-record';
import { ComputeEnvironmentRecord } from '../model/records';
import { ContainerDemand } from '../types/demand';
import { CapacityModel, FitVerdict, Placement } from '../types/placement';

/** AWS's statusReason prefixes of the two "can never fit" causes (DIAG-2). */
export const JOB_RESOURCE_REQUIREMENT = 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT';
export const COMPUTE_ENVIRONMENT_MAX_RESOURCE = 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE';

/** LIM-14 / MNP-8: multi-node jobs never run on SPOT or unmanaged compute environments. */
export function runsMultiNode(ce: ComputeEnvironmentRecord): boolean {
  return ce.type === 'MANAGED' && ce.computeResources?.type !== 'SPOT';
}

/**
 * MNP-8: whether a compute environment could ever hold every node of a multi-node job at once. Each
 * node must fit on its own, and together they must stay within `maxvCpus`: the nodes of one attempt
 * are placed all together or not at all, so a CE that holds only some of them can never run the job.
 * (The one-instance overshoot some allocation strategies allow is not counted: it is not a promise.)
 */
export function gangVerdict(
  capacity: CapacityModel,
  ce: ComputeEnvironmentRecord,
  nodes: readonly JobRecord[],
  demandOf: (job: JobRecord) => ContainerDemand,
): FitVerdict {
  if (!runsMultiNode(ce)) {
    return {
      fits: false,
      reason: `${JOB_RESOURCE_REQUIREMENT} - compute environment ${ce.name} is ${ce.type === 'MANAGED' ? 'SPOT' : 'UNMANAGED'}; `
        + 'multi-node jobs run only on managed on-demand EC2 compute environments (MNP-8, LIM-14)',
    };
  }
  let total = 0;
  for (const node of nodes) {
    const demand = demandOf(node);
    const verdict = capacity.canEverFit(ce, demand);
    if (!verdict.fits) return verdict;
    total += demand.vcpus;
  }
  const maxvCpus = ce.computeResources?.maxvCpus ?? 0;
  if (total > maxvCpus) {
    return {
      fits: false,
      reason: `${COMPUTE_ENVIRONMENT_MAX_RESOURCE} - compute environment ${ce.name} cannot hold all ${nodes.length} nodes of the job at once: `
        + `together they need ${total} vCPUs, its maxvCpus is ${maxvCpus} (short by ${total - maxvCpus}); nodes are placed all together or not at all (MNP-8)`,
    };
  }
  return { fits: true };
}

/**
 * MNP-8: places every node on `ce` now, or none. On a partial success the places taken so far are
 * given back inside `quietly`, which keeps their release from asking for another scheduling pass
 * (that pass would try the same gang again at the same instant, forever). Returns the placements in
 * the order of `nodes`.
 */
export function placeGang(
  capacity: CapacityModel,
  ce: ComputeEnvironmentRecord,
  nodes: readonly JobRecord[],
  demandOf: (job: JobRecord) => ContainerDemand,
  now: number,
  quietly: (release: () => void) => void,
): Placement[] | undefined {
  const placements: Placement[] = [];
  for (const node of nodes) {
    const placement = capacity.tryPlace(ce, demandOf(node), now);
    if (!placement) {
      quietly(() => placements.forEach((taken) => taken.release()));
      return undefined;
    }
    placements.push(placement);
  }
  return placements;
}
