import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import {
  CreateComputeEnvironmentCommand, CreateConsumableResourceCommand, CreateJobQueueCommand, DeleteConsumableResourceCommand,
  DescribeConsumableResourceCommand, DescribeJobDefinitionsCommand, DescribeJobsCommand, ListConsumableResourcesCommand,
  ListJobsByConsumableResourceCommand, RegisterJobDefinitionCommand, SubmitJobCommand, UpdateConsumableResourceCommand,
} from '@aws-sdk/client-batch';
import { Duration } from 'aws-cdk-lib';
import { Endpoint, expectClientException, managedEc2, rejection, startEndpoint } from './endpoint-fixture';
import { serve, ServeHandle } from '../../../src/cli/commands/serve';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';
import { recordingIo } from '../../cli/cli-fixture';

const run = promisify(execFile);

describe('consumable resources through the AWS SDK v3 (PLAT-4)', () => {
  let endpoint: Endpoint;

  beforeAll(async () => {
    endpoint = await startEndpoint({ clock: 'virtual', executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(5) }) }) });
  });
  afterAll(() => endpoint.close());

  test('PLAT-4: GIVEN 2 licences and 5 jobs WHEN run on the virtual clock THEN at most 2 run at once, the others wait with the reason, and a bad definition is a ClientException', async () => {
    // GIVEN
    const batch = endpoint.batch;
    const created = await batch.send(new CreateConsumableResourceCommand({ consumableResourceName: 'licences', totalQuantity: 2, tags: { team: 'a' } }));
    await batch.send(new CreateComputeEnvironmentCommand(managedEc2('ce', { computeResources: { type: 'EC2', maxvCpus: 16, subnets: ['s'], instanceTypes: ['optimal'] } })));
    await batch.send(new CreateJobQueueCommand({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] }));
    await batch.send(new RegisterJobDefinitionCommand({
      jobDefinitionName: 'licensed',
      type: 'container',
      containerProperties: { image: 'busybox', vcpus: 1, memory: 512 },
      consumableResourceProperties: { consumableResourceList: [{ consumableResource: created.consumableResourceArn, quantity: 1 }] },
    }));
    const bad = await rejection(batch.send(new RegisterJobDefinitionCommand({
      jobDefinitionName: 'bad',
      type: 'container',
      containerProperties: { image: 'busybox', vcpus: 1, memory: 512 },
      consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'nope', quantity: 1 }] },
    })));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await batch.send(new SubmitJobCommand({ jobName: `j${i}`, jobQueue: 'q', jobDefinition: 'licensed' }))).jobId!);

    // WHEN
    endpoint.host.advance(60_000);
    const described = await batch.send(new DescribeConsumableResourceCommand({ consumableResource: 'licences' }));
    const jobs = (await batch.send(new DescribeJobsCommand({ jobs: ids }))).jobs!;
    const waiting = await batch.send(new ListJobsByConsumableResourceCommand({ consumableResource: 'licences', filters: [{ name: 'JOB_STATUS', values: ['RUNNABLE'] }] }));
    endpoint.host.runUntilIdle();
    const finished = (await batch.send(new DescribeJobsCommand({ jobs: ids }))).jobs!;

    // THEN
    expectClientException(bad, 'consumableResourceProperties.consumableResourceList[0].consumableResource: unknown consumable resource "nope"');
    expect((await batch.send(new DescribeJobDefinitionsCommand({ jobDefinitionName: 'bad' }))).jobDefinitions).toEqual([]);
    expect(described).toMatchObject({ consumableResourceName: 'licences', totalQuantity: 2, inUseQuantity: 2, availableQuantity: 0, resourceType: 'REPLENISHABLE', tags: { team: 'a' } });
    expect(jobs.filter((job) => job.status === 'RUNNING')).toHaveLength(2);
    expect(jobs.filter((job) => job.status === 'RUNNABLE').map((job) => job.statusReason)).toContain('Waiting for consumable resources: licences (needs 1, available 0)');
    expect(waiting.jobs!.map((job) => job.jobName)).toEqual(['j4', 'j3', 'j2']);
    expect(finished.every((job) => job.status === 'SUCCEEDED')).toBe(true);
  });

  test('PLAT-4: GIVEN an update and a delete through the SDK THEN the list follows, and a bad operation changes nothing', async () => {
    // GIVEN
    const batch = endpoint.batch;
    await batch.send(new CreateConsumableResourceCommand({ consumableResourceName: 'tokens', totalQuantity: 1, resourceType: 'NON_REPLENISHABLE' }));

    // WHEN
    const updated = await batch.send(new UpdateConsumableResourceCommand({ consumableResource: 'tokens', operation: 'ADD', quantity: 4, clientToken: 'c1' }));
    const bad = await rejection(batch.send(new UpdateConsumableResourceCommand({ consumableResource: 'tokens', operation: 'DOUBLE', quantity: 4 })));
    const listed = await batch.send(new ListConsumableResourcesCommand({ filters: [{ name: 'CONSUMABLE_RESOURCE_NAME', values: ['tok*'] }] }));
    await batch.send(new DeleteConsumableResourceCommand({ consumableResource: 'tokens' }));

    // THEN
    expect(updated).toMatchObject({ consumableResourceName: 'tokens', totalQuantity: 5 });
    expectClientException(bad, 'operation: "DOUBLE"');
    expect(listed.consumableResources).toEqual([expect.objectContaining({ consumableResourceName: 'tokens', totalQuantity: 5, inUseQuantity: 0, resourceType: 'NON_REPLENISHABLE' })]);
    expect((await batch.send(new ListConsumableResourcesCommand({}))).consumableResources!.map((r) => r.consumableResourceName)).toEqual(['licences']);
  });
});

