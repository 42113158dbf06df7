/*
 * The figures of a run (`LocalBatchRuntime.report()`, `batch-local plan`): plain readonly structs so
 * they cross the jsii boundary and serialize to the `--json` output as they are.
 */

/** Jobs by final status. Array parents are not counted: their children are. */
export interface JobStatusCounts {
  /** Jobs seen (submitted, or array children created). */
  readonly total: number;
  /** Jobs that ended SUCCEEDED. */
  readonly succeeded: number;
  /** Jobs that ended FAILED. */
  readonly failed: number;
  /** Jobs not finished when the report was made (e.g. they can never run). */
  readonly unfinished: number;
}

/** Queue wait (RUNNABLE until placed, per attempt) figures, in seconds. */
export interface WaitStatistics {
  /** Attempts that waited (one per placement). */
  readonly count: number;
  /** Median wait. 0 when no attempt was placed. */
  readonly p50Seconds: number;
  /** 90th percentile wait. */
  readonly p90Seconds: number;
  /** 99th percentile wait. */
  readonly p99Seconds: number;
  /** Longest wait. */
  readonly maxSeconds: number;
  /** Mean wait. */
  readonly meanSeconds: number;
  /**
   * Whether the percentiles are exact. Past 65,536 waits they come from a log histogram and are
   * within 1% of the true value (max and mean stay exact).
   */
  readonly exact: boolean;
}

/** One bar of a wait histogram. */
export interface HistogramBin {
  /** Lower bound (inclusive), seconds. */
  readonly fromSeconds: number;
  /** Upper bound (exclusive), seconds. */
  readonly toSeconds: number;
  /** Waits in the bin. */
  readonly count: number;
}

/** A job queue's figures. */
export interface QueueReport {
  /** The queue's name. */
  readonly name: string;
  /** How the template's author knows it: its construct path (without `/Resource`), else its logical id, else its name. */
  readonly label: string;
  /** Its jobs by final status. */
  readonly jobs: JobStatusCounts;
  /** How long its jobs waited in RUNNABLE before placement. */
  readonly wait: WaitStatistics;
  /** Wait histogram (about 20 bins of equal width from 0 to the longest wait). */
  readonly waitHistogram: HistogramBin[];
}

/** Averages of a compute environment over one time bucket. */
export interface TimelinePoint {
  /** Bucket start, seconds since the report's origin. */
  readonly startSeconds: number;
  /** Bucket end, seconds since the report's origin. */
  readonly endSeconds: number;
  /** Average number of instances. */
  readonly instances: number;
  /** Average registered vCPUs of those instances. */
  readonly availableVcpus: number;
  /** Average vCPUs allocated to jobs. */
  readonly allocatedVcpus: number;
  /** Average registered memory (MiB). */
  readonly availableMemoryMiB: number;
  /** Average memory (MiB) allocated to jobs. */
  readonly allocatedMemoryMiB: number;
  /** Average number of job attempts placed (STARTING or RUNNING). */
  readonly runningJobs: number;
}

/** Instance-hours and cost of one instance type in a compute environment. */
export interface InstanceTypeUsage {
  /** The EC2 instance type. */
  readonly instanceType: string;
  /** Instances of it launched. */
  readonly launched: number;
  /** vCPUs one instance of it registers. */
  readonly vcpus: number;
  /** Memory (MiB) one instance of it registers (ECS_RESERVED_MEMORY deducted): what jobs pack into. */
  readonly memoryMiB: number;
  /** Instance-hours. */
  readonly instanceHours: number;
  /** USD per instance-hour used. */
  readonly usdPerHour: number;
  /** instanceHours × usdPerHour. */
  readonly costUsd: number;
}

/** A compute environment's figures. */
export interface ComputeEnvironmentReport {
  /** The compute environment's name. */
  readonly name: string;
  /** How the template's author knows it: its construct path (without `/Resource`), else its logical id, else its name. */
  readonly label: string;
  /** EC2, SPOT, FARGATE or FARGATE_SPOT. */
  readonly provisioningModel: string;
  /** The most instances at one time. */
  readonly peakInstances: number;
  /** Instances launched (or registered). */
  readonly launchedInstances: number;
  /** Instance-hours, launch to termination (or to the report time). */
  readonly instanceHours: number;
  /** Instance-hours during which an instance had no job placed on it. */
  readonly idleInstanceHours: number;
  /** Allocated vCPU-seconds / registered vCPU-seconds, 0..1 (0 without instances, e.g. Fargate). */
  readonly vcpuUtilization: number;
  /** Allocated memory / registered memory over time, 0..1. */
  readonly memoryUtilization: number;
  /**
   * Estimated cost in USD: instance-hours × price of the type; on Fargate, task vCPU-hours and
   * memory GB-hours × Fargate's (or Fargate Spot's) prices.
   */
  readonly costUsd: number;
  /**
   * Fargate and Fargate Spot: vCPU-hours of the job attempts that ended, each billed from placement to
   * its end, per second, one minute at least (0 on EC2 and Spot, which bill instances).
   */
  readonly taskVcpuHours: number;
  /** Fargate and Fargate Spot: memory GB-hours of the job attempts that ended, billed as taskVcpuHours. */
  readonly taskMemoryGbHours: number;
  /** Per instance type. */
  readonly instanceTypes: InstanceTypeUsage[];
  /** Averages per time bucket (the same buckets for every compute environment of a report). */
  readonly timeline: TimelinePoint[];
}

