import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { InstanceCapacity } from '../../../../src/runtime/core/capacity/instance-capacity';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { MAIN_NODE_EXITED } from '../../../../src/runtime/core/jobs/multi-node';
import { JobStatus } from '../../../../src/runtime/core/model/job-status';
import { gangVerdict } from '../../../../src/runtime/core/scheduling/gang-placement';
import { VcpuPoolCapacity } from '../../../../src/runtime/core/scheduling/vcpu-pool-capacity';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { managedCe } from '../capacity/capacity-fixtures';
import { instanceBackend } from '../diagnostics/diagnostics-fixtures';
import { T0, testBackend } from '../fixtures';

/** Registers `mpi`: `numNodes` nodes (main node 0) of `vcpus` each, optionally pinned to an instance type. */
function registerMnp(backend: BatchBackend, numNodes: number, vcpus: number, instanceType?: string, attempts: number = 1): void {
  backend.registerJobDefinition({
    jobDefinitionName: 'mpi',
    type: 'multinode',
    retryStrategy: { attempts },
    nodeProperties: {
      numNodes,
      mainNode: 0,
      nodeRangeProperties: [
        { targetNodes: '0', container: { image: 'mpi', vcpus, memory: 1024, command: ['main'], instanceType } },
        ...(numNodes > 1 ? [{ targetNodes: '1:', container: { image: 'mpi', vcpus, memory: 1024, command: ['worker'], instanceType } }] : []),
      ],
    },
  });
}

