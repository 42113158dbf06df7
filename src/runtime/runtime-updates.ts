import { BatchBackend } from './core/backend';
import { UpdateComputeEnvironmentRequest, UpdateJobQueueRequest } from './core/model/requests';
import { UpdateComputeEnvironmentInput, UpdateJobQueueInput } from './runtime-update-inputs';

/*
 * The facade's UpdateComputeEnvironment and UpdateJobQueue: each goes through the backend operation
 * the HTTP endpoint calls, so validation (a ClientException naming the field, nothing changed) and
 * effects (capacity, scheduling, stuck-job reasons) are the endpoint's. `resolve` turns a facade
 * reference (logical id, CDK token, name, ARN) into a name or ARN.
 */

export function updateComputeEnvironment(backend: BatchBackend, input: UpdateComputeEnvironmentInput, resolve: (reference: string) => string): void {
  const sizes = withoutUndefined({ minvCpus: input.minvCpus, maxvCpus: input.maxvCpus, desiredvCpus: input.desiredvCpus });
  backend.updateComputeEnvironment(withoutUndefined({
    computeEnvironment: resolve(input.computeEnvironment),
    state: input.state,
    computeResources: Object.keys(sizes).length > 0 ? sizes : undefined,
  }) as UpdateComputeEnvironmentRequest);
}

export function updateJobQueue(backend: BatchBackend, input: UpdateJobQueueInput, resolve: (reference: string) => string): void {
  backend.updateJobQueue(withoutUndefined({
    jobQueue: resolve(input.jobQueue),
    state: input.state,
    priority: input.priority,
    computeEnvironmentOrder: input.computeEnvironmentOrder?.map((entry) => ({
      order: entry.order,
      computeEnvironment: resolve(entry.computeEnvironment),
    })),
  }) as UpdateJobQueueRequest);
}

/** A request as the HTTP endpoint gets it: JSON has no `undefined` members. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}
