import { SubmitJobRequest } from '../shapes';

/*
 * A workload file for `batch-local plan`: what is submitted when, and how long each job definition's
 * containers run. Its JSON schema is docs/workload.schema.json; `parseWorkload` checks the same rules
 * and names the offending field.
 */

/** A dependency on another submission of the workload, by job name. */
export interface WorkloadDependency {
  /** Absent only for `{"type": "SEQUENTIAL"}`: the array job's own children in order (DEP-4). */
  readonly jobName?: string;
  /** N_TO_N or SEQUENTIAL (array jobs, DEP-3); absent for a plain dependency. */
  readonly type?: string;
}

/** SubmitJob request fields, plus dependencies by name, a repeat count and a submission time. */
export interface WorkloadSubmission extends Omit<SubmitJobRequest, 'dependsOn'> {
  readonly dependsOn?: WorkloadDependency[];
  /** Submit this many identical jobs. @default 1 */
  readonly count?: number;
  /** Seconds after the start of the run at which to submit. @default 0 */
  readonly atSeconds?: number;
}

/** A duration drawn per attempt from a distribution (seconds; draws below 0 become 0). */
export interface DurationDistribution {
  readonly distribution: 'normal' | 'lognormal' | 'uniform';
  /** normal: mean and standard deviation. */
  readonly meanSeconds?: number;
  readonly stddevSeconds?: number;
  /** lognormal: median (e^mu) and sigma of the underlying normal. */
  readonly medianSeconds?: number;
  readonly sigma?: number;
  /** uniform: bounds. */
  readonly minSeconds?: number;
  readonly maxSeconds?: number;
}

/** How the containers of one job definition behave. */
export interface WorkloadBehavior {
  /** A fixed duration. */
  readonly durationSeconds?: number;
  /** A drawn duration. */
  readonly duration?: DurationDistribution;
  /** The exit code of a failing attempt (1..255); without failureRate every attempt exits with it. @default 1 */
  readonly exitCode?: number;
  /** The probability (0..1) that an attempt fails with exitCode. @default 0, or 1 when exitCode is given alone */
  readonly failureRate?: number;
}

export interface Workload {
  readonly submissions: WorkloadSubmission[];
  /** By job definition (name, name:revision, ARN or logical id). */
  readonly behaviors: Record<string, WorkloadBehavior>;
  /** Seed of every draw (durations, failures, ids): the same seed gives the same report. @default 1 */
  readonly seed: number;
}

/** A workload that cannot be planned, with the field that says why (the CLI exits 2). */
export class WorkloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkloadError';
  }
}

/** The fields a submission may have (docs/workload.schema.json lists the same). */
export const SUBMISSION_FIELDS: ReadonlySet<string> = new Set([
  'jobName', 'jobQueue', 'jobDefinition', 'arrayProperties', 'parameters', 'containerOverrides', 'nodeOverrides', 'retryStrategy',
  'timeout', 'tags', 'propagateTags', 'shareIdentifier', 'schedulingPriorityOverride', 'dependsOn', 'count', 'atSeconds',
]);
const DISTRIBUTION_FIELDS: Record<DurationDistribution['distribution'], readonly string[]> = {
  normal: ['meanSeconds', 'stddevSeconds'],
  lognormal: ['medianSeconds', 'sigma'],
  uniform: ['minSeconds', 'maxSeconds'],
};
/** AWS Batch: at most 20 jobs in dependsOn (DEP-1). */
const MAX_DEPENDENCIES = 20;

/** Parses and checks a workload file's text; `source` names it in errors. */
export function parseWorkloadText(text: string, source: string): Workload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WorkloadError(`${source}: malformed JSON: ${(error as Error).message}`);
  }
  return parseWorkload(json);
}

