import { ComputeEnvironmentReport, Finding, PlanReport } from './plan-report';
import { formatFigure, formatPercent } from './report-numbers';

/** Jobs of one job definition placed on instances of one type, with the figures packing depends on. */
export interface PackingObservation {
  readonly computeEnvironment: string;
  readonly instanceType: string;
  /** Registered vCPUs and memory of one instance of the type. */
  readonly instanceVcpus: number;
  readonly instanceMemoryMiB: number;
  readonly jobDefinition: string;
  readonly jobVcpus: number;
  readonly jobMemoryMiB: number;
  /** Attempts placed. */
  readonly placements: number;
}

/** The first RUNNABLE job of a queue and why it does not run (DIAG-2). */
export interface BlockedHead {
  readonly jobName: string;
  readonly jobId: string;
  readonly reason: string;
}

export interface FindingInputs {
  readonly report: Omit<PlanReport, 'findings'>;
  readonly packing: readonly PackingObservation[];
  /** A compute environment's maxvCpus; undefined for an unmanaged one. */
  maxVcpus(computeEnvironment: string): number | undefined;
  /** The first RUNNABLE job of a queue, if it has one. */
  blockedHead(queue: string): BlockedHead | undefined;
}

/** A compute environment counts as at its maxvCpus when at least this share of it is in use. */
const AT_MAX_SHARE = 0.95;
/** ... for at least this share of the time it ran jobs, to be worth saying. */
const MOSTLY = 0.5;
/** Memory-bound packing is worth saying when it leaves at least this share of an instance's vCPUs idle. */
const IDLE_WORTH_SAYING = 0.25;

/**
 * Why capacity sat idle or jobs waited, each with the figures behind it: memory-bound packing
 * (a job's memory, not its vCPUs, decides how many share an instance), a queue blocked at its head
 * (SCHED-1), a compute environment at its maxvCpus most of the time it ran jobs.
 */
export function findings(inputs: FindingInputs): Finding[] {
  return [
    ...memoryBoundPacking(inputs.packing),
    ...inputs.report.computeEnvironments.flatMap((ce) => atMaxVcpus(ce, inputs)),
    ...inputs.report.queues.flatMap((queue): Finding[] => {
      if (queue.jobs.unfinished === 0) return [];
      const head = inputs.blockedHead(queue.name);
      return [{
        kind: 'QUEUE_BLOCKED',
        text: `queue ${queue.label}: ${formatFigure(queue.jobs.unfinished)} job(s) never finished`
          + (head ? `; its first RUNNABLE job, ${head.jobName} (${head.jobId}), does not run: ${head.reason.replace(/\.+$/, '')}. Every job behind it waits (SCHED-1).` : '.'),
      }];
    }),
  ];
}

function memoryBoundPacking(packing: readonly PackingObservation[]): Finding[] {
  return [...packing].sort((a, b) => b.placements - a.placements).flatMap((p): Finding[] => {
    const byVcpu = Math.floor(p.instanceVcpus / p.jobVcpus);
    const byMemory = Math.floor(p.instanceMemoryMiB / p.jobMemoryMiB);
    if (byMemory >= byVcpu || p.jobVcpus <= 0) return [];
    const idleVcpus = p.instanceVcpus - byMemory * p.jobVcpus;
    if (idleVcpus / p.instanceVcpus < IDLE_WORTH_SAYING) return [];
    const fittingMemory = Math.floor(p.instanceMemoryMiB / byVcpu);
    return [{
      kind: 'MEMORY_BOUND_PACKING',
      text: `memory-bound packing in ${p.computeEnvironment}: jobs of ${p.jobDefinition} (${formatFigure(p.jobVcpus)} vCPU, ${formatFigure(p.jobMemoryMiB)} MiB) `
        + `fit ${byMemory} per ${p.instanceType} by memory (${formatFigure(p.instanceMemoryMiB)} MiB registered) but ${byVcpu} by vCPU `
        + `(${formatFigure(p.instanceVcpus)} vCPUs): an instance holding only these jobs leaves ${formatFigure(idleVcpus)} vCPU(s) `
        + `(${formatPercent(idleVcpus / p.instanceVcpus)}) idle; ${formatFigure(p.placements)} placement(s). At most ${formatFigure(fittingMemory)} MiB per job would fit ${byVcpu}.`,
    }];
  });
}

function atMaxVcpus(ce: ComputeEnvironmentReport, inputs: FindingInputs): Finding[] {
  const max = inputs.maxVcpus(ce.name);
  if (max === undefined || max <= 0) return [];
  const fargate = ce.provisioningModel.startsWith('FARGATE');
  let busySeconds = 0;
  let atMaxSeconds = 0;
  for (const point of ce.timeline) {
    if (point.runningJobs <= 0) continue;
    const seconds = point.endSeconds - point.startSeconds;
    busySeconds += seconds;
    if ((fargate ? point.allocatedVcpus : point.availableVcpus) >= AT_MAX_SHARE * max) atMaxSeconds += seconds;
  }
  const wait = inputs.report.wait;
  if (busySeconds === 0 || atMaxSeconds / busySeconds < MOSTLY || wait.maxSeconds === 0) return [];
  return [{
    kind: 'AT_MAX_VCPUS',
    text: `${ce.label} was at its maxvCpus (${formatFigure(max)} vCPUs) for ${formatPercent(atMaxSeconds / busySeconds)} of the time it ran jobs `
      + `(${formatFigure(atMaxSeconds / 3600)} of ${formatFigure(busySeconds / 3600)} h) while jobs waited (queue wait p90 ${formatFigure(wait.p90Seconds)} s, `
      + `max ${formatFigure(wait.maxSeconds)} s): a higher maxvCpus would shorten the run.`,
  }];
}
