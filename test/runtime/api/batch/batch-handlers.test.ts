import {
  CreateComputeEnvironmentCommand,
  CreateJobQueueCommand,
  DeleteComputeEnvironmentCommand,
  DeleteJobQueueCommand,
  DeregisterJobDefinitionCommand,
  DescribeComputeEnvironmentsCommand,
  DescribeJobDefinitionsCommand,
  DescribeJobQueuesCommand,
  DescribeJobsCommand,
  RegisterJobDefinitionCommand,
  SubmitJobCommand,
  UpdateComputeEnvironmentCommand,
  UpdateJobQueueCommand,
} from '@aws-sdk/client-batch';
import { Endpoint, expectClientException, managedEc2, pollUntil, rejection, startEndpoint } from '../endpoint-fixture';

const container = { image: 'busybox', command: ['true'], resourceRequirements: [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '256' }] };

describe('registry operations through @aws-sdk/client-batch', () => {
  let endpoint: Endpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint();
  });
  afterAll(async () => {
    await endpoint.close();
  });
  afterEach(() => {
    expect(endpoint.serverErrors).toEqual([]);
  });

  describe('compute environments', () => {
    test('CE-1: CreateComputeEnvironment returns the name and ARN; DescribeComputeEnvironments shows it VALID', async () => {
      // WHEN
      const created = await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-create')));
      const described = await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ computeEnvironments: [created.computeEnvironmentArn!, 'no-such-ce'] }));

      // THEN
      expect(created.computeEnvironmentArn).toBe('arn:aws:batch:us-east-1:123456789012:compute-environment/ce-create');
      expect(described.computeEnvironments).toHaveLength(1);
      expect(described.computeEnvironments![0]).toMatchObject({
        computeEnvironmentName: 'ce-create',
        type: 'MANAGED',
        state: 'ENABLED',
        status: 'VALID',
        computeResources: { type: 'EC2', maxvCpus: 4 },
        containerOrchestrationType: 'ECS',
      });
      expect(described.computeEnvironments![0].ecsClusterArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:cluster\//);
    });

    test('LIM-8: a compute environment name with a space is a ClientException naming the field, value and limit', async () => {
      // WHEN
      const error = await rejection(endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('bad name'))));

      // THEN
      expectClientException(error, 'computeEnvironmentName', '"bad name"', '1..128 characters of [A-Za-z0-9_-]', 'LIM-8');
    });

    test('SCHED-5: minvCpus above maxvCpus is rejected and nothing is created', async () => {
      // GIVEN
      const request = managedEc2('ce-minmax');
      request.computeResources.minvCpus = 8;

      // WHEN
      const error = await rejection(endpoint.batch.send(new CreateComputeEnvironmentCommand(request)));
      const described = await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ computeEnvironments: ['ce-minmax'] }));

      // THEN
      expectClientException(error, 'computeResources.minvCpus', 'at most maxvCpus (4)');
      expect(described.computeEnvironments).toEqual([]);
    });

    test('DIAG-1: a bare service role name is accepted but makes the compute environment INVALID', async () => {
      // WHEN
      await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-bare-role', { serviceRole: 'AWSBatchServiceRole' })));
      const [ce] = (await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ computeEnvironments: ['ce-bare-role'] }))).computeEnvironments!;

      // THEN
      expect(ce.status).toBe('INVALID');
      expect(ce.statusReason).toMatch(/^CLIENT_ERROR - serviceRole "AWSBatchServiceRole" is not a full IAM role ARN/);
    });

    test('DescribeComputeEnvironments pages with maxResults and nextToken', async () => {
      // GIVEN
      const all = (await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({}))).computeEnvironments!;

      // WHEN
      const first = await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ maxResults: 1 }));
      const second = await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ maxResults: 1, nextToken: first.nextToken }));

      // THEN
      expect(all.length).toBeGreaterThan(1);
      expect(first.computeEnvironments!.map((ce) => ce.computeEnvironmentName)).toEqual([all[0].computeEnvironmentName]);
      expect(second.computeEnvironments!.map((ce) => ce.computeEnvironmentName)).toEqual([all[1].computeEnvironmentName]);
      expectClientException(await rejection(endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ maxResults: 101 }))), 'maxResults', '1..100');
    });

    test('UpdateComputeEnvironment changes state and compute resources; an unknown CE is a ClientException', async () => {
      // GIVEN
      await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-update')));

      // WHEN
      await endpoint.batch.send(new UpdateComputeEnvironmentCommand({ computeEnvironment: 'ce-update', state: 'DISABLED', computeResources: { maxvCpus: 16 } }));
      const [ce] = (await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ computeEnvironments: ['ce-update'] }))).computeEnvironments!;

      // THEN
      expect(ce.state).toBe('DISABLED');
      expect(ce.computeResources).toMatchObject({ type: 'EC2', maxvCpus: 16, instanceTypes: ['optimal'] });
      expectClientException(await rejection(endpoint.batch.send(new UpdateComputeEnvironmentCommand({ computeEnvironment: 'nope' }))), 'unknown compute environment "nope"');
    });

    test('DeleteComputeEnvironment needs the CE DISABLED and unused by queues, then removes it', async () => {
      // GIVEN
      await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-delete')));
      await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-delete-ce', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-delete' }] }));

      // WHEN / THEN
      expectClientException(await rejection(endpoint.batch.send(new DeleteComputeEnvironmentCommand({ computeEnvironment: 'ce-delete' }))), 'is ENABLED');
      await endpoint.batch.send(new UpdateComputeEnvironmentCommand({ computeEnvironment: 'ce-delete', state: 'DISABLED' }));
      expectClientException(await rejection(endpoint.batch.send(new DeleteComputeEnvironmentCommand({ computeEnvironment: 'ce-delete' }))), 'used by job queue(s) q-delete-ce');
      await endpoint.batch.send(new UpdateJobQueueCommand({ jobQueue: 'q-delete-ce', state: 'DISABLED' }));
      await endpoint.batch.send(new DeleteJobQueueCommand({ jobQueue: 'q-delete-ce' }));
      await endpoint.batch.send(new DeleteComputeEnvironmentCommand({ computeEnvironment: 'ce-delete' }));
      const described = await endpoint.batch.send(new DescribeComputeEnvironmentsCommand({ computeEnvironments: ['ce-delete'] }));
      expect(described.computeEnvironments).toEqual([]);
    });
  });

  describe('job queues', () => {
    beforeAll(async () => {
      await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-queues')));
      await endpoint.batch.send(new CreateComputeEnvironmentCommand({
        computeEnvironmentName: 'ce-fargate', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 4, subnets: ['subnet-1'] },
      }));
    });

    test('SCHED-3: CreateJobQueue stores the order sorted, with CE ARNs; DescribeJobQueues shows it', async () => {
      // WHEN
      const created = await endpoint.batch.send(new CreateJobQueueCommand({
        jobQueueName: 'q-create', priority: 7, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-queues' }],
      }));
      const [queue] = (await endpoint.batch.send(new DescribeJobQueuesCommand({ jobQueues: ['q-create'] }))).jobQueues!;

      // THEN
      expect(created.jobQueueArn).toBe('arn:aws:batch:us-east-1:123456789012:job-queue/q-create');
      expect(queue).toMatchObject({
        jobQueueName: 'q-create',
        state: 'ENABLED',
        status: 'VALID',
        priority: 7,
        computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'arn:aws:batch:us-east-1:123456789012:compute-environment/ce-queues' }],
      });
    });

    test('LIM-2: four compute environments in one queue are rejected', async () => {
      // WHEN
      const error = await rejection(endpoint.batch.send(new CreateJobQueueCommand({
        jobQueueName: 'q-four', priority: 1, computeEnvironmentOrder: [1, 2, 3, 4].map((order) => ({ order, computeEnvironment: 'ce-queues' })),
      })));

      // THEN
      expectClientException(error, 'computeEnvironmentOrder', '1..3 compute environments', 'LIM-2');
    });

    test('LIM-3: a queue mixing EC2 and Fargate compute environments is rejected', async () => {
      // WHEN
      const error = await rejection(endpoint.batch.send(new CreateJobQueueCommand({
        jobQueueName: 'q-mixed',
        priority: 1,
        computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-queues' }, { order: 2, computeEnvironment: 'ce-fargate' }],
      })));

      // THEN
      expectClientException(error, 'computeEnvironmentOrder[1].type', 'LIM-3');
    });

    test('UpdateJobQueue changes the priority; a negative priority is a ClientException', async () => {
      // GIVEN
      await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-update', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-queues' }] }));

      // WHEN
      await endpoint.batch.send(new UpdateJobQueueCommand({ jobQueue: 'q-update', priority: 50 }));
      const [queue] = (await endpoint.batch.send(new DescribeJobQueuesCommand({ jobQueues: ['q-update'] }))).jobQueues!;
      const error = await rejection(endpoint.batch.send(new UpdateJobQueueCommand({ jobQueue: 'q-update', priority: -1 })));

      // THEN
      expect(queue.priority).toBe(50);
      expectClientException(error, 'priority', '-1', 'SCHED-2');
    });

    test('LIFE-8: DeleteJobQueue refuses an ENABLED queue; a DISABLED one is deleted and its unfinished jobs end FAILED', async () => {
      // GIVEN: a queue whose only CE is disabled, so its job stays RUNNABLE
      await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-idle', { state: 'DISABLED' })));
      await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-delete', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-idle' }] }));
      await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd-delete-queue', type: 'container', containerProperties: container }));
      const { jobId } = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'stuck', jobQueue: 'q-delete', jobDefinition: 'jd-delete-queue' }));

      // WHEN
      const refused = await rejection(endpoint.batch.send(new DeleteJobQueueCommand({ jobQueue: 'q-delete' })));
      await endpoint.batch.send(new UpdateJobQueueCommand({ jobQueue: 'q-delete', state: 'DISABLED' }));
      await endpoint.batch.send(new DeleteJobQueueCommand({ jobQueue: 'q-delete' }));

      // THEN
      expectClientException(refused, 'q-delete is ENABLED');
      expect((await endpoint.batch.send(new DescribeJobQueuesCommand({ jobQueues: ['q-delete'] }))).jobQueues).toEqual([]);
      const [job] = (await pollUntil(() => endpoint.batch.send(new DescribeJobsCommand({ jobs: [jobId!] })), (r) => r.jobs![0].status === 'FAILED')).jobs!;
      expect(job.statusReason).toBe('Job queue q-delete was deleted');
    });
  });

  describe('job definitions', () => {
    test('RegisterJobDefinition creates revisions 1, 2 of one name; DescribeJobDefinitions filters by name and status', async () => {
      // WHEN
      const first = await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd-revs', type: 'container', containerProperties: container }));
      const second = await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd-revs', type: 'container', containerProperties: container }));
      await endpoint.batch.send(new DeregisterJobDefinitionCommand({ jobDefinition: 'jd-revs:1' }));
      const byName = await endpoint.batch.send(new DescribeJobDefinitionsCommand({ jobDefinitionName: 'jd-revs' }));
      const active = await endpoint.batch.send(new DescribeJobDefinitionsCommand({ jobDefinitionName: 'jd-revs', status: 'ACTIVE' }));
      const byArn = await endpoint.batch.send(new DescribeJobDefinitionsCommand({ jobDefinitions: [second.jobDefinitionArn!] }));

      // THEN
      expect([first.revision, second.revision]).toEqual([1, 2]);
      expect(byName.jobDefinitions!.map((d) => [d.revision, d.status])).toEqual([[1, 'INACTIVE'], [2, 'ACTIVE']]);
      expect(active.jobDefinitions!.map((d) => d.revision)).toEqual([2]);
      expect(byArn.jobDefinitions![0]).toMatchObject({ jobDefinitionName: 'jd-revs', revision: 2, type: 'container', containerProperties: container });
    });

    test('LIM-9: a container job definition without memory is rejected', async () => {
      // WHEN
      const error = await rejection(endpoint.batch.send(new RegisterJobDefinitionCommand({
        jobDefinitionName: 'jd-no-memory', type: 'container', containerProperties: { image: 'busybox', resourceRequirements: [{ type: 'VCPU', value: '1' }] },
      })));

      // THEN
      expectClientException(error, 'containerProperties.memory', 'required', 'LIM-9');
    });

    test('LIM-11: an environment variable named AWS_BATCH_* is rejected', async () => {
      // WHEN
      const error = await rejection(endpoint.batch.send(new RegisterJobDefinitionCommand({
        jobDefinitionName: 'jd-env', type: 'container', containerProperties: { ...container, environment: [{ name: 'AWS_BATCH_JOB_ID', value: 'x' }] },
      })));

      // THEN
      expectClientException(error, 'containerProperties.environment[0].name', 'AWS_BATCH_JOB_ID', 'LIM-11');
    });

    test('LIM-5: a job definition over 24 KiB is rejected', async () => {
      // WHEN
      const error = await rejection(endpoint.batch.send(new RegisterJobDefinitionCommand({
        jobDefinitionName: 'jd-big', type: 'container', containerProperties: container, parameters: { blob: 'x'.repeat(25 * 1024) },
      })));

      // THEN
      expectClientException(error, 'jobDefinition', 'at most 24576 bytes', 'LIM-5');
    });

    test('DeregisterJobDefinition needs a revision; a deregistered revision takes no new jobs', async () => {
      // GIVEN
      await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-dereg')));
      await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-dereg', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-dereg' }] }));
      await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd-dereg', type: 'container', containerProperties: container }));

      // WHEN
      const bare = await rejection(endpoint.batch.send(new DeregisterJobDefinitionCommand({ jobDefinition: 'jd-dereg' })));
      await endpoint.batch.send(new DeregisterJobDefinitionCommand({ jobDefinition: 'jd-dereg:1' }));
      const submit = await rejection(endpoint.batch.send(new SubmitJobCommand({ jobName: 'late', jobQueue: 'q-dereg', jobDefinition: 'jd-dereg:1' })));

      // THEN
      expectClientException(bare, 'names no revision');
      expectClientException(submit, 'jd-dereg:1 is INACTIVE');
    });
  });
});
