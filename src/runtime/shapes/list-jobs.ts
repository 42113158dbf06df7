/** A filter of ListJobs (LIST-2). */
export interface KeyValuesPair {
  /** `JOB_NAME`, `JOB_DEFINITION`, `BEFORE_CREATED_AT` or `AFTER_CREATED_AT`. @default - none */
  readonly name?: string;
  /** The filter's values. @default - none */
  readonly values?: string[];
}

/** The AWS Batch `ListJobs` request (LIST-1). Exactly one of jobQueue, arrayJobId, multiNodeJobId. */
export interface ListJobsRequest {
  /** @default - none */
  readonly jobQueue?: string;
  /** @default - none */
  readonly arrayJobId?: string;
  /** @default - none */
  readonly multiNodeJobId?: string;
  /** @default RUNNING (as on AWS) */
  readonly jobStatus?: string;
  /** @default 100 */
  readonly maxResults?: number;
  /** @default - first page */
  readonly nextToken?: string;
  /** @default - none */
  readonly filters?: KeyValuesPair[];
}

/** The container part of a job summary. */
export interface ContainerSummary {
  /** @default - not exited */
  readonly exitCode?: number;
  /** @default - none */
  readonly reason?: string;
}

/** Array part of a job summary. */
export interface ArrayPropertiesSummary {
  /** @default - none */
  readonly size?: number;
  /** @default - none */
  readonly index?: number;
}

/** One job of a ListJobs response. */
export interface JobSummary {
  /** @default - none */
  readonly jobArn?: string;
  /** The job id. */
  readonly jobId: string;
  /** The job name. */
  readonly jobName: string;
  /** @default - none */
  readonly createdAt?: number;
  /** @default - none */
  readonly status?: string;
  /** @default - none */
  readonly statusReason?: string;
  /** @default - none */
  readonly startedAt?: number;
  /** @default - none */
  readonly stoppedAt?: number;
  /** @default - none */
  readonly container?: ContainerSummary;
  /** @default - none */
  readonly arrayProperties?: ArrayPropertiesSummary;
  /** @default - none */
  readonly jobDefinition?: string;
}

/** The AWS Batch `ListJobs` response. */
export interface ListJobsResponse {
  /** The jobs of this page. */
  readonly jobSummaryList: JobSummary[];
  /** @default - no more pages */
  readonly nextToken?: string;
}