/** One attempt on one instance (a Gantt bar). */
export interface AttemptSpan {
  /** The job's name. */
  readonly jobName: string;
  /** The job's id. */
  readonly jobId: string;
  /** The compute environment. */
  readonly computeEnvironment: string;
  /** The instance id, or the container instance ARN where no instance is modelled (Fargate). */
  readonly instance: string;
  /** Placement, seconds since the report's origin. */
  readonly startSeconds: number;
  /** End, seconds since the report's origin. */
  readonly endSeconds: number;
  /** SUCCEEDED, FAILED, or RUNNABLE for an attempt that is retried. */
  readonly outcome: string;
}

/** Why capacity sat idle or jobs waited, with the figures behind it. */
export interface Finding {
  /** MEMORY_BOUND_PACKING, QUEUE_BLOCKED, AT_MAX_VCPUS or CONSUMABLE_RESOURCE_WAIT (PLAT-4). */
  readonly kind: string;
  /** The finding, for people, with its figures. */
  readonly text: string;
}

/** vCPUs a share's jobs held, averaged over one time bucket. */
export interface ShareTimelinePoint {
  /** Bucket start, seconds since the report's origin. */
  readonly startSeconds: number;
  /** Bucket end, seconds since the report's origin. */
  readonly endSeconds: number;
  /** Average vCPUs allocated to the share's placed jobs. */
  readonly vcpus: number;
}

/** One share identifier of a fair-share queue (docs/plan.md, PLAN-13). */
export interface ShareReport {
  /** The share identifier jobs were submitted with. */
  readonly shareIdentifier: string;
  /** Its weight factor in the queue's policy (the entry that covers it, else 1). */
  readonly weightFactor: number;
  /** Jobs submitted with it (array children counted, not their parents). */
  readonly jobs: number;
  /** How long its jobs waited in RUNNABLE before placement. */
  readonly wait: WaitStatistics;
  /** vCPU-seconds its jobs held over the whole run. */
  readonly vcpuSeconds: number;
  /**
   * Its inverse-weight split of the queue's vCPU-time over the saturated period, 0..1: at each moment
   * (1/weight) / Σ(1/weight) of the shares with jobs, weighted by the vCPUs the queue had in use.
   */
  readonly targetShare: number;
  /** The fraction of the queue's vCPU-time over the saturated period that its jobs held, 0..1 (0 when never saturated). */
  readonly achievedShare: number;
  /** vCPUs in use per time bucket (the report's buckets). */
  readonly timeline: ShareTimelinePoint[];
}

/** A fair-share queue's figures per share (docs/plan.md, PLAN-13). */
export interface FairShareQueueReport {
  /** The queue's name. */
  readonly name: string;
  /** Its construct path (without `/Resource`), else its logical id, else its name. */
  readonly label: string;
  /** The name of its scheduling policy. */
  readonly schedulingPolicy: string;
  /** The policy's shareDecaySeconds at the report. */
  readonly shareDecaySeconds: number;
  /** The policy's computeReservation at the report. */
  readonly computeReservation: number;
  /** Seconds during which at least two shares had jobs in the queue and every share with jobs had one RUNNABLE. */
  readonly saturatedSeconds: number;
  /** vCPU-seconds the queue's jobs held during that time. */
  readonly saturatedVcpuSeconds: number;
  /** Per share identifier, by identifier. */
  readonly shares: ShareReport[];
}

/** The figures of a run, from the runtime's start to the report. */
export interface PlanReport {
  /** The report's origin (the runtime's start), epoch ms; times in the report are seconds from it. */
  readonly originEpochMs: number;
  /** When the report was made, seconds from the origin. */
  readonly reportSeconds: number;
  /** First submission to the last job's end, seconds (0 when no job finished). */
  readonly makespanSeconds: number;
  /** Jobs by final status. */
  readonly jobs: JobStatusCounts;
  /** Waits of all queues together. */
  readonly wait: WaitStatistics;
  /** The most instances at one time, all compute environments together. */
  readonly peakInstances: number;
  /** Instance-hours, all compute environments. */
  readonly instanceHours: number;
  /** Idle instance-hours, all compute environments. */
  readonly idleInstanceHours: number;
  /** Estimated cost, USD, all compute environments. */
  readonly costUsd: number;
  /** Where the prices come from (table, date, Spot rule). */
  readonly priceSource: string;
  /** Width of the timeline buckets, seconds. */
  readonly bucketSeconds: number;
  /** Per compute environment, by name. */
  readonly computeEnvironments: ComputeEnvironmentReport[];
  /** Per job queue, by name. */
  readonly queues: QueueReport[];
  /**
   * Every attempt, when there were at most `ganttLimit` (2,000 by default); else empty and the
   * pictures show `runningJobs` density instead.
   */
  readonly attempts: AttemptSpan[];
  /** Whether `attempts` holds every attempt. */
  readonly attemptsComplete: boolean;
  /** Why capacity sat idle or jobs waited (memory-bound packing, a queue blocked at its head, a CE at maxvCpus). */
  readonly findings: Finding[];
  /** Per fair-share queue with jobs, by name (empty when no fair-share queue had any). */
  readonly fairShareQueues: FairShareQueueReport[];
}