/** Checks a workload object: types, ranges, dependency names, no cycles, dependencies submitted first. */
export function parseWorkload(json: unknown): Workload {
  const root = object(json, 'workload');
  unknownFields(root, 'workload', new Set(['submissions', 'behaviors', 'seed', '$schema']));
  const seed = root.seed === undefined ? 1 : integer(root.seed, 'seed', 0, 0xffffffff);
  if (!Array.isArray(root.submissions) || root.submissions.length === 0) {
    throw new WorkloadError('submissions: expected a non-empty array of SubmitJob requests');
  }
  const submissions = root.submissions.map((entry, i) => submission(entry, `submissions[${i}]`));
  checkDependencies(submissions);
  const behaviorsObject = root.behaviors === undefined ? {} : object(root.behaviors, 'behaviors');
  const behaviors: Record<string, WorkloadBehavior> = {};
  for (const [name, value] of Object.entries(behaviorsObject)) behaviors[name] = behavior(value, `behaviors.${name}`);
  return { submissions, behaviors, seed };
}

function submission(value: unknown, field: string): WorkloadSubmission {
  const entry = object(value, field);
  unknownFields(entry, field, SUBMISSION_FIELDS);
  for (const key of ['jobName', 'jobQueue', 'jobDefinition']) {
    if (typeof entry[key] !== 'string' || entry[key] === '') throw new WorkloadError(`${field}.${key}: expected a non-empty string, got ${JSON.stringify(entry[key])}`);
  }
  if (entry.count !== undefined) integer(entry.count, `${field}.count`, 1, 1_000_000);
  // FS-3: the share's figures are reported per identifier; whether the queue takes one is SubmitJob's to say.
  if (entry.shareIdentifier !== undefined && (typeof entry.shareIdentifier !== 'string' || entry.shareIdentifier === '')) {
    throw new WorkloadError(`${field}.shareIdentifier: expected a share identifier (letters and digits), got ${JSON.stringify(entry.shareIdentifier)}`);
  }
  if (entry.schedulingPriorityOverride !== undefined) integer(entry.schedulingPriorityOverride, `${field}.schedulingPriorityOverride`, 0, 9999);
  if (entry.atSeconds !== undefined) number(entry.atSeconds, `${field}.atSeconds`, 0);
  if (entry.arrayProperties !== undefined) {
    const array = object(entry.arrayProperties, `${field}.arrayProperties`);
    integer(array.size, `${field}.arrayProperties.size`, 2, 10_000);
  }
  if (entry.dependsOn !== undefined) {
    if (!Array.isArray(entry.dependsOn)) throw new WorkloadError(`${field}.dependsOn: expected an array of {"jobName": ..., "type"?: ...}`);
    entry.dependsOn.forEach((dependency, j) => {
      const path = `${field}.dependsOn[${j}]`;
      const dep = object(dependency, path);
      unknownFields(dep, path, new Set(['jobName', 'type']));
      if (dep.type !== undefined && dep.type !== 'N_TO_N' && dep.type !== 'SEQUENTIAL') {
        throw new WorkloadError(`${path}.type: ${JSON.stringify(dep.type)} is invalid: N_TO_N or SEQUENTIAL`);
      }
      // DEP-4: {"type": "SEQUENTIAL"} alone makes an array job's children run one after another.
      const selfSequential = dep.type === 'SEQUENTIAL' && dep.jobName === undefined;
      if (!selfSequential && typeof dep.jobName !== 'string') {
        throw new WorkloadError(`${path}.jobName: expected a job name of the workload, got ${JSON.stringify(dep.jobName)}`);
      }
    });
  }
  return entry as unknown as WorkloadSubmission;
}

