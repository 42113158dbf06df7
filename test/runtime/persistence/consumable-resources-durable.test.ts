import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serve } from '../../../src/cli/commands/serve';
import { recordingIo, SMALL_STACK } from '../../cli/cli-fixture';
import { rawRequest } from '../api/endpoint-fixture';

const post = (url: string, route: string, body: unknown): Promise<any> => rawRequest(url, 'POST', route, JSON.stringify(body)).then((r) => r.body);

/** Creates `licences` (1, REPLENISHABLE) and `tokens` (5, NON_REPLENISHABLE) and a definition needing one of each. */
async function setUp(url: string): Promise<void> {
  await post(url, '/v1/createconsumableresource', { consumableResourceName: 'licences', totalQuantity: 1 });
  await post(url, '/v1/createconsumableresource', { consumableResourceName: 'tokens', totalQuantity: 5, resourceType: 'NON_REPLENISHABLE' });
  await post(url, '/v1/registerjobdefinition', {
    jobDefinitionName: 'licensed',
    type: 'container',
    containerProperties: { image: 'busybox', vcpus: 1, memory: 512 },
    consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }, { consumableResource: 'tokens', quantity: 1 }] },
  });
}

describe('serve --state-dir and consumable resources', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consumable-durable-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['the journal', {}],
    ['a checkpoint', { checkpointEvery: 0 }],
  ])('PLAT-4: GIVEN resources used by jobs WHEN the server restarts from %s THEN the resources come back with their totals, the attempt the restart ended gave its licence back and its used-up token stays used', async (_from, extra) => {
    // GIVEN two jobs ran to the end (a rest point: NON_REPLENISHABLE tokens 5 -> 3), then one holds a licence while another waits
    const options = { template: SMALL_STACK, port: 0, host: '127.0.0.1', executor: 'simulated' as const, clock: 'virtual' as const, stateDir: path.join(dir, 'state'), ...extra };
    const first = await serve(options, recordingIo());
    await setUp(first.url);
    const queueName = (await post(first.url, '/v1/describejobqueues', {})).jobQueues[0].jobQueueName;
    for (let i = 0; i < 2; i++) await post(first.url, '/v1/submitjob', { jobName: `ran-${i}`, jobQueue: queueName, jobDefinition: 'licensed' });
    await post(first.url, '/_local/clock/run-until-idle', {});
    const held = (await post(first.url, '/v1/submitjob', { jobName: 'held', jobQueue: queueName, jobDefinition: 'licensed' })).jobId;
    const waiting = (await post(first.url, '/v1/submitjob', { jobName: 'waiting', jobQueue: queueName, jobDefinition: 'licensed' })).jobId;
    await post(first.url, '/_local/clock/advance', { seconds: 1 });
    const before = await Promise.all(['licences', 'tokens'].map((name) => post(first.url, '/v1/describeconsumableresource', { consumableResource: name })));
    const jobsBefore = (await post(first.url, '/v1/describejobs', { jobs: [held, waiting] })).jobs.map((job: any) => job.status);
    await first.close();

    // WHEN
    const second = await serve(options, recordingIo());
    const after = await Promise.all(['licences', 'tokens'].map((name) => post(second.url, '/v1/describeconsumableresource', { consumableResource: name })));
    await post(second.url, '/_local/clock/run-until-idle', {});
    const finalTokens = await post(second.url, '/v1/describeconsumableresource', { consumableResource: 'tokens' });
    await second.close();

    // THEN
    expect(jobsBefore).toEqual(['RUNNING', 'RUNNABLE']);
    expect(before[0]).toMatchObject({ totalQuantity: 1, inUseQuantity: 1 });
    expect(before[1]).toMatchObject({ totalQuantity: 3, inUseQuantity: 1 });
    // RETRY-3: the restart ends the live attempt as on a lost host: its licence came back, its token is used up
    expect(after[0]).toEqual({ ...before[0], inUseQuantity: 0, availableQuantity: 1 });
    expect(after[1]).toEqual({ ...before[1], totalQuantity: 2, inUseQuantity: 0, availableQuantity: 2 });
    // the waiting job runs after the restart and uses one more token
    expect(finalTokens).toMatchObject({ totalQuantity: 1, inUseQuantity: 0 });
  }, 60_000);
});
