import { registeredEcsProperties, registeredEksProperties, registeredPod } from './container-launch';
import { AttemptRecord, JobRecord } from './job-record';
import { taskContainers } from './task-containers';

/**
 * PLAT-2: DescribeJobs' `ecsProperties` of a multi-container job: the registered task, each container
 * with its command after `Ref::` substitution and, from the current attempt, its exit code, reason
 * and log stream; the task's ARN and container instance once placed (none on Fargate).
 */
export function describeEcsProperties(job: JobRecord, fargate: boolean): Record<string, unknown> | undefined {
  const containers = taskContainers(job);
  if (!containers) return undefined;
  const registered = (registeredEcsProperties(job)!.taskProperties as Array<Record<string, unknown>>)[0];
  const attempt = job.currentAttempt;
  const { containers: _registeredContainers, ...task } = JSON.parse(JSON.stringify(registered)) as Record<string, unknown>;
  return {
    taskProperties: [withoutUndefined({
      ...task,
      containerInstanceArn: fargate ? undefined : attempt?.containerInstanceArn,
      taskArn: attempt?.taskArn,
      containers: containers.map((spec, index) => withoutUndefined({
        ...JSON.parse(JSON.stringify(spec.container)),
        name: spec.name,
        command: spec.container.command ? spec.command : undefined,
        exitCode: attempt?.containers?.[index]?.exitCode,
        reason: attempt?.containers?.[index]?.reason,
        logStreamName: attempt?.containers?.[index]?.logStreamName,
      })),
    })],
  };
}

/** PLAT-2: an attempt's `taskProperties`: the task and what each of its containers did. */
export function describeAttemptTask(attempt: AttemptRecord, fargate: boolean): Array<Record<string, unknown>> {
  return [withoutUndefined({
    containerInstanceArn: fargate ? undefined : attempt.containerInstanceArn,
    taskArn: attempt.taskArn,
    containers: (attempt.containers ?? []).map((container) => withoutUndefined({
      name: container.name,
      exitCode: container.exitCode,
      reason: container.reason,
      logStreamName: container.logStreamName,
    })),
  })];
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * PLAT-3: DescribeJobs' `eksProperties` of an EKS job: the registered pod with, from the current
 * attempt, its pod and node names and each container's exit code and reason.
 */
export function describeEksProperties(job: JobRecord): Record<string, unknown> | undefined {
  const pod = registeredPod(job);
  if (!pod) return undefined;
  const attempt = job.currentAttempt;
  const copy = JSON.parse(JSON.stringify(pod)) as { containers: Array<Record<string, unknown>>; initContainers?: Array<Record<string, unknown>> };
  const init = copy.initContainers ?? [];
  const withResult = (container: Record<string, unknown>, index: number): Record<string, unknown> => withoutUndefined({
    ...container,
    exitCode: attempt?.containers?.[index]?.exitCode,
    reason: attempt?.containers?.[index]?.reason,
  });
  return {
    podProperties: withoutUndefined({
      ...copy,
      podName: attempt?.startedAt !== undefined ? podName(attempt) : undefined,
      nodeName: attempt?.startedAt !== undefined ? nodeName(attempt) : undefined,
      initContainers: init.length > 0 ? init.map((c, i) => withResult(c, i)) : undefined,
      containers: copy.containers.map((c, i) => withResult(c, init.length + i)),
    }),
  };
}

/** PLAT-3: an attempt of an EKS job (`eksAttempts[]`): pod, node and what each container did. */
export function describeEksAttempt(job: JobRecord, attempt: AttemptRecord): Record<string, unknown> {
  const initCount = ((registeredEksProperties(job)?.podProperties as { initContainers?: unknown[] } | undefined)?.initContainers ?? []).length;
  const results = (attempt.containers ?? []).map((c) => withoutUndefined({ name: c.name, exitCode: c.exitCode, reason: c.reason }));
  return withoutUndefined({
    initContainers: initCount > 0 ? results.slice(0, initCount) : undefined,
    containers: results.slice(initCount),
    podName: attempt.startedAt !== undefined ? podName(attempt) : undefined,
    nodeName: attempt.startedAt !== undefined ? nodeName(attempt) : undefined,
    startedAt: attempt.startedAt,
    stoppedAt: attempt.stoppedAt,
    statusReason: attempt.statusReason,
  });
}

/** A pod name per attempt, as Batch names its pods (`aws-batch.<uuid>`), from the attempt's task id. */
function podName(attempt: AttemptRecord): string {
  const id = attempt.taskId;
  return `aws-batch.${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

/** The node's name, as EKS names EC2 nodes (`ip-10-x-y-z.ec2.internal`), stable per instance. */
function nodeName(attempt: AttemptRecord): string {
  let hash = 0;
  for (const char of attempt.containerInstanceArn) hash = (hash * 31 + char.charCodeAt(0)) % 16_777_216;
  return `ip-10-${Math.floor(hash / 65536)}-${Math.floor(hash / 256) % 256}-${hash % 256}.ec2.internal`;
}
