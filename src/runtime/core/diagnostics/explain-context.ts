import { JobRecord } from '../jobs/job-record';
import type { ConsumableResourceGate } from '../scheduling/consumable-resource-gate';
import { Scheduler } from '../scheduling/scheduler';
import { ContainerDemand } from '../types/demand';
import { CapacityModel } from '../types/placement';

/** What the explanation needs from the backend. */
export interface ExplainContext {
  readonly scheduler: Scheduler;
  readonly capacity: CapacityModel;
  /** PLAT-4: what jobs hold of each consumable resource. @default - no job waits for one */
  readonly consumables?: ConsumableResourceGate;
  demandOf(job: JobRecord): ContainerDemand;
  job(jobId: string): JobRecord | undefined;
}
