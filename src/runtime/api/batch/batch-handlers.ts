import { BatchBackend } from '../../core/backend';
import { ListJobsRequest, SubmitJobRequest } from '../../shapes';

/**
 * One function per AWS Batch operation: a request already checked against the service model in,
 * the response body out. No state lives here; every call goes to the backend, the same operations
 * the template loader and the facade use.
 */
export type BatchHandler = (backend: BatchBackend, input: any) => unknown;

export const BATCH_HANDLERS: Readonly<Record<string, BatchHandler>> = {
  // ---- jobs
  SubmitJob: (backend, input: SubmitJobRequest) => backend.submitJob(input),
  DescribeJobs: (backend, input: { jobs: string[] }) => ({ jobs: backend.describeJobs(input.jobs) }),
  ListJobs: (backend, input: ListJobsRequest) => backend.listJobs(input),
  CancelJob: (backend, input: { jobId: string; reason: string }) => {
    backend.cancelJob(input.jobId, input.reason);
    return {};
  },
  TerminateJob: (backend, input: { jobId: string; reason: string }) => {
    backend.terminateJob(input.jobId, input.reason);
    return {};
  },

  // ---- compute environments
  CreateComputeEnvironment: (backend, input) => {
    const ce = backend.createComputeEnvironment(input);
    return { computeEnvironmentName: ce.name, computeEnvironmentArn: ce.arn };
  },
  DescribeComputeEnvironments: (backend, input) => backend.describeComputeEnvironments(input),
  UpdateComputeEnvironment: (backend, input) => backend.updateComputeEnvironment(input),
  DeleteComputeEnvironment: (backend, input: { computeEnvironment: string }) => {
    backend.deleteComputeEnvironment(input.computeEnvironment);
    return {};
  },

  // ---- job queues
  CreateJobQueue: (backend, input) => {
    const queue = backend.createJobQueue(input);
    return { jobQueueName: queue.name, jobQueueArn: queue.arn };
  },
  DescribeJobQueues: (backend, input) => backend.describeJobQueues(input),
  UpdateJobQueue: (backend, input) => backend.updateJobQueue(input),
  DeleteJobQueue: (backend, input: { jobQueue: string }) => {
    backend.deleteJobQueue(input.jobQueue);
    return {};
  },

  // ---- job definitions
  RegisterJobDefinition: (backend, input) => {
    const definition = backend.registerJobDefinition(input);
    return { jobDefinitionName: definition.name, jobDefinitionArn: definition.arn, revision: definition.revision };
  },
  DescribeJobDefinitions: (backend, input) => backend.describeJobDefinitions(input),
  DeregisterJobDefinition: (backend, input: { jobDefinition: string }) => {
    backend.deregisterJobDefinition(input.jobDefinition);
    return {};
  },

  // ---- scheduling policies (FS-1) and queue snapshots (FS-8)
  CreateSchedulingPolicy: (backend, input) => {
    const policy = backend.createSchedulingPolicy(input);
    return { name: policy.name, arn: policy.arn };
  },
  DescribeSchedulingPolicies: (backend, input: { arns: string[] }) => ({ schedulingPolicies: backend.describeSchedulingPolicies(input.arns) }),
  ListSchedulingPolicies: (backend, input) => backend.listSchedulingPolicies(input),
  UpdateSchedulingPolicy: (backend, input) => {
    backend.updateSchedulingPolicy(input);
    return {};
  },
  DeleteSchedulingPolicy: (backend, input: { arn: string }) => {
    backend.deleteSchedulingPolicy(input.arn);
    return {};
  },
  GetJobQueueSnapshot: (backend, input: { jobQueue: string }) => backend.getJobQueueSnapshot(input.jobQueue),

  // ---- consumable resources (PLAT-4)
  CreateConsumableResource: (backend, input) => backend.consumableResources.create(input),
  DescribeConsumableResource: (backend, input: { consumableResource: string }) => backend.consumableResources.describe(input.consumableResource),
  ListConsumableResources: (backend, input) => backend.consumableResources.list(input),
  UpdateConsumableResource: (backend, input) => backend.consumableResources.update(input),
  DeleteConsumableResource: (backend, input: { consumableResource: string }) => {
    backend.consumableResources.delete(input.consumableResource);
    return {};
  },
  ListJobsByConsumableResource: (backend, input) => backend.consumableResources.listJobs(input),

  // ---- tags
  TagResource: (backend, input: { resourceArn: string; tags: Record<string, string> }) => {
    backend.tagResource(input.resourceArn, input.tags);
    return {};
  },
  UntagResource: (backend, input: { resourceArn: string; tagKeys: string[] }) => {
    backend.untagResource(input.resourceArn, input.tagKeys);
    return {};
  },
  ListTagsForResource: (backend, input: { resourceArn: string }) => ({ tags: backend.listTagsForResource(input.resourceArn) }),
};
