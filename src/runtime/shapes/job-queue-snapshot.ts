/** One job at the front of a queue (GetJobQueueSnapshot's `FrontOfQueueJobSummary`, FS-8). */
export interface FrontOfQueueJobSummary {
  /** The job's ARN. */
  readonly jobArn: string;
  /** When the job entered its queue's order (became RUNNABLE), in epoch milliseconds of the runtime's clock. */
  readonly earliestTimeAtPosition: number;
}

/** The front of a queue (GetJobQueueSnapshot's `FrontOfQueueDetail`, FS-8). */
export interface FrontOfQueueDetail {
  /** At most 100 RUNNABLE jobs, in the order the scheduler would take them now. */
  readonly jobs: FrontOfQueueJobSummary[];
  /** When the snapshot was taken, in epoch milliseconds of the runtime's clock. */
  readonly lastUpdatedAt: number;
}

/** GetJobQueueSnapshot's answer (FS-8), for FIFO and fair-share queues alike. */
export interface JobQueueSnapshot {
  /** The queue's front. */
  readonly frontOfQueue: FrontOfQueueDetail;
}
