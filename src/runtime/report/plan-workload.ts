import { PlanReport } from './plan-report';
import { applyPolicyOverrides, PolicyOverride } from './policy-overrides';
import { PriceOverrides } from './price-overrides';
import { Workload, WorkloadError, WorkloadSubmission } from './workload';
import { jobBehaviorOf } from './workload-behaviors';
import { JobExecutor } from '../executors/job-executor';
import { JobBehavior } from '../executors/simulated/job-behavior';
import { SeededRandom } from '../executors/simulated/seeded-random';
import { LocalBatchRuntime } from '../local-batch-runtime';
import { JobDependency } from '../shapes';

/** What to plan on: a template file or cloud assembly directory. */
export interface PlanSource {
  readonly templateFile: string;
  /** The stack of a cloud assembly with several. */
  readonly stackName?: string;
  readonly parameters?: Record<string, string>;
  /** Values of `Fn::ImportValue` exports (CFN-4). @default - none */
  readonly imports?: Record<string, string>;
  /**
   * PLAT-3: the Kubernetes secrets directory EKS pods' secret volumes are looked up in, as a run would
   * (`--kubernetes-secrets-dir`): a pod whose required secret is missing fails in the plan as in the run.
   * @default - none: such pods fail to start
   */
  readonly kubernetesSecretsDirectory?: string;
}

export interface PlanOptions {
  readonly prices?: PriceOverrides;
  /** Scheduling policy settings to use instead of the template's (a what-if, PLAN-14). @default - the template's */
  readonly policyOverrides?: readonly PolicyOverride[];
  /** How errors in `policyOverrides` name them (the CLI: its option and value). @default 'policyOverrides' */
  readonly policyOverridesField?: string;
  /** Called now and then while the simulation runs, and once at the end. */
  readonly onProgress?: (finishedJobs: number, totalJobs: number) => void;
}

/** Timestamps the simulation processes between progress calls. */
const PROGRESS_EVERY = 512;

/**
 * Runs the workload on the template in virtual time to the end and returns the report. Throws a
 * `WorkloadError` naming the field for a workload that does not fit the template (unknown queue or
 * job definition, a SubmitJob request the API rejects).
 */
export function planWorkload(source: PlanSource, workload: Workload, options: PlanOptions = {}): PlanReport {
  // Keys as the workload gives them (name, logical id, construct path, ARN): the executor resolves
  // them like every reference once the template is loaded. Its warning for a key that matches nothing
  // is silenced because the check below refuses such a workload, naming its field.
  const random = new SeededRandom(workload.seed);
  const byJobDefinition: Record<string, JobBehavior> = {};
  for (const [definition, behavior] of Object.entries(workload.behaviors)) byJobDefinition[definition] = jobBehaviorOf(behavior, random);
  const runtime = LocalBatchRuntime.fromTemplateFile(source.templateFile, {
    executor: JobExecutor.simulated({ byJobDefinition, seed: workload.seed }),
    seed: workload.seed,
    stackName: source.stackName,
    parameters: source.parameters,
    imports: source.imports,
    kubernetesSecretsDirectory: source.kubernetesSecretsDirectory,
    logger: { warn: () => undefined },
    collectReport: true,
  });
  try {
    const registry = runtime._backend.registry;
    const resolve = (value: string): string => {
      try {
        return runtime.resourceArn(value);
      } catch {
        return value; // not a logical id: a name or ARN
      }
    };
    const check = <T>(lookup: () => T): T => {
      try {
        return lookup();
      } catch (error) {
        throw new WorkloadError((error as Error).message);
      }
    };
    applyPolicyOverrides(runtime._backend, options.policyOverrides ?? [], resolve, options.policyOverridesField ?? 'policyOverrides');
    for (const definition of Object.keys(workload.behaviors)) {
      check(() => registry.jobDefinition(resolve(definition), `behaviors.${definition}`));
    }
    const resolved = workload.submissions.map((submission, i) => {
      check(() => registry.jobQueue(resolve(submission.jobQueue), `submissions[${i}].jobQueue`));
      check(() => registry.jobDefinition(resolve(submission.jobDefinition), `submissions[${i}].jobDefinition`));
      return { ...submission, jobQueue: resolve(submission.jobQueue), jobDefinition: resolve(submission.jobDefinition) };
    });
    const totalJobs = resolved.reduce((n, s) => n + (s.count ?? 1) * (s.arrayProperties?.size ?? 1), 0);
    let finishedJobs = 0;
    runtime._backend.addJobStateListener({
      onJobStateChange: (job) => {
        if ((job.status === 'SUCCEEDED' || job.status === 'FAILED') && job.children === undefined && job.mnpParent === undefined) finishedJobs++;
      },
    });
    scheduleSubmissions(runtime, resolved);
    const loop = runtime._loop;
    let steps = 0;
    for (let next = loop.nextEventTime(); next !== undefined; next = loop.nextEventTime()) {
      loop.runUntil(next);
      if (++steps % PROGRESS_EVERY === 0) options.onProgress?.(finishedJobs, totalJobs);
    }
    options.onProgress?.(finishedJobs, totalJobs);
    return runtime.report({ prices: options.prices });
  } finally {
    runtime.dispose();
  }
}

