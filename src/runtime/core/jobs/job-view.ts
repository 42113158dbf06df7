import { effectiveContainer, substituteParameters } from './container-launch';
import { JobRecord } from './job-record';
import { AttemptDetail, ContainerDetail, JobDetail, JobSummary } from '../../shapes';

/**
 * Builds the DescribeJobs object of a job on demand (it is never stored), with AWS's field names and
 * without undefined fields, so it serializes exactly as the API's JSON.
 */
export function describeJob(job: JobRecord): JobDetail {
  const spec = job.spec;
  const attempt = job.currentAttempt;
  const container = effectiveContainer(job);
  const containerDetail: ContainerDetail = compact({
    image: container.image,
    vcpus: container.vcpus,
    memory: container.memory,
    command: container.command ? substituteParameters(container.command, spec.parameters) : undefined,
    jobRoleArn: container.jobRoleArn,
    executionRoleArn: container.executionRoleArn,
    environment: spec.environment,
    resourceRequirements: container.resourceRequirements,
    instanceType: container.instanceType,
    privileged: container.privileged,
    user: container.user,
    readonlyRootFilesystem: container.readonlyRootFilesystem,
    exitCode: attempt?.exitCode,
    reason: attempt?.reason,
    containerInstanceArn: attempt?.containerInstanceArn,
    taskArn: attempt?.taskArn,
    logStreamName: attempt?.logStreamName,
  });
  return compact({
    jobArn: job.arn,
    jobName: spec.jobName,
    jobId: job.jobId,
    jobQueue: spec.queue.arn,
    status: job.status,
    shareIdentifier: spec.shareIdentifier,
    schedulingPriority: spec.schedulingPriority,
    attempts: job.children ? undefined : job.attempts.filter((a) => a.stoppedAt !== undefined).map(describeAttempt),
    statusReason: job.statusReason,
    createdAt: job.createdAt,
    retryStrategy: spec.attempts > 1 || spec.evaluateOnExit
      ? compact({ attempts: spec.attempts, evaluateOnExit: spec.evaluateOnExit?.map((e) => ({ ...e })) })
      : undefined,
    startedAt: job.startedAt ?? 0,
    stoppedAt: job.stoppedAt,
    dependsOn: spec.dependsOn.map((d) => ({ ...d })),
    jobDefinition: spec.definition.arn,
    parameters: { ...spec.parameters },
    container: job.nodes ? undefined : containerDetail,
    timeout: spec.attemptDurationSeconds !== undefined ? { attemptDurationSeconds: spec.attemptDurationSeconds } : undefined,
    tags: Object.keys(spec.tags).length > 0 ? { ...spec.tags } : undefined,
    propagateTags: spec.propagateTags,
    platformCapabilities: [...spec.definition.platformCapabilities],
    arrayProperties: describeArrayProperties(job),
    nodeDetails: job.mnpParent ? { nodeIndex: job.nodeIndex, isMainNode: job.nodeIndex === job.mnpParent.mainNodeIndex } : undefined,
    isCancelled: job.isCancelled,
    isTerminated: job.isTerminated,
  });
}

/** ARR-3: the parent carries the size and status summary, a child its index. */
function describeArrayProperties(job: JobRecord): JobDetail['arrayProperties'] {
  if (job.children) {
    return compact({
      statusSummary: { ...job.childStatusCounts! },
      statusSummaryLastUpdatedAt: job.statusSummaryUpdatedAt,
      size: job.children.length,
    });
  }
  return job.parent ? { index: job.arrayIndex } : undefined;
}

function describeAttempt(attempt: JobRecord['attempts'][number]): AttemptDetail {
  return compact({
    container: compact({
      containerInstanceArn: attempt.containerInstanceArn,
      taskArn: attempt.taskArn,
      exitCode: attempt.exitCode,
      reason: attempt.reason,
      logStreamName: attempt.logStreamName,
    }),
    startedAt: attempt.startedAt,
    stoppedAt: attempt.stoppedAt,
    statusReason: attempt.statusReason,
  });
}

/** The ListJobs summary of a job. */
export function summarizeJob(job: JobRecord): JobSummary {
  const attempt = job.currentAttempt;
  return compact({
    jobArn: job.arn,
    jobId: job.jobId,
    jobName: job.spec.jobName,
    createdAt: job.createdAt,
    status: job.status,
    statusReason: job.statusReason,
    startedAt: job.startedAt,
    stoppedAt: job.stoppedAt,
    container: attempt && attempt.stoppedAt !== undefined ? compact({ exitCode: attempt.exitCode, reason: attempt.reason }) : undefined,
    jobDefinition: job.spec.definition.arn,
    arrayProperties: job.children ? { size: job.children.length } : job.parent ? { index: job.arrayIndex } : undefined,
  });
}

/** Drops undefined fields so JSON output matches the API's (absent, not null). */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