describe('gang placement of multi-node jobs (MNP-8)', () => {
  test('MNP-8: 3 nodes x 4 vCPUs on c5.xlarge in a CE of maxvCpus 8 stay RUNNABLE, no node starts, and explainJob says why', () => {
    // GIVEN a c5.xlarge CE of at most 8 vCPUs
    const backend = instanceBackend({ maxvCpus: 8, instanceTypes: ['c5.xlarge'] });
    registerMnp(backend, 3, 4, 'c5.xlarge');

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mpi' }).jobId;
    backend.loop.runUntil(backend.loop.now() + 3_600_000);

    // THEN
    const [job, ...nodes] = backend.describeJobs([jobId, `${jobId}#0`, `${jobId}#1`, `${jobId}#2`]);
    expect(job.status).toBe('RUNNABLE');
    expect(nodes.map((node) => node.status)).toEqual(['RUNNABLE', 'PENDING', 'PENDING']);
    const placed = nodes.map((node) => [node.attempts?.length ?? 0, node.container?.containerInstanceArn]);
    expect(placed).toEqual([[0, undefined], [0, undefined], [0, undefined]]);
    expect(job.statusReason).toBe('MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - CE(s) associated with the job queue cannot meet the CPU requirement of the job.');
    expect(backend.explainJob(jobId)).toMatch(/MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE .*compute environment ce cannot hold all 3 nodes of the job at once: together they need 12 vCPUs, its maxvCpus is 8/);
  });

  test('MNP-8: with room for all nodes they all start, the main node first (MNP-3)', () => {
    // GIVEN the same job in a CE of maxvCpus 12
    const backend = instanceBackend({ maxvCpus: 12, instanceTypes: ['c5.xlarge'] });
    registerMnp(backend, 3, 4, 'c5.xlarge');

    // WHEN
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mpi' }).jobId;
    backend.loop.runUntil(backend.loop.now() + 60_000);

    // THEN
    const nodes = backend.describeJobs([`${jobId}#0`, `${jobId}#1`, `${jobId}#2`]);
    expect(nodes.map((node) => node.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
  });

  test('MNP-8, MNP-5: the retry of a multi-node job is placed all together too: it waits until every node fits', () => {
    // GIVEN 4 vCPUs, a 3-node job whose main node fails its first attempt after 30 s, and a 2-vCPU job
    // submitted at 10 s that runs 600 s and is ahead of the retry in the queue
    let mainRuns = 0;
    const { backend, history } = testBackend({
      maxvCpus: 4,
      behavior: (launch) => {
        if (launch.command[0] === 'main') return ++mainRuns === 1 ? JobBehavior.fail({ duration: Duration.seconds(30) }) : JobBehavior.succeed({ duration: Duration.seconds(60) });
        if (launch.command[0] === 'worker') return JobBehavior.succeed({ duration: Duration.hours(1) });
        return JobBehavior.succeed({ duration: Duration.seconds(600) });
      },
    });
    registerMnp(backend, 3, 1, undefined, 2);
    const starts: Array<{ node: JobRecord; at: number }> = [];
    backend.addJobStateListener({ onJobStateChange: (job) => { if (job.mnpParent && job.status === 'STARTING') starts.push({ node: job, at: backend.loop.now() }); } });
    const t0 = backend.loop.now();
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mpi' }).jobId;
    backend.loop.runUntil(t0 + 10_000);
    backend.submitJob({ jobName: 'other', jobQueue: 'queue', jobDefinition: 'job', containerOverrides: { vcpus: 2, command: ['other'] } });

    // WHEN
    backend.loop.runUntilIdle();

    // THEN both attempts started all 3 nodes at one instant; the retry only once the other job had finished
    const retry = starts.filter((start) => start.node.mnpParent!.nodes!.includes(start.node));
    expect(starts).toHaveLength(6);
    expect(retry).toHaveLength(3);
    expect(new Set(retry.map((start) => start.at)).size).toBe(1);
    expect(retry[0].at - t0).toBeGreaterThanOrEqual(610_000);
    expect(history.get(jobId)).toEqual(['RUNNABLE', 'STARTING', 'RUNNING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
  });

  test('MNP-8, RETRY-3: a node whose reserved instance is terminated before it starts is placed elsewhere', () => {
    // GIVEN instances that take 2 minutes to start, and a 2-node job pinned to c5.xlarge
    const backend = new BatchBackend({
      clock: new VirtualClock(T0),
      ids: new SeededIdGenerator(5),
      runner: new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed({ duration: Duration.minutes(10) }) }),
      capacityOptions: { instanceStart: { baseDelayMs: 120_000 } },
    });
    backend.createComputeEnvironment({
      computeEnvironmentName: 'ce',
      type: 'MANAGED',
      computeResources: { type: 'EC2', maxvCpus: 12, minvCpus: 0, instanceTypes: ['c5.xlarge'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
    });
    backend.createJobQueue({ jobQueueName: 'queue', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
    registerMnp(backend, 2, 4, 'c5.xlarge');
    const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mpi' }).jobId;
    backend.loop.runUntil(T0 + 10_000);
    const capacity = backend.capacity as InstanceCapacity;
    const mainHost = backend.describeJobs([`${jobId}#0`])[0].container?.containerInstanceArn;
    const reserved = capacity.instances('ce').find((instance) => instance.containerInstanceArn !== mainHost)!;
    expect(mainHost).toBeDefined();
    expect(capacity.instances('ce')).toHaveLength(2);

    // WHEN the worker's reserved instance goes before the main node runs
    capacity.terminateInstance('ce', reserved.instanceId);
    backend.loop.runUntil(T0 + 600_000);

    // THEN the worker runs on another instance
    const worker = backend.describeJobs([`${jobId}#1`])[0];
    expect(worker.status).toBe('RUNNING');
    expect([mainHost, reserved.containerInstanceArn]).not.toContain(worker.container?.containerInstanceArn);
  });

  test('MNP-8: a CE holds the gang only if every node fits and all together stay within maxvCpus', () => {
    // GIVEN a vCPU pool of 8 and node records of 3 vCPUs
    const pool = new VcpuPoolCapacity();
    const nodes = [3, 3, 3].map((vcpus) => ({ vcpus }) as unknown as JobRecord);
    const demandOf = (node: JobRecord) => ({ vcpus: (node as unknown as { vcpus: number }).vcpus, memoryMiB: 1, gpus: 0 });

    // WHEN / THEN
    expect(gangVerdict(pool, managedCe('ce', { maxvCpus: 9 }), nodes, demandOf)).toEqual({ fits: true });
    expect(gangVerdict(pool, managedCe('ce', { maxvCpus: 8 }), nodes, demandOf).reason).toMatch(/^MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - .*need 9 vCPUs, its maxvCpus is 8 \(short by 1\)/);
    expect(gangVerdict(pool, managedCe('spot', { type: 'SPOT', maxvCpus: 64 }), nodes, demandOf).reason).toMatch(/^MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - compute environment spot is SPOT/);
  });

  test('MNP-8 (property): for random multi-node jobs, CE sizes and competing jobs, the nodes of an attempt start all together or none does', () => {
    fc.assert(fc.property(
      fc.record({
        numNodes: fc.integer({ min: 1, max: 5 }),
        nodevCpus: fc.integer({ min: 1, max: 4 }),
        maxvCpus: fc.integer({ min: 1, max: 16 }),
        mainFailsFirst: fc.boolean(),
        fillers: fc.array(
          fc.record({ vcpus: fc.integer({ min: 1, max: 16 }), seconds: fc.integer({ min: 1, max: 900 }), before: fc.boolean() }),
          { maxLength: 6 },
        ),
      }),
      ({ numNodes, nodevCpus, maxvCpus, mainFailsFirst, fillers }) => {
        // GIVEN a vCPU pool CE, competing jobs before and after the multi-node job, and a main node that may fail its first attempt
        let mainRuns = 0;
        const { backend } = testBackend({
          maxvCpus,
          behavior: (launch) => {
            if (launch.command[0] === 'main') {
              const fails = ++mainRuns === 1 && mainFailsFirst;
              return fails ? JobBehavior.fail({ duration: Duration.seconds(30) }) : JobBehavior.succeed({ duration: Duration.seconds(120) });
            }
            if (launch.command[0] === 'worker') return JobBehavior.succeed({ duration: Duration.seconds(600) });
            return JobBehavior.succeed({ duration: Duration.seconds(Number(launch.command[1])) });
          },
        });
        registerMnp(backend, numNodes, nodevCpus, undefined, 2);
        const events = new Map<JobRecord, Array<{ status: JobStatus; at: number }>>();
        const attempts = new Set<JobRecord[]>();
        backend.addJobStateListener({
          onJobStateChange: (job) => {
            if (!job.mnpParent) return;
            attempts.add(job.mnpParent.nodes!.includes(job) ? job.mnpParent.nodes! : [...attempts].find((nodes) => nodes.includes(job))!);
            events.set(job, [...(events.get(job) ?? []), { status: job.status, at: backend.loop.now() }]);
          },
        });
        const submitFiller = (filler: { vcpus: number; seconds: number }) => backend.submitJob({
          jobName: 'filler',
          jobQueue: 'queue',
          jobDefinition: 'job',
          containerOverrides: { vcpus: Math.min(filler.vcpus, maxvCpus), command: ['filler', String(filler.seconds)] },
        });
        fillers.filter((f) => f.before).forEach(submitFiller);
        const jobId = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mpi' }).jobId;
        fillers.filter((f) => !f.before).forEach(submitFiller);

        // WHEN
        backend.loop.runUntil(backend.loop.now() + 24 * 3_600_000);

        // THEN in every attempt either no node started, or all did when the main node began RUNNING
        const startedAt = (node: JobRecord) => events.get(node)?.find((e) => e.status === 'STARTING')?.at;
        const runningAt = (node: JobRecord) => events.get(node)?.find((e) => e.status === 'RUNNING')?.at;
        for (const nodes of attempts) {
          const main = nodes[0];
          const started = nodes.filter((node) => startedAt(node) !== undefined);
          if (started.length === 0) continue;
          expect(startedAt(main)).toBeDefined();
          expect(nodes.every((node) => node === main || startedAt(node) === runningAt(main))).toBe(true);
          expect(nodes.some((node) => node.statusReason === MAIN_NODE_EXITED && startedAt(node) === undefined)).toBe(false);
        }
        // and the job ran if and only if the CE can hold all its nodes at once
        const fits = numNodes * nodevCpus <= maxvCpus;
        expect(backend.describeJobs([jobId])[0].status).toBe(fits ? 'SUCCEEDED' : 'RUNNABLE');
        if (!fits) expect([...events.values()].flat().some((e) => e.status === 'STARTING')).toBe(false);
      },
    ), { numRuns: 150 });
  });
});
