import {
  CancelJobCommand,
  CreateComputeEnvironmentCommand,
  CreateJobQueueCommand,
  DescribeJobsCommand,
  ListJobsCommand,
  ListTagsForResourceCommand,
  RegisterJobDefinitionCommand,
  SubmitJobCommand,
  TagResourceCommand,
  TerminateJobCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-batch';
import { Endpoint, expectClientException, managedEc2, pollUntil, rawRequest, rejection, startEndpoint } from '../endpoint-fixture';

const container = { image: 'busybox', command: ['true'], resourceRequirements: [{ type: 'VCPU' as const, value: '1' }, { type: 'MEMORY' as const, value: '256' }] };

describe('job operations and tags through @aws-sdk/client-batch', () => {
  let endpoint: Endpoint;
  const describe1 = async (jobId: string): Promise<any> => (await endpoint.batch.send(new DescribeJobsCommand({ jobs: [jobId] }))).jobs![0];

  beforeAll(async () => {
    endpoint = await startEndpoint();
    await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce')));
    await endpoint.batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce-off', { state: 'DISABLED' })));
    await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] }));
    await endpoint.batch.send(new CreateJobQueueCommand({ jobQueueName: 'q-stuck', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce-off' }] }));
    await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'jd', type: 'container', containerProperties: container }));
    await endpoint.batch.send(new RegisterJobDefinitionCommand({ jobDefinitionName: 'slow', type: 'container', containerProperties: container }));
  });
  afterAll(async () => {
    await endpoint.close();
  });
  afterEach(() => {
    expect(endpoint.serverErrors).toEqual([]);
  });

  test('LIFE-1, LIFE-6: SubmitJob returns a UUID job id; DescribeJobs follows the job to SUCCEEDED', async () => {
    // WHEN
    const submitted = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'hello', jobQueue: 'q', jobDefinition: 'jd', tags: { team: 'a' } }));
    const job = await pollUntil(() => describe1(submitted.jobId!), (j) => j.status === 'SUCCEEDED');

    // THEN
    expect(submitted.jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(submitted.jobArn).toBe(`arn:aws:batch:us-east-1:123456789012:job/${submitted.jobId}`);
    expect(job).toMatchObject({ jobName: 'hello', jobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/q', jobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/jd:1' });
    expect(job.attempts).toHaveLength(1);
  });

  test('ARR-1, ARR-3: an array job of 3 has children parent:0..2 and ends SUCCEEDED with a status summary', async () => {
    // WHEN
    const { jobId } = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'arr', jobQueue: 'q', jobDefinition: 'jd', arrayProperties: { size: 3 } }));
    const parent = await pollUntil(() => describe1(jobId!), (j) => j.status === 'SUCCEEDED');
    const children = (await endpoint.batch.send(new DescribeJobsCommand({ jobs: [0, 1, 2].map((i) => `${jobId}:${i}`) }))).jobs!;

    // THEN
    expect(parent.arrayProperties).toMatchObject({ size: 3, statusSummary: { SUCCEEDED: 3 } });
    expect(children.map((child) => [child.jobId, child.arrayProperties?.index, child.status])).toEqual([0, 1, 2].map((i) => [`${jobId}:${i}`, i, 'SUCCEEDED']));
  });

  test('LIM-6: an array size of 1 is a ClientException; an unknown queue names the known ones', async () => {
    // WHEN
    const size = await rejection(endpoint.batch.send(new SubmitJobCommand({ jobName: 'one', jobQueue: 'q', jobDefinition: 'jd', arrayProperties: { size: 1 } })));
    const queue = await rejection(endpoint.batch.send(new SubmitJobCommand({ jobName: 'lost', jobQueue: 'nope', jobDefinition: 'jd' })));

    // THEN
    expectClientException(size, 'arrayProperties.size', 'LIM-6');
    expectClientException(queue, 'jobQueue', 'unknown job queue "nope"', 'q-stuck');
  });

  test('LIM-5: a SubmitJob body over 30 KiB is a ClientException', async () => {
    // WHEN
    const error = await rejection(endpoint.batch.send(new SubmitJobCommand({ jobName: 'big', jobQueue: 'q', jobDefinition: 'jd', parameters: { blob: 'x'.repeat(31 * 1024) } })));

    // THEN
    expectClientException(error, 'SubmitJob', 'at most 30720 bytes', 'LIM-5');
  });

  test('LIST-1: ListJobs by queue and status lists the finished job; without a queue, array or MNP id it is a ClientException', async () => {
    // GIVEN
    const { jobId } = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'listed', jobQueue: 'q', jobDefinition: 'jd' }));
    await pollUntil(() => describe1(jobId!), (j) => j.status === 'SUCCEEDED');

    // WHEN
    const listed = await endpoint.batch.send(new ListJobsCommand({ jobQueue: 'q', jobStatus: 'SUCCEEDED' }));
    const error = await rejection(endpoint.batch.send(new ListJobsCommand({ jobStatus: 'SUCCEEDED' })));

    // THEN
    expect(listed.jobSummaryList!.map((s) => s.jobId)).toContain(jobId);
    expectClientException(error, 'LIST-1');
  });

  test('LIST-2: DescribeJobs with 101 ids is a ClientException; unknown ids are left out', async () => {
    // WHEN
    const tooMany = await rejection(endpoint.batch.send(new DescribeJobsCommand({ jobs: Array.from({ length: 101 }, (_, i) => `id-${i}`) })));
    const unknown = await endpoint.batch.send(new DescribeJobsCommand({ jobs: ['no-such-job'] }));

    // THEN
    expectClientException(tooMany, 'at most 100');
    expect(unknown.jobs).toEqual([]);
  });

  test('LIFE-7: CancelJob fails a RUNNABLE job with the reason; an unknown job is a ClientException', async () => {
    // GIVEN: the queue's only CE is DISABLED, so the job waits RUNNABLE
    const { jobId } = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'waiting', jobQueue: 'q-stuck', jobDefinition: 'jd' }));
    await pollUntil(() => describe1(jobId!), (j) => j.status === 'RUNNABLE');

    // WHEN
    await endpoint.batch.send(new CancelJobCommand({ jobId, reason: 'not needed' }));
    const job = await describe1(jobId!);
    const error = await rejection(endpoint.batch.send(new CancelJobCommand({ jobId: 'no-such-job', reason: 'x' })));

    // THEN
    expect(job).toMatchObject({ status: 'FAILED', statusReason: 'not needed', isCancelled: true });
    expectClientException(error, 'unknown job "no-such-job"');
  });

  test('LIFE-7: TerminateJob stops a RUNNING job, which ends FAILED and is marked terminated', async () => {
    // GIVEN
    const { jobId } = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'long', jobQueue: 'q', jobDefinition: 'slow' }));
    await pollUntil(() => describe1(jobId!), (j) => j.status === 'RUNNING');

    // WHEN
    await endpoint.batch.send(new TerminateJobCommand({ jobId, reason: 'stop now' }));
    const job = await pollUntil(() => describe1(jobId!), (j) => j.status === 'FAILED');
    const error = await rejection(endpoint.batch.send(new TerminateJobCommand({ jobId: 'no-such-job', reason: 'x' })));

    // THEN
    expect(job.isTerminated).toBe(true);
    expectClientException(error, 'unknown job');
  });

  test('TagResource, UntagResource and ListTagsForResource work on queues, job definitions and jobs', async () => {
    // GIVEN
    const queueArn = 'arn:aws:batch:us-east-1:123456789012:job-queue/q';
    const { jobArn } = await endpoint.batch.send(new SubmitJobCommand({ jobName: 'tagged', jobQueue: 'q', jobDefinition: 'jd', tags: { team: 'a' } }));

    // WHEN
    await endpoint.batch.send(new TagResourceCommand({ resourceArn: queueArn, tags: { env: 'dev', owner: 'me' } }));
    await endpoint.batch.send(new UntagResourceCommand({ resourceArn: queueArn, tagKeys: ['owner'] }));
    await endpoint.batch.send(new TagResourceCommand({ resourceArn: jobArn, tags: { run: '1' } }));

    // THEN
    expect((await endpoint.batch.send(new ListTagsForResourceCommand({ resourceArn: queueArn }))).tags).toEqual({ env: 'dev' });
    expect((await endpoint.batch.send(new ListTagsForResourceCommand({ resourceArn: jobArn }))).tags).toEqual({ team: 'a', run: '1' });
    expect((await endpoint.batch.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:batch:us-east-1:123456789012:job-definition/jd:1' }))).tags).toEqual({});
  });

  test('tags: an unknown ARN and the reserved aws: prefix are ClientExceptions', async () => {
    // WHEN
    const unknown = await rejection(endpoint.batch.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/none' })));
    const reserved = await rejection(endpoint.batch.send(new TagResourceCommand({ resourceArn: 'arn:aws:batch:us-east-1:123456789012:job-queue/q', tags: { 'aws:x': '1' } })));

    // THEN
    expectClientException(unknown, 'names no compute environment, job queue, job definition, scheduling policy, consumable resource or job');
    expectClientException(reserved, 'aws:', 'reserved');
  });

  test('request shapes: unknown fields and wrong types are 400 ClientExceptions naming the field (raw, unsigned requests)', async () => {
    // WHEN
    const unknownField = await rawRequest(endpoint.url, 'POST', '/v1/submitjob', JSON.stringify({ jobName: 'x', jobQueue: 'q', jobDefinition: 'jd', colour: 'red' }));
    const wrongType = await rawRequest(endpoint.url, 'POST', '/v1/submitjob', JSON.stringify({ jobName: 'x', jobQueue: 'q', jobDefinition: 'jd', arrayProperties: { size: '7' } }));
    const missing = await rawRequest(endpoint.url, 'POST', '/v1/canceljob', JSON.stringify({ jobId: 'x' }));

    // THEN
    for (const response of [unknownField, wrongType, missing]) {
      expect(response.status).toBe(400);
      expect(response.headers['x-amzn-errortype']).toBe('ClientException');
      expect(response.body.__type).toBe('ClientException');
    }
    expect(unknownField.body.message).toBe('colour: unknown field; SubmitJobRequest has only jobName, jobQueue, shareIdentifier, schedulingPriorityOverride, '
      + 'arrayProperties, dependsOn, jobDefinition, parameters, containerOverrides, nodeOverrides, retryStrategy, propagateTags, timeout, tags, eksPropertiesOverride, '
      + 'ecsPropertiesOverride, consumableResourcePropertiesOverride');
    expect(wrongType.body.message).toBe('arrayProperties.size: expected an integer, got string "7"');
    expect(missing.body.message).toBe('reason: required field missing (CancelJobRequest)');
  });
});
