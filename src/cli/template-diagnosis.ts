import {
  assembleRuntime, BatchBackend, CfnTemplate, isTerminal, JobExecutor, MalformedTemplateError, RuntimeAssembly, SchedulingPolicyRecord,
  TemplateSources,
} from '../runtime/cli-surface';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly severity: Severity;
  /** The resource the finding is about (name), or the stack. */
  readonly resource: string;
  readonly message: string;
}

export interface DefinitionPlacement {
  readonly jobDefinition: string;
  /** Queues where a probe job of this definition ran to completion. */
  readonly runsOn: string[];
  /** Queues where it never could, and why (the backend's explainJob). */
  readonly neverOn: Array<{ readonly jobQueue: string; readonly reason: string }>;
}

export interface TemplateDiagnosis {
  readonly stackName: string;
  readonly loaded: boolean;
  readonly computeEnvironments: Array<{ name: string; state: string; status: string; statusReason?: string }>;
  readonly jobQueues: Array<{ name: string; state: string; priority: number; computeEnvironments: string[] }>;
  readonly jobDefinitions: DefinitionPlacement[];
  readonly findings: Finding[];
}

/** Bounds a probe's simulation (a retry or schedule loop in a template must not hang the doctor). */
const MAX_PROBE_EVENTS = 100_000;

/**
 * What is wrong with a template before any job runs (input that is no template at all throws
 * MalformedTemplateError): resources the API would reject (each one's
 * ClientException; then nothing is probed), INVALID or DISABLED compute environments (DIAG-1), queues that
 * can take no job, and job definitions whose jobs would stay RUNNABLE forever (DIAG-2). Each job
 * definition is probed on each queue in a fresh virtual-time backend with the simulated executor,
 * so probes never block one another (SCHED-1) and nothing runs.
 */
export function diagnoseTemplate(
  template: CfnTemplate, stackName: string, parameters: Record<string, string> = {}, sources: TemplateSources = {},
): TemplateDiagnosis {
  const findings: Finding[] = [];
  const rejected: Error[] = [];
  let backend: BatchBackend | undefined;
  const source: ProbeSource = { template, stackName, parameters, sources };
  try {
    const assembly = assemble(source, rejected);
    backend = assembly.backend;
    // CFN-4, CFN-6, CFN-8: what loaded without a value, a model or a catalog entry, each once.
    for (const warning of assembly.loaded?.warnings ?? []) findings.push({ severity: 'warning', resource: stackName, message: warning });
  } catch (error) {
    // Not a template at all: an input error for the caller (exit code 2), as every command treats it.
    if (error instanceof MalformedTemplateError) throw error;
    rejected.push(error as Error);
  }
  if (rejected.length > 0 || backend === undefined) {
    // Every rejected resource, not only the first: the user fixes them in one go.
    for (const error of rejected) findings.push({ severity: 'error', resource: stackName, message: `the template does not load: ${error.message}` });
    return { stackName, loaded: false, computeEnvironments: [], jobQueues: [], jobDefinitions: [], findings };
  }
  const registry = backend.registry;
  const computeEnvironments = registry.listComputeEnvironments()
    .map((ce) => ({ name: ce.name, state: ce.state, status: ce.status, statusReason: ce.statusReason }));
  for (const ce of computeEnvironments) {
    if (ce.status === 'INVALID') findings.push({ severity: 'error', resource: ce.name, message: `compute environment is INVALID: ${ce.statusReason}` });
    if (ce.state === 'DISABLED') findings.push({ severity: 'warning', resource: ce.name, message: 'compute environment is DISABLED: no job is placed on it (LIFE-8)' });
  }
  const queues = registry.listJobQueues();
  const jobQueues = queues.map((q) => ({
    name: q.name, state: q.state, priority: q.priority, computeEnvironments: q.computeEnvironmentOrder.map((e) => e.computeEnvironment.name),
  }));
  for (const queue of queues) {
    if (queue.state === 'DISABLED') findings.push({ severity: 'warning', resource: queue.name, message: 'job queue is DISABLED: it accepts no submissions (LIFE-8)' });
    if (queue.schedulingPolicy) findings.push({ severity: 'info', resource: queue.name, message: describeFairShare(queue.schedulingPolicy) });
    const usable = queue.computeEnvironmentOrder.filter((e) => e.computeEnvironment.state === 'ENABLED' && e.computeEnvironment.status === 'VALID');
    if (usable.length === 0) {
      findings.push({
        severity: 'error', resource: queue.name, message: 'no compute environment of this queue is ENABLED and VALID: every job in it stays RUNNABLE (DIAG-2)',
      });
    }
  }
  const jobDefinitions = registry.listJobDefinitions().filter((d) => d.status === 'ACTIVE').map((definition) => {
    const placement: DefinitionPlacement = { jobDefinition: `${definition.name}:${definition.revision}`, runsOn: [], neverOn: [] };
    for (const queue of queues.filter((q) => q.state === 'ENABLED')) {
      const verdict = probe(source, queue.name, placement.jobDefinition, probeShare(queue.schedulingPolicy));
      if (verdict === undefined) placement.runsOn.push(queue.name);
      else placement.neverOn.push({ jobQueue: queue.name, reason: verdict });
    }
    if (placement.runsOn.length === 0 && placement.neverOn.length > 0) {
      findings.push({ severity: 'error', resource: placement.jobDefinition, message: `jobs of this definition can run on no queue: ${placement.neverOn.map((n) => `${n.jobQueue}: ${n.reason}`).join(' | ')}` });
    } else {
      for (const never of placement.neverOn) {
        findings.push({ severity: 'info', resource: placement.jobDefinition, message: `never runs on queue ${never.jobQueue}: ${never.reason}` });
      }
    }
    return placement;
  });
  return { stackName, loaded: true, computeEnvironments, jobQueues, jobDefinitions, findings };
}

