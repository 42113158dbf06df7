import { JobRecord } from '../jobs/job-record';
import { Scheduler } from '../scheduling/scheduler';
import { ContainerDemand } from '../types/demand';
import { CapacityModel } from '../types/placement';

/** What the explanation needs from the backend. */
export interface ExplainContext {
  readonly scheduler: Scheduler;
  readonly capacity: CapacityModel;
  demandOf(job: JobRecord): ContainerDemand;
  job(jobId: string): JobRecord | undefined;
}
