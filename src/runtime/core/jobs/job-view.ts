import { effectiveContainer, substituteParameters } from './container-launch';
import { AttemptRecord, JobRecord } from './job-record';
import { describeAttemptTask, describeEcsProperties, describeEksAttempt, describeEksProperties } from './task-view';
import { AttemptDetail, ConsumableResourceProperties, ContainerDetail, JobDetail, JobSummary, NetworkInterfaceDetail } from '../../shapes';
import { ContainerProperties } from '../model/requests';

/**
 * PLAT-5: registered container members DescribeJobs reports as they were registered (AWS copies them
 * from the job definition into the job's `container`).
 */
const REGISTERED_CONTAINER_MEMBERS = [
  'volumes', 'mountPoints', 'ulimits', 'linuxParameters', 'logConfiguration', 'secrets', 'networkConfiguration',
  'fargatePlatformConfiguration', 'ephemeralStorage', 'runtimePlatform', 'repositoryCredentials', 'enableExecuteCommand',
] as const;

/**
 * Builds the DescribeJobs object of a job on demand (it is never stored), with AWS's field names and
 * without undefined fields, so it serializes exactly as the API's JSON.
 */
export function describeJob(job: JobRecord): JobDetail {
  const spec = job.spec;
  const attempt = job.currentAttempt;
  const container = effectiveContainer(job);
  const fargate = isFargate(job);
  const ecsProperties = describeEcsProperties(job, fargate);
  const eksProperties = describeEksProperties(job);
  const containerDetail: ContainerDetail = compact({
    ...registeredMembers(container),
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
    // PLAT-5: a Fargate task runs on no container instance; it has an elastic network interface instead.
    containerInstanceArn: fargate ? undefined : attempt?.containerInstanceArn,
    taskArn: attempt?.taskArn,
    logStreamName: attempt?.logStreamName,
    networkInterfaces: fargate && attempt?.startedAt !== undefined ? networkInterfaces(attempt) : undefined,
  });
  return compact({
    jobArn: job.arn,
    jobName: spec.jobName,
    jobId: job.jobId,
    jobQueue: spec.queue.arn,
    status: job.status,
    shareIdentifier: spec.shareIdentifier,
    schedulingPriority: spec.schedulingPriority,
    attempts: job.children || eksProperties ? undefined : job.attempts.filter((a) => a.stoppedAt !== undefined)
      .map((a) => (ecsProperties ? describeTaskAttempt(a, fargate) : describeAttempt(a, fargate))),
    statusReason: job.statusReason,
    createdAt: job.createdAt,
    retryStrategy: spec.attempts > 1 || spec.evaluateOnExit
      ? compact({ attempts: spec.attempts, evaluateOnExit: spec.evaluateOnExit?.map((e) => ({ ...e })) })
      : undefined,
    // PLAT-5: absent until the job starts, as AWS answers (the model's `required` notwithstanding).
    startedAt: job.startedAt,
    stoppedAt: job.stoppedAt,
    dependsOn: spec.dependsOn.map((d) => ({ ...d })),
    jobDefinition: spec.definition.arn,
    parameters: { ...spec.parameters },
    // PLAT-2: a multi-container job describes its task instead of one container.
    container: job.nodes || ecsProperties || eksProperties ? undefined : containerDetail,
    ecsProperties,
    eksProperties,
    // PLAT-3: an EKS job's attempts are eksAttempts, not attempts.
    eksAttempts: eksProperties && !job.children
      ? job.attempts.filter((a) => a.stoppedAt !== undefined).map((a) => describeEksAttempt(job, a))
      : undefined,
    timeout: spec.attemptDurationSeconds !== undefined ? { attemptDurationSeconds: spec.attemptDurationSeconds } : undefined,
    tags: Object.keys(spec.tags).length > 0 ? { ...spec.tags } : undefined,
    propagateTags: spec.propagateTags,
    consumableResourceProperties: copyProperties(spec.consumableResourceProperties),
    platformCapabilities: [...spec.definition.platformCapabilities],
    arrayProperties: describeArrayProperties(job),
    nodeProperties: job.nodeProperties ? JSON.parse(JSON.stringify(job.nodeProperties)) : undefined,
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

function describeAttempt(attempt: AttemptRecord, fargate: boolean): AttemptDetail {
  return compact({
    container: compact({
      containerInstanceArn: fargate ? undefined : attempt.containerInstanceArn,
      taskArn: attempt.taskArn,
      exitCode: attempt.exitCode,
      reason: attempt.reason,
      logStreamName: attempt.logStreamName,
      networkInterfaces: fargate && attempt.startedAt !== undefined ? networkInterfaces(attempt) : undefined,
    }),
    startedAt: attempt.startedAt,
    stoppedAt: attempt.stoppedAt,
    statusReason: attempt.statusReason,
  });
}

/** PLAT-2: an attempt of a multi-container job: its task, no single container. */
function describeTaskAttempt(attempt: AttemptRecord, fargate: boolean): AttemptDetail {
  return compact({
    taskProperties: describeAttemptTask(attempt, fargate),
    startedAt: attempt.startedAt,
    stoppedAt: attempt.stoppedAt,
    statusReason: attempt.statusReason,
  });
}

/** A job runs as a Fargate task when its definition's platform is FARGATE (PLAT-1 places it on a Fargate CE). */
function isFargate(job: JobRecord): boolean {
  return job.spec.definition.platformCapabilities.includes('FARGATE');
}

/** Deep copies of the registered members the container has. */
function registeredMembers(container: ContainerProperties): Partial<ContainerDetail> {
  const members: Record<string, unknown> = {};
  for (const name of REGISTERED_CONTAINER_MEMBERS) {
    if (container[name] !== undefined) members[name] = JSON.parse(JSON.stringify(container[name]));
  }
  return members;
}

/**
 * PLAT-5: the one elastic network interface of a Fargate task, derived from its task id so that a
 * reproducible run describes the same attachment and address every time.
 */
function networkInterfaces(attempt: AttemptRecord): NetworkInterfaceDetail[] {
  const id = attempt.taskId;
  const attachmentId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  const n = parseInt(id.slice(-6), 16);
  const privateIpv4Address = `10.${128 + Math.floor(n / 65536) % 128}.${Math.floor(n / 256) % 256}.${n % 256}`;
  return [{ attachmentId, privateIpv4Address }];
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

/** PLAT-4, PLAT-5: the job's consumable resources as given, copied; absent when it needs none. */
function copyProperties(properties: ConsumableResourceProperties | undefined): ConsumableResourceProperties | undefined {
  return properties === undefined ? undefined : { consumableResourceList: (properties.consumableResourceList ?? []).map((entry) => ({ ...entry })) };
}