/** Names resolve, at most 20 dependencies per job, no cycle, and a dependency is not submitted later. */
function checkDependencies(submissions: WorkloadSubmission[]): void {
  const byName = new Map<string, number[]>();
  submissions.forEach((s, i) => byName.set(s.jobName, [...(byName.get(s.jobName) ?? []), i]));
  const edges = submissions.map((s, i) => (s.dependsOn ?? []).flatMap((dependency, j) => {
    if (dependency.jobName === undefined) return [];
    const targets = byName.get(dependency.jobName);
    if (!targets) {
      throw new WorkloadError(`submissions[${i}].dependsOn[${j}].jobName: unknown job name '${dependency.jobName}'; job names: ${[...byName.keys()].join(', ')}`);
    }
    return targets.map((target) => ({ target, j }));
  }));
  submissions.forEach((_, i) => {
    const total = edges[i].reduce((n, { target }) => n + (submissions[target].count ?? 1), 0);
    if (total > MAX_DEPENDENCIES) {
      throw new WorkloadError(`submissions[${i}].dependsOn: depends on ${total} jobs (counting every job of each name and count); AWS Batch allows at most ${MAX_DEPENDENCIES}`);
    }
  });
  // Cycle check: depth-first, reporting the cycle by job names.
  const state = new Array<0 | 1 | 2>(submissions.length).fill(0);
  const stack: number[] = [];
  const visit = (i: number): void => {
    state[i] = 1;
    stack.push(i);
    for (const { target, j } of edges[i]) {
      if (state[target] === 1) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].map((k) => `'${submissions[k].jobName}'`).join(' -> ');
        throw new WorkloadError(`submissions[${i}].dependsOn[${j}].jobName: dependency cycle ${cycle}`);
      }
      if (state[target] === 0) visit(target);
    }
    stack.pop();
    state[i] = 2;
  };
  submissions.forEach((_, i) => { if (state[i] === 0) visit(i); });
  submissions.forEach((s, i) => edges[i].forEach(({ target, j }) => {
    if ((submissions[target].atSeconds ?? 0) > (s.atSeconds ?? 0)) {
      throw new WorkloadError(`submissions[${i}].dependsOn[${j}].jobName: '${submissions[target].jobName}' is submitted at ${submissions[target].atSeconds} s, after this job (${s.atSeconds ?? 0} s); a job can only depend on jobs submitted before it`);
    }
  }));
}

function behavior(value: unknown, field: string): WorkloadBehavior {
  const entry = object(value, field);
  unknownFields(entry, field, new Set(['durationSeconds', 'duration', 'exitCode', 'failureRate']));
  if (entry.durationSeconds !== undefined && entry.duration !== undefined) throw new WorkloadError(`${field}: give durationSeconds or duration, not both`);
  if (entry.durationSeconds !== undefined) number(entry.durationSeconds, `${field}.durationSeconds`, 0);
  if (entry.exitCode !== undefined) integer(entry.exitCode, `${field}.exitCode`, 1, 255);
  if (entry.failureRate !== undefined) number(entry.failureRate, `${field}.failureRate`, 0, 1);
  if (entry.duration !== undefined) {
    const path = `${field}.duration`;
    const d = object(entry.duration, path);
    const kind = d.distribution as DurationDistribution['distribution'];
    const params = DISTRIBUTION_FIELDS[kind];
    if (!params) throw new WorkloadError(`${path}.distribution: ${JSON.stringify(d.distribution)} is invalid: normal, lognormal or uniform`);
    unknownFields(d, path, new Set(['distribution', ...params]));
    for (const param of params) {
      if (d[param] === undefined) throw new WorkloadError(`${path}.${param}: required for a ${kind} distribution (needs ${params.join(' and ')})`);
      number(d[param], `${path}.${param}`, 0);
    }
    if (kind === 'uniform' && (d.maxSeconds as number) < (d.minSeconds as number)) {
      throw new WorkloadError(`${path}.maxSeconds: ${d.maxSeconds} is below minSeconds ${d.minSeconds}`);
    }
  }
  return entry as WorkloadBehavior;
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WorkloadError(`${field}: expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

function unknownFields(value: Record<string, unknown>, field: string, known: ReadonlySet<string>): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new WorkloadError(`${field}.${key}: unknown field; known: ${[...known].join(', ')}`);
  }
}

function number(value: unknown, field: string, min: number, max: number = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `a number >= ${min}` : `a number from ${min} to ${max}`;
    throw new WorkloadError(`${field}: ${JSON.stringify(value)} is invalid: ${range}`);
  }
  return value;
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new WorkloadError(`${field}: ${JSON.stringify(value)} is invalid: an integer from ${min} to ${max}`);
  }
  return value as number;
}
