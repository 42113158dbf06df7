import { ClientException } from '../../../../src/runtime/core/errors';
import { submit, testBackend } from '../fixtures';

const EKS = { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/batch', kubernetesNamespace: 'batch' };

/** The test backend (EC2 CE `ce`, queue `queue`, EC2 definition `job`) with a Fargate and an EKS queue and a Fargate definition. */
function platformsBackend(): ReturnType<typeof testBackend>['backend'] {
  const { backend } = testBackend({ maxvCpus: 4 });
  backend.createComputeEnvironment({ computeEnvironmentName: 'fargate-ce', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: ['subnet-1'] } });
  backend.createJobQueue({ jobQueueName: 'fargate-queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fargate-ce' }] });
  backend.createComputeEnvironment({
    computeEnvironmentName: 'eks-ce',
    type: 'MANAGED',
    eksConfiguration: EKS,
    computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, instanceTypes: ['optimal'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  backend.createJobQueue({ jobQueueName: 'eks-queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks-ce' }] });
  backend.registerJobDefinition({
    jobDefinitionName: 'fargate-job',
    type: 'container',
    platformCapabilities: ['FARGATE'],
    containerProperties: {
      image: 'busybox',
      command: ['true'],
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }],
    },
  });
  return backend;
}

describe('PLAT-1: a job runs only on a compute environment of its definition\'s platform', () => {
  test('PLAT-1: SubmitJob of an EC2 job to a Fargate-only queue is a ClientException with AWS\'s message, naming the definition and the queue\'s CEs', () => {
    // GIVEN
    const backend = platformsBackend();

    // WHEN
    const submitting = (): string => submit(backend, { jobQueue: 'fargate-queue' });

    // THEN
    expect(submitting).toThrow(ClientException);
    expect(submitting).toThrow(/^Job Queue is attached to Compute Environment that can not run Jobs with capability EC2: job definition job:1 \(platformCapabilities \[EC2\]\) runs only on EC2, SPOT or unmanaged compute environments .*; job queue fargate-queue has fargate-ce \(FARGATE\) \(PLAT-1\)$/);
    expect([...backend.allJobs()]).toEqual([]);
  });

  test('PLAT-1: SubmitJob of a Fargate job to an EC2 queue, and of either to an EKS queue, is rejected; each runs on its own platform', () => {
    // GIVEN
    const backend = platformsBackend();

    // THEN
    expect(() => submit(backend, { jobDefinition: 'fargate-job' })).toThrow(/can not run Jobs with capability FARGATE: .*job queue queue has ce \(EC2\) \(PLAT-1\)$/);
    expect(() => submit(backend, { jobQueue: 'eks-queue' })).toThrow(/capability EC2: .*job queue eks-queue has eks-ce \(EKS, EC2\) \(PLAT-1\)$/);
    expect(() => submit(backend, { jobQueue: 'eks-queue', jobDefinition: 'fargate-job' })).toThrow(/capability FARGATE: .*eks-ce \(EKS, EC2\)/);
    const onEc2 = submit(backend);
    const onFargate = submit(backend, { jobQueue: 'fargate-queue', jobDefinition: 'fargate-job' });
    backend.loop.runUntilIdle();
    expect(backend.describeJobs([onEc2, onFargate]).map((job) => job.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  });

  test('PLAT-1, DIAG-2: a job queued before its queue moved to Fargate compute environments is never placed there, and explainJob says why', () => {
    // GIVEN an EC2 job waiting in a queue of a DISABLED EC2 CE
    const backend = platformsBackend();
    backend.updateComputeEnvironment({ computeEnvironment: 'ce', state: 'DISABLED' });
    const jobId = submit(backend);
    backend.loop.runUntilIdle();

    // WHEN the queue now uses the Fargate CE
    backend.updateJobQueue({ jobQueue: 'queue', computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fargate-ce' }] });
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.job(jobId)!.status).toBe('RUNNABLE');
    expect(backend.explainJob(jobId)).toMatch(/stays RUNNABLE: MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - it can never be placed .*fargate-ce: an EC2 job runs only on EC2, SPOT or unmanaged compute environments .*\(PLAT-1\)/);
  });

  test('PLAT-3: an EKS compute environment is described as EKS, with its eksConfiguration; others as ECS', () => {
    // GIVEN
    const backend = platformsBackend();

    // WHEN
    const described = backend.describeComputeEnvironments({ computeEnvironments: ['eks-ce', 'ce'] }).computeEnvironments!;

    // THEN
    expect(described[0]).toMatchObject({ containerOrchestrationType: 'EKS', eksConfiguration: EKS });
    expect(described[1].containerOrchestrationType).toBe('ECS');
    expect(described[1]).not.toHaveProperty('eksConfiguration');
  });
});
