import { Duration } from 'aws-cdk-lib';
import { active, consumableBackend } from './consumable-fixtures';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { CONSUMABLE_RESOURCE_WAIT } from '../../../../src/runtime/core/scheduling/consumable-resource-gate';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { submit, T0 } from '../fixtures';

describe('consumable resources in scheduling (PLAT-4)', () => {
  test('PLAT-4: GIVEN 3 licences and 10 jobs needing 1 each WHEN they run THEN at most 3 run at once and all succeed', () => {
    // GIVEN
    const { backend, peakInUse, overcommits } = consumableBackend();
    const ids = Array.from({ length: 10 }, () => submit(backend, { jobDefinition: 'licensed' }));

    // WHEN
    backend.loop.runUntil(T0 + 60_000);
    const runningEarly = active(backend).length;
    backend.loop.runUntilIdle();

    // THEN
    expect(runningEarly).toBe(3);
    expect(peakInUse.get('licences')).toBe(3);
    expect(overcommits).toEqual([]);
    expect(backend.describeJobs(ids).map((job) => job.status)).toEqual(Array(10).fill('SUCCEEDED'));
    expect(backend.consumableResources.describe('licences')).toMatchObject({ inUseQuantity: 0, availableQuantity: 3, totalQuantity: 3 });
  });

  test('PLAT-4: GIVEN a job waiting for licences at the head of its queue THEN it stays RUNNABLE with the wait as its statusReason, and DescribeConsumableResource shows the use', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }] });
    const first = submit(backend, { jobDefinition: 'licensed' });
    const second = submit(backend, { jobDefinition: 'licensed' });

    // WHEN
    backend.loop.runUntil(T0 + 60_000);

    // THEN
    expect(backend.job(first)!.status).toBe('RUNNING');
    const waiting = backend.describeJobs([second])[0];
    expect(waiting.status).toBe('RUNNABLE');
    expect(waiting.statusReason).toBe(`${CONSUMABLE_RESOURCE_WAIT}: licences (needs 1, available 0)`);
    expect(backend.explainJob(second)).toMatch(new RegExp(`waits for consumable resources \\(PLAT-4\\): consumable resource licences \\(REPLENISHABLE\\): needs 1, available 0 of 1, held by job\\(s\\) ${first}`));
    expect(backend.consumableResources.describe('licences')).toMatchObject({ totalQuantity: 1, inUseQuantity: 1, availableQuantity: 0 });
  });

  test('PLAT-4: GIVEN a job blocked on a resource at the head WHEN a job behind it needs none THEN that job runs (limited backfill, as for capacity)', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }] });
    submit(backend, { jobDefinition: 'licensed' });
    const blocked = submit(backend, { jobDefinition: 'licensed' });
    const free = submit(backend);

    // WHEN
    backend.loop.runUntil(T0 + 1000);

    // THEN
    expect(backend.job(blocked)!.status).toBe('RUNNABLE');
    expect(backend.job(free)!.status).toBe('RUNNING');
  });

  test('PLAT-4: GIVEN a job needing two resources WHEN only one is available THEN it takes neither (all or nothing)', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }, { name: 'seats', total: 1 }] });
    backend.registerJobDefinition({
      jobDefinitionName: 'both',
      type: 'container',
      containerProperties: { image: 'busybox', vcpus: 1, memory: 512 },
      consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }, { consumableResource: 'seats', quantity: 1 }] },
    });
    submit(backend, { jobDefinition: 'licensed' });
    const both = submit(backend, { jobDefinition: 'both' });

    // WHEN
    backend.loop.runUntil(T0 + 1000);

    // THEN
    expect(backend.job(both)!.status).toBe('RUNNABLE');
    expect(backend.consumableResources.describe('seats')).toMatchObject({ inUseQuantity: 0, availableQuantity: 1 });
    backend.loop.runUntilIdle();
    expect(backend.job(both)!.status).toBe('SUCCEEDED');
  });

  test('PLAT-4: GIVEN a NON_REPLENISHABLE resource of 2 WHEN 3 jobs need 1 each THEN two run, the total drops to 0 and the third waits', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 2, type: 'NON_REPLENISHABLE' }] });
    const ids = [submit(backend, { jobDefinition: 'licensed' }), submit(backend, { jobDefinition: 'licensed' }), submit(backend, { jobDefinition: 'licensed' })];

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(ids.map((id) => backend.job(id)!.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'RUNNABLE']);
    expect(backend.consumableResources.describe('licences')).toMatchObject({ totalQuantity: 0, inUseQuantity: 0, availableQuantity: 0 });

    // WHEN more are added
    backend.consumableResources.update({ consumableResource: 'licences', operation: 'ADD', quantity: 1 });
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.job(ids[2])!.status).toBe('SUCCEEDED');
  });

  test('PLAT-4: GIVEN a job that fails and is retried THEN each attempt takes the resource again and gives it back when it ends', () => {
    // GIVEN
    const { backend, peakInUse } = consumableBackend({
      resources: [{ name: 'licences', total: 1 }],
      behavior: () => JobBehavior.perAttempt([
        JobBehavior.fail({ exitCode: 1, duration: Duration.minutes(1) }),
        JobBehavior.succeed({ duration: Duration.minutes(1) }),
      ]),
    });
    const id = submit(backend, { jobDefinition: 'licensed', retryStrategy: { attempts: 2 } });

    // WHEN
    backend.loop.runUntil(T0 + 60_500);
    const betweenAttempts = backend.consumableResources.describe('licences').inUseQuantity;
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.job(id)!.status).toBe('SUCCEEDED');
    expect(backend.job(id)!.attempts).toHaveLength(2);
    expect(betweenAttempts).toBeLessThanOrEqual(1);
    expect(peakInUse.get('licences')).toBe(1);
    expect(backend.consumableResources.describe('licences').inUseQuantity).toBe(0);
  });

  test('PLAT-4: GIVEN an array job of 6 children and 2 licences THEN each child needs its own and at most 2 run at once', () => {
    // GIVEN
    const { backend, peakInUse, overcommits } = consumableBackend({ resources: [{ name: 'licences', total: 2 }] });
    const parent = submit(backend, { jobDefinition: 'licensed', arrayProperties: { size: 6 } });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN
    expect(backend.job(parent)!.status).toBe('SUCCEEDED');
    expect(peakInUse.get('licences')).toBe(2);
    expect(overcommits).toEqual([]);
  });

  test('PLAT-4: GIVEN a job terminated while RUNNING THEN its licence comes back', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }] });
    const first = submit(backend, { jobDefinition: 'licensed' });
    const second = submit(backend, { jobDefinition: 'licensed' });
    backend.loop.runUntil(T0 + 1000);

    // WHEN
    backend.terminateJob(first, 'stop');
    backend.loop.runUntil(T0 + 120_000);

    // THEN
    expect(backend.job(first)!.status).toBe('FAILED');
    expect(backend.job(second)!.status).toBe('RUNNING');
  });

  test('PLAT-4: GIVEN a job needing more than the total THEN it waits (it is not head-of-line blocking) until UpdateConsumableResource raises the total', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }], quantity: 2 });
    const id = submit(backend, { jobDefinition: 'licensed' });
    const other = submit(backend);
    backend.loop.runUntil(T0 + 1000);
    expect(backend.job(id)!.status).toBe('RUNNABLE');
    expect(backend.job(other)!.status).toBe('RUNNING');
    expect(backend.explainJob(id)).toMatch(/needs more than the total/);

    // WHEN
    backend.consumableResources.update({ consumableResource: 'licences', operation: 'SET', quantity: 2 });
    backend.loop.runUntil(T0 + 2000);

    // THEN
    expect(backend.job(id)!.status).toBe('RUNNING');
  });

  test('PLAT-4: GIVEN a SubmitJob override THEN it replaces the definition\'s list, and DescribeJobs answers it as given', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 5 }] });
    const arn = backend.consumableResources.describe('licences').consumableResourceArn;

    // WHEN
    const id = submit(backend, { jobDefinition: 'licensed', consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: arn, quantity: 4 }] } });
    const plain = submit(backend);
    backend.loop.runUntil(T0 + 1000);

    // THEN
    const described = backend.describeJobs([id])[0];
    expect(described.consumableResourceProperties).toEqual({ consumableResourceList: [{ consumableResource: arn, quantity: 4 }] });
    expect(backend.consumableResources.describe('licences').inUseQuantity).toBe(4);
    expect('consumableResourceProperties' in backend.describeJobs([plain])[0]).toBe(false);
  });

  test('#21 §2, PLAT-4: GIVEN jobs holding licences WHEN a fresh runtime\'s gate is given the same holders again (a checkpoint restore) THEN it shows the same use and holders', () => {
    // GIVEN two jobs RUNNING with a licence each
    const { backend } = consumableBackend();
    const ids = [submit(backend, { jobDefinition: 'licensed' }), submit(backend, { jobDefinition: 'licensed' })];
    backend.loop.runUntil(T0 + 60_000);
    const fresh = consumableBackend().backend;
    const [a, b] = ids.map((id) => backend.job(id)!);

    // WHEN
    fresh.consumableResources.gate.restoreHolder(a);
    fresh.consumableResources.gate.restoreHolder(b);

    // THEN
    expect(fresh.consumableResources.describe('licences')).toMatchObject({ inUseQuantity: 2, availableQuantity: 1 });
    expect(fresh.consumableResources.gate.holdersOf('licences')).toEqual(backend.consumableResources.gate.holdersOf('licences'));
  });

  test('#21 §2, PLAT-4: GIVEN a holder restored into a fresh gate WHEN its attempt ends THEN its licence comes back, as it would have without the restore', () => {
    // GIVEN a job RUNNING with a licence, restored as a holder into a fresh runtime's gate
    const { backend } = consumableBackend();
    const job = backend.job(submit(backend, { jobDefinition: 'licensed' }))!;
    backend.loop.runUntil(T0 + 60_000);
    const gate = consumableBackend().backend;
    gate.consumableResources.gate.restoreHolder(job);

    // WHEN its attempt ends (twice: a second end is a no-op)
    gate.consumableResources.gate.attemptEnded(job);
    gate.consumableResources.gate.attemptEnded(job);

    // THEN
    expect(gate.consumableResources.describe('licences')).toMatchObject({ inUseQuantity: 0, availableQuantity: 3 });
    expect(gate.consumableResources.gate.holdersOf('licences')).toEqual([]);
  });
});