const TEMPLATE = {
  Resources: {
    Licences: { Type: 'AWS::Batch::ConsumableResource', Properties: { ConsumableResourceName: 'licences', ResourceType: 'REPLENISHABLE', TotalQuantity: 3 } },
    Env: {
      Type: 'AWS::Batch::ComputeEnvironment',
      Properties: { ComputeEnvironmentName: 'env', Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 16, InstanceTypes: ['optimal'], Subnets: ['s'], InstanceRole: 'r' } },
    },
    Queue: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'q', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Env' } }] } },
    Licensed: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: {
        JobDefinitionName: 'licensed',
        Type: 'container',
        ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 512, Command: ['true'] },
        ConsumableResourceProperties: { ConsumableResourceList: [{ ConsumableResource: { Ref: 'Licences' }, Quantity: 1 }] },
      },
    },
  },
};

const BOTO3_PY = `
import json, sys, urllib.request, boto3
url = sys.argv[1]
batch = boto3.client('batch', endpoint_url=url, region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
def local(route, body):
    req = urllib.request.Request(url + route, data=json.dumps(body).encode(), method='POST', headers={'Content-Type': 'application/json'})
    return json.load(urllib.request.urlopen(req))
out = {}
ids = [batch.submit_job(jobName='j%d' % i, jobQueue='q', jobDefinition='licensed')['jobId'] for i in range(10)]
local('/_local/clock/advance', {'seconds': 1})
out['running'] = sum(1 for j in batch.describe_jobs(jobs=ids)['jobs'] if j['status'] in ('STARTING', 'RUNNING'))
out['described'] = batch.describe_consumable_resource(consumableResource='licences')
out['explain'] = json.load(urllib.request.urlopen(url + '/_local/explain?jobId=' + ids[9]))['explanation']
try:
    batch.submit_job(jobName='x', jobQueue='q', jobDefinition='licensed', consumableResourcePropertiesOverride={'consumableResourceList': [{'consumableResource': 'licences', 'quantity': 0}]})
    out['zero'] = 'accepted'
except batch.exceptions.ClientException as e:
    out['zero'] = e.response['Error']['Message']
out['definition'] = batch.describe_job_definitions(jobDefinitionName='licensed')['jobDefinitions'][0]['consumableResourceProperties']
local('/_local/clock/run-until-idle', {})
out['statuses'] = sorted(set(j['status'] for j in batch.describe_jobs(jobs=ids)['jobs']))
out['after'] = batch.describe_consumable_resource(consumableResource='licences')['inUseQuantity']
print(json.dumps(out, default=str))
`;

describe('consumable resources through boto3 on the virtual clock (PLAT-4)', () => {
  let workspace: string;
  let handle: ServeHandle;

  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'consumable-boto3-'));
    fs.writeFileSync(path.join(workspace, 'template.json'), JSON.stringify(TEMPLATE));
    handle = await serve({ template: path.join(workspace, 'template.json'), port: 0, host: '127.0.0.1', executor: 'process', clock: 'virtual' }, recordingIo());
  });

  afterEach(async () => {
    await handle.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('PLAT-4: GIVEN a template with 3 licences and 10 jobs submitted by boto3 THEN 3 run at once, explain names the holders, quantity 0 is refused, and all succeed', async () => {
    // WHEN
    const { stdout } = await run('python3', ['-c', BOTO3_PY, handle.url], { maxBuffer: 16 * 1024 * 1024 });
    const out = JSON.parse(stdout);

    // THEN
    expect(out.running).toBe(3);
    expect(out.described).toMatchObject({ consumableResourceName: 'licences', totalQuantity: 3, inUseQuantity: 3, availableQuantity: 0 });
    expect(out.explain).toMatch(/waits for consumable resources \(PLAT-4\): consumable resource licences \(REPLENISHABLE\): needs 1, available 0 of 3, held by job\(s\) /);
    expect(out.zero).toContain('consumableResourcePropertiesOverride.consumableResourceList[0].quantity');
    expect(out.definition).toEqual({ consumableResourceList: [{ consumableResource: 'arn:aws:batch:us-east-1:123456789012:consumable-resource/licences', quantity: 1 }] });
    expect(out.statuses).toEqual(['SUCCEEDED']);
    expect(out.after).toBe(0);
  });
});