/** One event per submission time; within a time, a job's dependencies are submitted before it. */
function scheduleSubmissions(runtime: LocalBatchRuntime, submissions: WorkloadSubmission[]): void {
  const indexesByName = new Map<string, number[]>();
  submissions.forEach((s, i) => indexesByName.set(s.jobName, [...(indexesByName.get(s.jobName) ?? []), i]));
  const byTime = submissions.map((_, i) => i).sort((a, b) => (submissions[a].atSeconds ?? 0) - (submissions[b].atSeconds ?? 0) || a - b);
  const order: number[] = [];
  const emitted = new Set<number>();
  const visit = (i: number): void => {
    if (emitted.has(i)) return;
    emitted.add(i); // parseWorkload has ruled out cycles
    for (const dependency of submissions[i].dependsOn ?? []) {
      if (dependency.jobName !== undefined) indexesByName.get(dependency.jobName)!.forEach(visit);
    }
    order.push(i);
  };
  byTime.forEach(visit);
  // Job ids by name, kept only for the names another submission depends on.
  const dependedOn = new Set(submissions.flatMap((s) => (s.dependsOn ?? []).flatMap((d) => (d.jobName !== undefined ? [d.jobName] : []))));
  const ids = new Map<string, string[]>([...dependedOn].map((name) => [name, []]));
  const start = runtime.now();
  const groups = new Map<number, number[]>();
  for (const i of order) {
    const at = submissions[i].atSeconds ?? 0;
    groups.set(at, [...(groups.get(at) ?? []), i]);
  }
  for (const [at, indexes] of groups) {
    runtime._loop.at(start + at * 1000, () => {
      for (const i of indexes) submit(runtime, submissions[i], i, ids);
    });
  }
}

function submit(runtime: LocalBatchRuntime, submission: WorkloadSubmission, index: number, ids: Map<string, string[]>): void {
  const { count = 1, atSeconds: _at, dependsOn = [], ...request } = submission;
  const dependencies: JobDependency[] = dependsOn.flatMap((d): JobDependency[] => (d.jobName === undefined
    ? [{ type: d.type }]
    : (ids.get(d.jobName) ?? []).map((jobId) => (d.type ? { jobId, type: d.type } : { jobId }))));
  const submitted = ids.get(submission.jobName);
  try {
    // One request for every copy: validated once, its specification shared (issue #25: `count` cost
    // 4.9x the same jobs as arrays when each copy was a request of its own).
    runtime._backend.submitJobCopies({ ...request, dependsOn: dependencies }, count, submitted && ((jobId) => submitted.push(jobId)));
  } catch (error) {
    throw new WorkloadError(`submissions[${index}]: ${(error as Error).message}`);
  }
}
