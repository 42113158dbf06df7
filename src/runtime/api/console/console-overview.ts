import { BatchBackend } from '../../core/backend';
import { InstanceCapacity } from '../../core/capacity/instance-capacity';
import { JobRecord } from '../../core/jobs/job-record';
import { JobStatus } from '../../core/model/job-status';
import { ComputeEnvironmentRecord } from '../../core/model/records';

/** A queue's row on the dashboard: its settings and how many of its jobs are in each status. */
export interface QueueOverview {
  readonly name: string;
  readonly arn: string;
  readonly state: string;
  readonly status: string;
  readonly priority: number;
  readonly schedulingPolicyArn?: string;
  readonly computeEnvironments: string[];
  /** Top-level jobs by status, as ListJobs by queue counts them (array children are in their parent's summary). */
  readonly counts: Record<JobStatus, number>;
}

/** A job using a compute environment now (STARTING or RUNNING), and where. */
export interface LiveJob {
  readonly jobId: string;
  readonly jobName: string;
  readonly status: JobStatus;
  readonly instanceId?: string;
  readonly vcpus: number;
  readonly memoryMiB: number;
}

/** A compute environment's row: sizes, instances and what its live jobs use. */
export interface ComputeEnvironmentOverview {
  readonly name: string;
  readonly arn: string;
  /** MANAGED or UNMANAGED, with the resource type (EC2, SPOT, FARGATE, FARGATE_SPOT) when managed. */
  readonly type: string;
  readonly state: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly minvCpus?: number;
  readonly desiredvCpus?: number;
  readonly maxvCpus?: number;
  /** Instances now (starting or running); undefined where the capacity has no instances (Fargate). */
  readonly instances?: number;
  readonly vcpusInUse: number;
  readonly memoryMiBInUse: number;
  /** Registered vCPUs and memory of its instances; undefined where it has none (Fargate). */
  readonly vcpusRegistered?: number;
  readonly memoryMiBRegistered?: number;
}

/** Zero for each status, as a literal: an object with fixed properties is what a 100,000-job count loop increments fastest. */
export function emptyStatusCounts(): Record<JobStatus, number> {
  return { SUBMITTED: 0, PENDING: 0, RUNNABLE: 0, STARTING: 0, RUNNING: 0, SUCCEEDED: 0, FAILED: 0 };
}

/** The dashboard's figures. One pass over each queue's jobs and one over live attempts: linear in the job count. */
export function consoleOverview(backend: BatchBackend): { queues: QueueOverview[]; computeEnvironments: ComputeEnvironmentOverview[] } {
  const queues = backend.registry.listJobQueues().map((queue): QueueOverview => {
    const counts = emptyStatusCounts();
    for (const job of backend.jobsInQueue(queue.name)) counts[job.status]++;
    return {
      name: queue.name,
      arn: queue.arn,
      state: queue.state,
      status: queue.status,
      priority: queue.priority,
      schedulingPolicyArn: queue.schedulingPolicy?.arn,
      computeEnvironments: queue.computeEnvironmentOrder.map((entry) => entry.computeEnvironment.name),
      counts,
    };
  });
  const live = liveJobsByComputeEnvironment(backend);
  const computeEnvironments = backend.registry.listComputeEnvironments()
    .map((ce) => computeEnvironmentOverview(backend, ce, live.get(ce.name) ?? []));
  return { queues, computeEnvironments };
}

export function computeEnvironmentOverview(
  backend: BatchBackend, ce: ComputeEnvironmentRecord, live: readonly LiveJob[],
): ComputeEnvironmentOverview {
  const resources = ce.computeResources;
  const instances = instancesOf(backend, ce.name);
  return {
    name: ce.name,
    arn: ce.arn,
    type: resources?.type ? `${ce.type} ${resources.type}` : ce.type,
    state: ce.state,
    status: ce.status,
    statusReason: ce.statusReason,
    minvCpus: resources?.minvCpus,
    desiredvCpus: resources?.desiredvCpus,
    maxvCpus: resources?.maxvCpus ?? ce.unmanagedvCpus,
    instances: instances?.length,
    vcpusInUse: live.reduce((sum, job) => sum + job.vcpus, 0),
    memoryMiBInUse: live.reduce((sum, job) => sum + job.memoryMiB, 0),
    vcpusRegistered: instances?.reduce((sum, instance) => sum + instance.registeredvCpus, 0),
    memoryMiBRegistered: instances?.reduce((sum, instance) => sum + instance.registeredMemoryMiB, 0),
  };
}

/** The instances of a compute environment, or undefined where the capacity model has none (Fargate, pooled capacity). */
export function instancesOf(backend: BatchBackend, computeEnvironment: string): ReturnType<InstanceCapacity['instances']> | undefined {
  if (!(backend.capacity instanceof InstanceCapacity)) return undefined;
  try {
    return backend.capacity.instances(computeEnvironment);
  } catch {
    return undefined; // a Fargate CE: no instances are modelled
  }
}

/** Every attempt that is STARTING or RUNNING (array children and nodes included), by compute environment. */
export function liveJobsByComputeEnvironment(backend: BatchBackend): Map<string, LiveJob[]> {
  const byName = new Map<string, LiveJob[]>();
  const visit = (job: JobRecord): void => {
    if (job.status === 'STARTING' || job.status === 'RUNNING') {
      const live = job.liveAttempt;
      if (live && !live.ended) {
        const placement = live.placement;
        const demand = job.spec.derived.demand;
        let list = byName.get(placement.computeEnvironment.name);
        if (!list) byName.set(placement.computeEnvironment.name, list = []);
        list.push({
          jobId: job.jobId,
          jobName: job.spec.jobName,
          status: job.status,
          instanceId: placement.instanceId,
          vcpus: demand?.vcpus ?? 0,
          memoryMiB: demand?.memoryMiB ?? 0,
        });
      }
    }
    for (const child of job.children ?? []) visit(child);
    for (const node of job.nodes ?? []) visit(node);
  };
  for (const job of backend.allJobs()) visit(job);
  return byName;
}
