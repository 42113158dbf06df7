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
  const registered = (job.spec.definition.ecsProperties!.taskProperties as Array<Record<string, unknown>>)[0];
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
