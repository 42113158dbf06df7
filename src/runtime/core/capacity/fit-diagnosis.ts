import { fitsResources, RegisteredResources } from './container-instance';
import { expandInstanceTypes } from '../../../instance-catalog/instance-catalog';
import { ContainerDemand } from '../types/demand';
import { FitVerdict } from '../types/placement';

/*
 * DIAG-2: whether a job can ever fit a compute environment and, when it cannot, a reason that names
 * the largest candidate instance type, what it lacks and by how much, with AWS's statusReason
 * prefixes. Pure: the caller caches verdicts per job shape.
 */

const RESOURCE_REQUIREMENT = 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT';
const MAX_RESOURCE = 'MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE';
const INSUFFICIENT_CAPACITY = 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY';

/** A verdict, and the candidates the demand fits (in the candidates' order) when it fits. */
export interface FitDiagnosis {
  readonly verdict: FitVerdict;
  readonly fitting: RegisteredResources[];
}

/** What a compute environment can offer a job: the types it launches (managed) or has (unmanaged). */
export interface FitCandidates {
  readonly computeEnvironmentName: string;
  readonly managed: boolean;
  /** Instance types with their registered resources (SCHED-8), in the CE's launch order. */
  readonly candidates: readonly RegisteredResources[];
}

/** Whether any candidate can hold the demand when empty; if not, why (SCHED-4, SCHED-8, SCHED-9, SCHED-10). */
export function diagnoseFit(from: FitCandidates, demand: ContainerDemand): FitDiagnosis {
  const { computeEnvironmentName: ce, managed } = from;
  let candidates = from.candidates;
  if (candidates.length === 0) {
    const reason = managed
      ? `${RESOURCE_REQUIREMENT} - compute environment ${ce} has no instance types`
      : `${INSUFFICIENT_CAPACITY} - unmanaged compute environment ${ce} has no container instances registered (SCHED-7)`;
    return notFitting(reason);
  }
  if (demand.instanceType !== undefined) {
    const pinned = candidates.filter((candidate) => candidate.spec.name === demand.instanceType);
    if (pinned.length === 0) {
      const offered = managed ? `its instance types: ${describeTypes(candidates)}` : `its instances: ${describeTypes(candidates)}`;
      const verb = managed ? 'is not launchable by' : 'is not registered to';
      return notFitting(`${RESOURCE_REQUIREMENT} - instance type ${demand.instanceType} ${verb} compute environment ${ce} (${offered}) (SCHED-10)`);
    }
    candidates = pinned;
  }
  if (demand.gpus > 0 && !candidates.some((candidate) => candidate.gpus > 0)) {
    return notFitting(`${RESOURCE_REQUIREMENT} - needs ${count(demand.gpus, 'GPU')}, but compute environment ${ce} has no GPU instance types ` +
      `(${describeTypes(candidates)}) (SCHED-9)`);
  }
  const fitting = candidates.filter((candidate) => fitsResources(candidate, demand));
  if (fitting.length > 0) return { verdict: { fits: true }, fitting };
  return notFitting(`${RESOURCE_REQUIREMENT} - ${shortfall(candidates, demand)}`);
}

/** The choice a managed CE makes about `maxvCpus` for one job shape. */
export interface MaxvCpusCheck {
  readonly computeEnvironmentName: string;
  readonly maxvCpus: number;
  /** The strategy's name, for the message. */
  readonly strategy: string;
  /** SCHED-5: whether the CE may exceed `maxvCpus` by one instance. */
  readonly mayExceed: boolean;
  /** SCHED-6: whether only the first fitting type is ever launched (`BEST_FIT`). */
  readonly onlyFirstChoice: boolean;
}

/**
 * Narrows the types that fit a job (in launch order) to those the CE may ever launch for it under
 * `maxvCpus` (SCHED-5, SCHED-6), or says why none.
 */
export function diagnoseMaxvCpus(check: MaxvCpusCheck, fitting: readonly RegisteredResources[]): FitDiagnosis {
  const { computeEnvironmentName: ce, maxvCpus } = check;
  if (maxvCpus <= 0) {
    return notFitting(`${MAX_RESOURCE} - compute environment ${ce} has maxvCpus ${maxvCpus}: it can launch no instance`);
  }
  const choices = check.onlyFirstChoice ? fitting.slice(0, 1) : [...fitting];
  // With the one-instance overshoot any type can be launched while the CE is below maxvCpus.
  const launchable = check.mayExceed ? choices : choices.filter((candidate) => candidate.vcpus <= maxvCpus);
  if (launchable.length > 0) return { verdict: { fits: true }, fitting: launchable };
  const first = choices[0];
  const which = check.onlyFirstChoice ? `${check.strategy} launches only ${first.spec.name} for it` : `the smallest type that fits it is ${first.spec.name}`;
  return notFitting(`${MAX_RESOURCE} - ${which} (${count(first.vcpus, 'vCPU')}), more than maxvCpus ${maxvCpus} of compute environment ${ce}`);
}