/** undefined when a probe job of `definition` on `queue` finishes; otherwise why not. */
function probe(source: ProbeSource, queue: string, definition: string, shareIdentifier?: string): string | undefined {
  const backend = assemble(source).backend;
  let jobId: string;
  try {
    jobId = backend.submitJob({ jobName: 'batch-local-doctor-probe', jobQueue: queue, jobDefinition: definition, shareIdentifier }).jobId;
  } catch (error) {
    return `SubmitJob is rejected: ${(error as Error).message}`;
  }
  backend.loop.runUntilIdle(MAX_PROBE_EVENTS);
  const job = backend.job(jobId)!;
  // The probe's id means nothing to the reader: the explanation is about "a job" of the definition.
  return isTerminal(job.status) ? undefined : backend.explainJob(jobId).split(`Job ${jobId} `).join('A job ');
}

/** FS-3: a probe of a fair-share queue needs a share: the first one the policy names, else any. */
function probeShare(policy: SchedulingPolicyRecord | undefined): string | undefined {
  if (!policy) return undefined;
  const declared = policy.fairsharePolicy.shareDistribution[0]?.shareIdentifier;
  return declared === undefined ? 'doctorProbe' : declared.endsWith('*') ? `${declared.slice(0, -1)}doctorProbe` : declared;
}

/** FS-2..FS-6: what a fair-share queue changes for the jobs submitted to it. */
function describeFairShare(policy: SchedulingPolicyRecord): string {
  const { shareDecaySeconds, computeReservation, shareDistribution } = policy.fairsharePolicy;
  const shares = shareDistribution.map((share) => `${share.shareIdentifier} (weight ${share.weightFactor})`).join(', ') || 'none declared (each weighs 1)';
  const reservation = computeReservation === 0
    ? 'no capacity is held for inactive shares'
    : `computeReservation ${computeReservation} holds ${computeReservation}% of the queue's maximum vCPUs idle with one active share, `
      + `${(100 * Math.pow(computeReservation / 100, 2)).toFixed(1)}% with two (FS-6)`;
  return `fair-share queue (scheduling policy ${policy.name}): SubmitJob needs a shareIdentifier (FS-3); shares: ${shares}; `
    + `usage decays over ${shareDecaySeconds} s (FS-4); ${reservation}`;
}

/** What each probe loads afresh. */
interface ProbeSource {
  readonly template: CfnTemplate;
  readonly stackName: string;
  readonly parameters: Record<string, string>;
  readonly sources: TemplateSources;
}

function assemble(source: ProbeSource, rejected?: Error[]): RuntimeAssembly {
  return assembleRuntime({
    runner: JobExecutor.simulated()._createRunner(),
    clock: 'virtual',
    seed: 1,
    template: { template: source.template, stackName: source.stackName, parameters: source.parameters, ...source.sources, rejected },
  });
}
