import { Duration } from 'aws-cdk-lib';
import { JobExecutor } from './executors/job-executor';
import { UnmanagedInstances } from './runtime-capacity';
import { IRuntimeLogger } from './runtime-logger';

/** Options of a local runtime. */
export interface LocalBatchRuntimeProps {
  /** How job containers run. @default JobExecutor.process() */
  readonly executor?: JobExecutor;
  /** The account id in ARNs. @default - the stack's account if concrete, else 123456789012 */
  readonly account?: string;
  /** The region in ARNs. @default - the stack's region if concrete, else us-east-1 */
  readonly region?: string;
  /** The stack name used for generated physical names. @default - the stack's name, or 'LocalStack' for a template */
  readonly stackName?: string;
  /**
   * Values for the template's parameters, as text (CFN-2).
   *
   * Values of `List<...>` and `CommaDelimitedList` parameters are comma-separated, as on the command line.
   * @default - their defaults
   */
  readonly parameters?: Record<string, string>;
  /**
   * Values of the exports the template imports with `Fn::ImportValue`, by export name (CFN-4).
   * @default - none: each import gets a stable placeholder and one warning, or an error where its value decides what the runtime does
   */
  readonly imports?: Record<string, string>;
  /** Start of virtual time, epoch milliseconds (simulated executor only). @default 2020-01-01T00:00:00Z */
  readonly startTime?: number;
  /** Seed of the job-id generator in virtual time. @default 1 */
  readonly seed?: number;
  /** How many RUNNABLE jobs per queue a scheduling pass may look past (SCHED-1 backfill). @default 100 */
  readonly schedulerScanDepth?: number;
  /**
   * Instances take a realistic time to start (about 2 minutes, more for GPU and Spot) instead of
   * being ready at once.
   * @default false
   */
  readonly realisticInstanceStart?: boolean;
  /** How long an idle instance of a managed compute environment lives before scale-down. @default Duration.minutes(5) */
  readonly scaleDownIdleTime?: Duration;
  /**
   * How long finished (SUCCEEDED or FAILED) jobs stay describable before they are purged (LIFE-4), on
   * the runtime's clock.
   * @default Duration.days(7)
   */
  readonly finishedJobRetention?: Duration;
  /**
   * PLAT-3: a directory laid out like mounted Kubernetes secrets, `<dir>/<secretName>/<key>` (one file
   * per key), standing for the cluster's secrets: an EKS pod's `secret` volume mounts
   * `<dir>/<secretName>` read-only. A secret missing from it is an empty directory when the volume is
   * `optional`; otherwise the attempt fails, naming the volume, the secret and this directory. The
   * simulated executor checks the same directory, so a plan fails the same pods.
   * @default - no secrets: a pod with a secret volume that is not `optional` fails to start
   */
  readonly kubernetesSecretsDirectory?: string;
  /**
   * PLAT-3: where EKS pods' `persistentVolumeClaim` volumes live: `<dir>/<claimName>`, one directory per
   * claim, shared by every job that names the claim and kept after them (created when first mounted).
   * @default - `persistent-volumes` in the executor's work root (`ProcessExecutorProps.workRoot`)
   */
  readonly persistentVolumesDirectory?: string;
  /** Instances of the template's unmanaged compute environments (SCHED-7). @default - none */
  readonly unmanagedInstances?: UnmanagedInstances[];
  /** Receives the runtime's warnings (see `warnings()`). @default - console.warn */
  readonly logger?: IRuntimeLogger;
  /**
   * Collect the figures `report()` returns (makespan, waits, instances, utilization, cost) while the
   * runtime runs. Off by default: collection adds about half again to a million-job simulation
   * (bench/scheduler.ts), and most tests never ask for a report.
   * @default false
   */
  readonly collectReport?: boolean;
}

/** A job state change, as delivered to listeners. */
export interface JobStateChange {
  /** The job's id. */
  readonly jobId: string;
  /** The job's name. */
  readonly jobName: string;
  /** The state before the change. */
  readonly previousStatus: string;
  /** The new state. */
  readonly status: string;
  /** The runtime time of the change, epoch milliseconds. */
  readonly time: number;
  /** The status reason, if any. @default - none */
  readonly statusReason?: string;
}

/** Receives every job state change. */
export interface IJobListener {
  /** Called synchronously at each state change. */
  onStateChange(change: JobStateChange): void;
}