function notFitting(reason: string): FitDiagnosis {
  return { verdict: { fits: false, reason }, fitting: [] };
}

interface Dimension {
  readonly need: (demand: ContainerDemand) => number;
  readonly has: (candidate: RegisteredResources) => number;
  readonly describeNeed: (amount: number) => string;
  readonly describeHas: (candidate: RegisteredResources) => string;
  readonly describeShort: (amount: number) => string;
}

const DIMENSIONS: readonly Dimension[] = [
  {
    need: (demand) => demand.vcpus,
    has: (candidate) => candidate.vcpus,
    describeNeed: (amount) => count(amount, 'vCPU'),
    describeHas: (candidate) => `has ${count(candidate.vcpus, 'vCPU')}`,
    describeShort: (amount) => count(amount, 'vCPU'),
  },
  {
    need: (demand) => demand.memoryMiB,
    has: (candidate) => candidate.memoryMiB,
    describeNeed: (amount) => `${amount} MiB memory`,
    describeHas: (candidate) => `registers ${candidate.memoryMiB} MiB`,
    describeShort: (amount) => `${amount} MiB`,
  },
  {
    need: (demand) => demand.gpus,
    has: (candidate) => candidate.gpus,
    describeNeed: (amount) => count(amount, 'GPU'),
    describeHas: (candidate) => `has ${count(candidate.gpus, 'GPU')}`,
    describeShort: (amount) => count(amount, 'GPU'),
  },
];

/**
 * What the candidates lack. For each resource no candidate has enough of: the candidate with the
 * most of it and the shortfall. When each resource alone is available but no type has all of them,
 * the closest type (fewest resources short, then the largest) and what it lacks.
 */
function shortfall(candidates: readonly RegisteredResources[], demand: ContainerDemand): string {
  const lacking: string[] = [];
  for (const dimension of DIMENSIONS) {
    const largest = candidates.reduce((best, candidate) => (dimension.has(candidate) > dimension.has(best) ? candidate : best));
    const need = dimension.need(demand);
    if (need > dimension.has(largest)) {
      lacking.push(`needs ${dimension.describeNeed(need)}, the largest instance type ${largest.spec.name} ${dimension.describeHas(largest)} ` +
        `(short by ${dimension.describeShort(need - dimension.has(largest))})`);
    }
  }
  if (lacking.length > 0) return lacking.join('; ');

  const missing = (candidate: RegisteredResources) => DIMENSIONS.filter((dimension) => dimension.need(demand) > dimension.has(candidate));
  const closest = [...candidates].sort((a, b) => missing(a).length - missing(b).length
    || b.vcpus - a.vcpus || b.memoryMiB - a.memoryMiB || b.gpus - a.gpus)[0];
  const needs = DIMENSIONS.filter((dimension) => dimension.need(demand) > 0).map((dimension) => dimension.describeNeed(dimension.need(demand)));
  const gaps = missing(closest).map((dimension) => `${dimension.describeHas(closest)} (short by ${dimension.describeShort(dimension.need(demand) - dimension.has(closest))})`);
  return `needs ${joinAnd(needs)} on one instance, and no instance type has all of them: the closest, ${closest.spec.name}, ${joinAnd(gaps)}`;
}

/** `1 GPU`, `2 GPUs`. */
function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The candidates' types, short: a family when all its sizes are there (`c5`), else the sizes
 * (`c5.large, c5.xlarge`); repeated types once.
 */
export function describeTypes(candidates: readonly RegisteredResources[]): string {
  const byFamily = new Map<string, Set<string>>();
  for (const { spec } of candidates) {
    const sizes = byFamily.get(spec.family) ?? new Set<string>();
    sizes.add(spec.name);
    byFamily.set(spec.family, sizes);
  }
  const parts: string[] = [];
  for (const [family, sizes] of byFamily) {
    const all = expandInstanceTypes([family]).length;
    parts.push(sizes.size === all && all > 1 ? family : [...sizes].join(', '));
  }
  return parts.join(', ');
}
