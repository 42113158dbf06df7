import { fail, isInteger } from './validation-error';

/** LIM-1 (API): per-region quotas; the 2020 guide said 20 queues, current quotas say 50. */
export const MAX_JOB_QUEUES = 50;
export const MAX_COMPUTE_ENVIRONMENTS = 50;
/** LIM-2: compute environments one queue may use. */
export const MIN_QUEUE_COMPUTE_ENVIRONMENTS = 1;
export const MAX_QUEUE_COMPUTE_ENVIRONMENTS = 3;

/** LIM-3: the two families of compute environment that one queue must not mix. */
const EC2_FAMILY: readonly string[] = ['EC2', 'SPOT', 'UNMANAGED'];
const FARGATE_FAMILY: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];

/**
 * LIM-1: `count` resources of `kind` (e.g. `job queues`) would exist once the request is done;
 * more than `limit` is rejected. Pass the count *after* the create, so the 51st is refused.
 */
export function validateQuota(field: string, kind: string, count: number, limit: number): void {
  if (count > limit) {
    fail(field, count, `at most ${limit} ${kind} per region`, 'LIM-1', `creating it would make ${count}`);
  }
}

/**
 * LIM-2: `computeEnvironmentOrder` has 1..3 entries, each `order` an integer used once, and
 * each compute environment listed once (listing one twice would give it two places in the
 * order, which SCHED-3 cannot honour).
 */
export function validateComputeEnvironmentOrder(field: string, entries: Array<{ order: number; computeEnvironment: string }>): void {
  if (entries.length < MIN_QUEUE_COMPUTE_ENVIRONMENTS || entries.length > MAX_QUEUE_COMPUTE_ENVIRONMENTS) {
    fail(field, entries.length, `${MIN_QUEUE_COMPUTE_ENVIRONMENTS}..${MAX_QUEUE_COMPUTE_ENVIRONMENTS} compute environments`, 'LIM-2',
      `${entries.length} given`);
  }
  const orders = new Map<number, number>();
  const environments = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!isInteger(entry.order)) {
      fail(`${field}[${index}].order`, entry.order, 'an integer', 'LIM-2');
    }
    const sameOrder = orders.get(entry.order);
    if (sameOrder !== undefined) {
      fail(`${field}[${index}].order`, entry.order, 'each order used once', 'LIM-2', `${field}[${sameOrder}] has the same order`);
    }
    orders.set(entry.order, index);
    const sameEnvironment = environments.get(entry.computeEnvironment);
    if (sameEnvironment !== undefined) {
      fail(`${field}[${index}].computeEnvironment`, entry.computeEnvironment, 'each compute environment listed once', 'LIM-2',
        `${field}[${sameEnvironment}] lists it already`);
    }
    environments.set(entry.computeEnvironment, index);
  });
}

/**
 * LIM-3 for the compute environments of one queue (in `computeEnvironmentOrder` order):
 * - each CE's instance types share one architecture (`architectures` lists the distinct
 *   architectures of its instance types, e.g. from the instance catalog; empty = not known,
 *   as for Fargate or an unmanaged CE, which then constrains nothing);
 * - all CEs share one architecture;
 * - EC2 / SPOT / UNMANAGED CEs are not mixed with FARGATE / FARGATE_SPOT ones (API).
 */
export function validateQueueComputeEnvironments(
  field: string,
  ces: Array<{ name: string; type: string; architectures: string[] }>,
): void {
  let queueArchitecture: { architecture: string; ce: string } | undefined;
  let firstFamily: { family: string; ce: string } | undefined;
  ces.forEach((ce, index) => {
    const at = `${field}[${index}]`;
    const family = EC2_FAMILY.includes(ce.type) ? 'EC2' : FARGATE_FAMILY.includes(ce.type) ? 'FARGATE' : undefined;
    if (family === undefined) {
      fail(`${at}.type`, ce.type, `one of ${[...EC2_FAMILY, ...FARGATE_FAMILY].join(', ')}`, 'LIM-3', `compute environment ${ce.name}`);
    }
    if (firstFamily && firstFamily.family !== family) {
      fail(`${at}.type`, ce.type, 'EC2/SPOT/UNMANAGED and FARGATE/FARGATE_SPOT compute environments are not mixed in one queue', 'LIM-3',
        `compute environment ${ce.name} is ${family === 'EC2' ? 'EC2-based' : 'Fargate'}, ${firstFamily.ce} is not`);
    }
    firstFamily = firstFamily ?? { family, ce: ce.name };

    const distinct = Array.from(new Set(ce.architectures));
    if (distinct.length > 1) {
      fail(`${at}.architectures`, distinct, 'all instance types of a compute environment share one architecture', 'LIM-3',
        `compute environment ${ce.name} mixes ${distinct.join(' and ')}`);
    }
    if (distinct.length === 1) {
      if (queueArchitecture && queueArchitecture.architecture !== distinct[0]) {
        fail(`${at}.architectures`, distinct[0], 'all compute environments of a queue share one architecture', 'LIM-3',
          `compute environment ${ce.name} is ${distinct[0]}, ${queueArchitecture.ce} is ${queueArchitecture.architecture}`);
      }
      queueArchitecture = queueArchitecture ?? { architecture: distinct[0], ce: ce.name };
    }
  });
}