describe('consumable resources of multi-node jobs (PLAT-4, MNP-8)', () => {
  /** A 3-node job: the main node needs 1 licence (and the job 1 seat), each of the two workers 2 licences. */
  function mnpSetup(licences: number, workerSeconds = 600) {
    const setup = consumableBackend({
      resources: [{ name: 'licences', total: licences }, { name: 'seats', total: 1 }],
      behavior: () => JobBehavior.succeed({ duration: Duration.seconds(workerSeconds) }),
    });
    const need = (name: string, quantity: number) => ({ consumableResourceList: [{ consumableResource: name, quantity }] });
    setup.backend.registerJobDefinition({
      jobDefinitionName: 'mnp',
      type: 'multinode',
      consumableResourceProperties: need('seats', 1),
      nodeProperties: {
        numNodes: 3,
        mainNode: 0,
        nodeRangeProperties: [
          { targetNodes: '0:', container: { image: 'mpi', vcpus: 1, memory: 512 }, consumableResourceProperties: need('licences', 2) },
          { targetNodes: '0', container: { command: ['main'] }, consumableResourceProperties: need('licences', 1) },
        ],
      },
    });
    return setup;
  }
  const inUse = (backend: BatchBackend, name: string) => backend.consumableResources.describe(name).inUseQuantity;

  test('PLAT-4, MNP-8: GIVEN per-range resources WHEN the gang is placed THEN it takes every node\'s share at once and each node gives its share back when it ends', () => {
    // GIVEN
    const { backend, overcommits } = mnpSetup(5);
    const id = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntil(T0 + 1000);

    // WHEN a second such job is submitted while the first holds everything
    const second = backend.submitJob({ jobName: 'mpi2', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntil(T0 + 2000);

    // THEN the first holds 1 + 2 + 2 licences and its seat; the second waits for the sum of its gang
    expect([0, 1, 2].map((n) => backend.job(`${id}#${n}`)!.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect([inUse(backend, 'licences'), inUse(backend, 'seats')]).toEqual([5, 1]);
    expect(backend.job(second)!.status).toBe('RUNNABLE');
    expect(backend.describeJobs([`${second}#0`])[0].statusReason).toBe(`${CONSUMABLE_RESOURCE_WAIT}: seats (needs 1, available 0), licences (needs 5, available 0)`);
    backend.loop.runUntilIdle();
    expect(backend.describeJobs([id, second]).map((job) => job.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect([inUse(backend, 'licences'), inUse(backend, 'seats')]).toEqual([0, 0]);
    expect(overcommits).toEqual([]);
  });

  test('PLAT-4, MNP-4: GIVEN a worker node that fails early THEN its licences come back while the rest of the job runs', () => {
    // GIVEN
    const { backend } = mnpSetup(5);
    const id = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntil(T0 + 1000);

    // WHEN
    backend.terminateJob(`${id}#1`, 'worker lost');
    backend.loop.runUntil(T0 + 120_000);

    // THEN
    expect(backend.job(`${id}#1`)!.status).toBe('FAILED');
    expect(backend.job(id)!.status).toBe('RUNNING');
    expect(inUse(backend, 'licences')).toBe(3);
  });

  test('PLAT-4, MNP-8: GIVEN fewer licences than the gang needs together THEN no node starts and nothing is taken, until the total is raised', () => {
    // GIVEN 4 licences, the gang needs 5
    const { backend } = mnpSetup(4);
    const id = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntil(T0 + 1000);
    expect(backend.job(`${id}#0`)!.status).toBe('RUNNABLE');
    expect([inUse(backend, 'licences'), inUse(backend, 'seats')]).toEqual([0, 0]);

    // WHEN
    backend.consumableResources.update({ consumableResource: 'licences', operation: 'ADD', quantity: 1 });
    backend.loop.runUntil(T0 + 2000);

    // THEN
    expect(backend.job(id)!.status).toBe('RUNNING');
    expect(inUse(backend, 'licences')).toBe(5);
  });

  test('PLAT-4, MNP-8: GIVEN the main node terminated before the other nodes start THEN the shares taken for nodes that never started come back', () => {
    // GIVEN
    const { backend } = mnpSetup(5);
    const id = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    const seen: Array<[string, number]> = [];

    // WHEN the main node is terminated before the workers start on their reserved places
    backend.addJobStateListener({
      onJobStateChange: (job) => {
        if (job.jobId !== `${id}#0` || job.status !== 'STARTING') return;
        // At the next event of this instant, before the workers' deferred start (queued only once the main node RUNS).
        backend.loop.after(0, () => {
          seen.push([backend.job(`${id}#1`)!.status, inUse(backend, 'licences')]);
          backend.terminateJob(`${id}#0`, 'stop');
        });
      },
    });
    backend.loop.runUntilIdle();

    // THEN
    expect(seen).toEqual([[expect.stringMatching(/^(PENDING|RUNNABLE)$/), 5]]);
    expect(backend.describeJobs([id, `${id}#1`]).map((job) => job.status)).toEqual(['FAILED', 'FAILED']);
    expect(backend.describeJobs([`${id}#1`])[0].attempts).toEqual([]);
    expect([inUse(backend, 'licences'), inUse(backend, 'seats')]).toEqual([0, 0]);
  });
});

