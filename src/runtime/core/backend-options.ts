import { InstanceCapacityOptions } from './capacity/capacity-options';
import { Clock } from './clock';
import { JobRunner } from './executor';
import { IdGenerator } from './id-generator';
import { Environment } from './model/arns';
import { CapacityModel } from './types/placement';

/** What a BatchBackend is built from: the clock, ids and runner it uses, and its limits and defaults. */
export interface BatchBackendOptions {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly runner: JobRunner;
  readonly environment?: Environment;
  readonly capacity?: CapacityModel;
  /** LIM-7: most jobs in the SUBMITTED state at once. @default 1,000,000 */
  readonly maxSubmittedJobs?: number;
  /** SCHED-1 scan depth. @default 100 */
  readonly schedulerScanDepth?: number;
  /** Options of the default instance-level capacity model (start delays, unmanaged instances, ...). */
  readonly capacityOptions?: InstanceCapacityOptions;
  /** LIFE-4: how long finished jobs stay describable, in seconds of runtime clock. @default 7 days */
  readonly finishedJobRetentionSeconds?: number;
  /** Delay between placement (STARTING) and RUNNING, in ms. @default 0 */
  readonly containerStartDelayMs?: number;
}
