import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { VirtualClock } from '../../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { BATCH_LOG_GROUP } from '../../../../src/runtime/core/logging/log-store';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';

const T0 = Date.UTC(2020, 0, 1);

/** Behaviours by job name: short and long (jittered) runs, failures that retry, one that ignores SIGTERM (stop grace). */
const BEHAVIORS: Record<string, JobBehavior> = {
  short: JobBehavior.succeed({ duration: Duration.seconds(20), logLines: ['short'] }),
  long: JobBehavior.succeed({ duration: Duration.seconds(200), jitter: Duration.seconds(60), logLines: ['long'] }), // draws from the seeded random
  fails: JobBehavior.fail({ duration: Duration.seconds(30), exitCode: 3, logLines: ['failing'] }),
  stubborn: JobBehavior.succeed({ duration: Duration.seconds(500), ignoresSigterm: true }),
};

/** PLAT-2, PLAT-3: a task's or pod's other containers: a sidecar that ignores SIGTERM (the task's stop grace), a quick init container. */
const CONTAINER_BEHAVIORS: Record<string, JobBehavior> = {
  sidecar: JobBehavior.succeed({ duration: Duration.seconds(150), jitter: Duration.seconds(100), ignoresSigterm: true, logLines: ['side'] }),
  init: JobBehavior.succeed({ duration: Duration.seconds(15), logLines: ['init'] }),
};

/**
 * A backend on the instance model (instances start after 90 s and scale in after 120 s idle), a
 * FIFO queue `q`, a fair-share queue `fair` (shares red and blue, weights 0.5 and 2), consumable
 * resources `licenses` (2, replenishable) and `tokens` (6, used up), and a queue `limited` whose head is cancelled after 10 minutes when it can never
 * run (DIAG-4), a Fargate queue `fq` (a pool of 2 vCPUs), an EKS queue `pods`, a queue `mq` for multi-node jobs (its own CE); definitions `job` (1 vCPU),
 * `fjob` (Fargate, 1 vCPU), `mc` (PLAT-2: an essential app and a sidecar that starts after it), `pod`
 * (PLAT-3: an init container, then a main container and a sidecar), `mnp` (two nodes) and `huge` (64 vCPUs, never placed).
 */
function backend(): BatchBackend {
  const created = new BatchBackend({
    clock: new VirtualClock(T0),
    ids: new SeededIdGenerator(7),
    runner: new SimulatedRunner({
      behaviorFor: (launch) => CONTAINER_BEHAVIORS[launch.containerName ?? ''] ?? BEHAVIORS[launch.jobName] ?? BEHAVIORS.short,
    }),
    capacityOptions: { instanceStart: { baseDelayMs: 90_000 }, scaleDownIdleMs: 120_000 },
  });
  created.createComputeEnvironment({
    computeEnvironmentName: 'ce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, instanceTypes: ['m5.large'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  created.createComputeEnvironment({ computeEnvironmentName: 'fce', type: 'MANAGED', computeResources: { type: 'FARGATE', maxvCpus: 2, subnets: ['subnet-1'] } });
  created.createJobQueue({ jobQueueName: 'fq', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'fce' }] });
  created.createComputeEnvironment({
    computeEnvironmentName: 'eks',
    type: 'MANAGED',
    eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' },
    computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, instanceTypes: ['m5.large'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  created.createComputeEnvironment({
    computeEnvironmentName: 'mce',
    type: 'MANAGED',
    computeResources: { type: 'EC2', maxvCpus: 4, minvCpus: 0, instanceTypes: ['m5.large'], subnets: ['subnet-1'], instanceRole: 'ecsInstanceRole' },
  });
  created.createJobQueue({ jobQueueName: 'mq', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'mce' }] });
  created.createJobQueue({ jobQueueName: 'pods', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks' }] });
  created.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  created.createJobQueue({
    jobQueueName: 'limited',
    priority: 2,
    computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }],
    jobStateTimeLimitActions: [{ reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' }],
  });
  const policy = created.createSchedulingPolicy({
    name: 'policy',
    fairsharePolicy: { shareDecaySeconds: 600, computeReservation: 25, shareDistribution: [{ shareIdentifier: 'red', weightFactor: 0.5 }, { shareIdentifier: 'blue', weightFactor: 2 }] },
  });
  created.createJobQueue({ jobQueueName: 'fair', priority: 1, schedulingPolicyArn: policy.arn, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  created.consumableResources.create({ consumableResourceName: 'licenses', totalQuantity: 2, resourceType: 'REPLENISHABLE' });
  created.consumableResources.create({ consumableResourceName: 'tokens', totalQuantity: 6, resourceType: 'NON_REPLENISHABLE' });
  created.registerJobDefinition({ jobDefinitionName: 'job', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 1024, command: ['run'] } });
  created.registerJobDefinition({
    jobDefinitionName: 'fjob',
    type: 'container',
    platformCapabilities: ['FARGATE'],
    containerProperties: { image: 'busybox', command: ['run'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] },
  });
  const vcpu = (value: string): Array<{ type: string; value: string }> => [{ type: 'VCPU', value }, { type: 'MEMORY', value: '512' }];
  created.registerJobDefinition({
    jobDefinitionName: 'mc',
    type: 'container',
    ecsProperties: {
      taskProperties: [{
        containers: [
          { name: 'app', image: 'app', essential: true, command: ['run'], resourceRequirements: vcpu('1') },
          { name: 'sidecar', image: 'side', essential: false, command: ['log'], resourceRequirements: vcpu('0.5'), dependsOn: [{ containerName: 'app', condition: 'START' }] },
        ],
      }],
    },
  });
  const resources = { limits: { cpu: '0.5', memory: '256Mi' } };
  created.registerJobDefinition({
    jobDefinitionName: 'pod',
    type: 'container',
    eksProperties: {
      podProperties: {
        initContainers: [{ name: 'init', image: 'i', resources }],
        containers: [{ name: 'main', image: 'busybox', command: ['run'], resources }, { name: 'sidecar', image: 'side', resources }],
      },
    },
  });
  created.registerJobDefinition({
    jobDefinitionName: 'mnp',
    type: 'multinode',
    nodeProperties: { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:', container: { image: 'mpi', vcpus: 1, memory: 1024, command: ['node'] } }] },
  });
  created.registerJobDefinition({ jobDefinitionName: 'huge', type: 'container', containerProperties: { image: 'busybox', vcpus: 64, memory: 1024, command: ['run'] } });
  return created;
}

/**
 * Checkpoints the backend as `serve --state-dir` does (every part saved, through JSON) and restores
 * it into a fresh one built the same way: standing events cleared, the clock moved to the
 * checkpoint's time, each part put back in order, the id generator moved to its position.
 */
function checkpointAndRestore(from: BatchBackend, ids: SeededIdGenerator): { restored: BatchBackend; ids: SeededIdGenerator } {
  const saved = JSON.parse(JSON.stringify(from.checkpointParts().map((part) => [part.key, part.save()]))) as Array<[string, unknown[]]>;
  const t = from.loop.now();
  const restored = backend();
  const restoredIds = (restored as unknown as { ids: SeededIdGenerator }).ids;
  const parts = new Map(restored.checkpointParts().map((part) => [part.key, part]));
  for (const [key] of saved) parts.get(key)!.clear?.();
  restored.loop.runUntil(t);
  for (const [key, chunks] of saved) parts.get(key)!.restore(chunks);
  restoredIds.restorePosition(ids.position);
  return { restored, ids: restoredIds };
}

/** What a client sees: every job (array children included) as DescribeJobs gives it, the log streams, the lists and the clock. */
function observe(on: BatchBackend, jobIds: readonly string[]): unknown {
  const all = jobIds.flatMap((id) => {
    const job = on.job(id);
    return job ? [id, ...(job.children ?? []).map((child) => child.jobId)] : [id];
  });
  const jobs = all.map((id) => on.describeJobs([id])[0] ?? `${id}: gone`);
  const logs = Object.fromEntries(on.logs.streams(BATCH_LOG_GROUP).map((stream) => [stream, on.logs.events(BATCH_LOG_GROUP, stream)]));
  const lists = ['q', 'fair', 'limited', 'fq', 'pods', 'mq'].map((queue) => on.listJobs({ jobQueue: queue, filters: [{ name: 'JOB_NAME', values: ['*'] }] }).jobSummaryList);
  const consumables = ['licenses', 'tokens'].map((name) => [on.consumableResources.describe(name), on.consumableResources.listJobs({ consumableResource: name })]);
  return { jobs, logs, lists, consumables, now: on.loop.now(), pending: on.loop.pendingEvents, instances: on.capacity.checkpointPart?.().save() };
}

type Op =
  | {
    submit: string;
    array?: number;
    dependsOn?: number;
    timeout?: number;
    attempts?: number;
    huge?: boolean;
    share?: string;
    priority?: number;
    needs?: string[];
    fargate?: boolean;
    containers?: 'task' | 'pod' | 'mnp';
  }
  | { advance: number }
  | { terminate: number }
  | { cancel: number };

const OP: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      submit: fc.constantFrom('short', 'long', 'fails', 'stubborn'),
      array: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
      dependsOn: fc.option(fc.nat(), { nil: undefined }),
      timeout: fc.option(fc.constantFrom(60, 100, 250), { nil: undefined }),
      attempts: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
      huge: fc.integer({ min: 0, max: 7 }).map((n) => n === 0 || undefined), // one job in 8 can never run (DIAG-4)
      share: fc.option(fc.constantFrom('red', 'blue', 'green'), { nil: undefined }), // to the fair-share queue
      priority: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      needs: fc.option(fc.subarray(['licenses', 'tokens'], { minLength: 1 }), { nil: undefined }), // PLAT-4
      fargate: fc.integer({ min: 0, max: 2 }).map((n) => n === 0 || undefined), // one job in 3 to the Fargate queue (PLAT-1)
      containers: fc.constantFrom(undefined, undefined, 'task' as const, 'pod' as const, 'mnp' as const, 'mnp' as const), // PLAT-2, PLAT-3, MNP
    }),
  },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 240_000 }).map((advance): Op => ({ advance })) },
  { weight: 1, arbitrary: fc.nat().map((terminate): Op => ({ terminate })) },
  { weight: 1, arbitrary: fc.nat().map((cancel): Op => ({ cancel })) },
);

function needsOf(names: string[]): Array<{ consumableResource: string; quantity: number }> {
  return names.map((name) => ({ consumableResource: name, quantity: 1 }));
}

/** Applies one step to a backend; refused requests (a dependency on a finished job's parent, ...) are part of the sequence. */
function apply(on: BatchBackend, op: Op, jobIds: string[], record: boolean): void {
  try {
    if ('submit' in op) {
      const { jobId } = on.submitJob({
        jobName: op.submit,
        jobQueue: op.huge ? 'limited' : op.containers === 'pod' ? 'pods' : op.containers === 'mnp' ? 'mq' : op.fargate ? 'fq' : op.share ? 'fair' : 'q',
        ...(op.share && !op.huge && !op.fargate && op.containers !== 'pod' && op.containers !== 'mnp' ? { shareIdentifier: op.share, schedulingPriorityOverride: op.priority ?? 0 } : {}),
        ...(op.needs && op.containers !== 'mnp' ? { consumableResourcePropertiesOverride: { consumableResourceList: needsOf(op.needs) } } : {}),
        jobDefinition: op.huge ? 'huge' : op.containers === 'pod' || op.containers === 'mnp' ? op.containers : op.fargate ? 'fjob' : op.containers === 'task' ? 'mc' : 'job',
        ...(op.array ? { arrayProperties: { size: op.array } } : {}),
        ...(op.dependsOn !== undefined && jobIds.length > 0 ? { dependsOn: [{ jobId: jobIds[op.dependsOn % jobIds.length] }] } : {}),
        ...(op.timeout ? { timeout: { attemptDurationSeconds: op.timeout } } : {}),
        ...(op.attempts ? { retryStrategy: { attempts: op.attempts } } : {}),
      });
      if (record) jobIds.push(jobId);
    } else if ('advance' in op) {
      on.loop.runUntil(on.loop.now() + op.advance);
    } else if ('terminate' in op) {
      if (jobIds.length > 0) on.terminateJob(jobIds[op.terminate % jobIds.length], 'stop it');
    } else if (jobIds.length > 0) {
      on.cancelJob(jobIds[op.cancel % jobIds.length], 'not needed');
    }
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ClientException') throw error;
  }
}

/**
 * Runs every property run includes: a checkpoint while a Fargate job runs, a task's sidecar outlives
 * its app (SIGKILL timer pending), a gang holds a reserved place for a node (MNP-8), the nodes run,
 * and a node still stops after its job ended (MNP-4).
 */
const EXAMPLES: Array<[Op[], Op[]]> = [
  [[{ submit: 'long', fargate: true }, { advance: 5_000 }], [{ advance: 100_000 }]],
  [[{ submit: 'short', containers: 'task' }, { advance: 120_000 }], [{ advance: 10_000 }]],
  [[{ submit: 'stubborn', containers: 'mnp' }, { advance: 30_000 }], [{ advance: 100_000 }]],
  [[{ submit: 'long', containers: 'mnp' }, { submit: 'short', containers: 'pod' }, { advance: 120_000 }], [{ terminate: 0 }]],
  [[{ submit: 'stubborn', containers: 'mnp', timeout: 100 }, { advance: 220_000 }], [{ advance: 1 }]],
];

describe('checkpoints with live jobs (liveWorkCheckpointPart, eventCheckpointPart)', () => {
  test('#21 §2, TIME-2, RETRY-3, DEP-1, ARR-1, DIAG-4, SCHED-5, FS-4, PLAT-4, PLAT-1, PLAT-2, PLAT-3: GIVEN any sequence of submissions (arrays, dependencies, timeouts, retries, FIFO and fair-share queues, consumable resources, Fargate, multi-container tasks, EKS pods), clock moves, terminations and cancels WHEN a checkpoint is taken with jobs unfinished and restored into a fresh runtime THEN the rest of the run equals the uninterrupted run: jobs, attempts, logs, lists, instances and clock', () => {
    let checkpointedLive = 0;
    let checkpointedFargate = 0; // checkpoints holding a live attempt's place in the Fargate pool
    let checkpointedTasks = 0; // checkpoints holding a running multi-container task or pod
    let checkpointedNodes = 0; // checkpoints holding a multi-node job's live node
    let checkpointedReservations = 0; // checkpoints holding places a gang placement reserved (MNP-8)
    fc.assert(fc.property(fc.array(OP, { minLength: 1, maxLength: 25 }), fc.array(OP, { minLength: 1, maxLength: 25 }), (before, after) => {
      // GIVEN the uninterrupted run, and the same run up to the checkpoint
      const uninterrupted = backend();
      const interrupted = backend();
      const jobIds: string[] = [];
      for (const op of before) {
        apply(interrupted, op, [...jobIds], false);
        apply(uninterrupted, op, jobIds, true);
      }
      // the events of the current instant run first, as a server's catch-up does (and the same in both runs)
      uninterrupted.loop.runUntil(uninterrupted.loop.now());
      interrupted.loop.runUntil(interrupted.loop.now());
      if (!interrupted.atRest()) return; // live work that is not carried (none in this workload but a due event): no checkpoint

      // WHEN it is checkpointed and restored
      if (interrupted.hasActiveJobs()) checkpointedLive++;
      if (JSON.stringify(interrupted.capacity.checkpointPart?.().save()).includes('"fargate"')) checkpointedFargate++;
      const live = JSON.stringify(interrupted.checkpointParts().find((part) => part.key === 'jobs.live')!.save());
      if (live.includes('"task"')) checkpointedTasks++;
      if (/"jobId":"[^"]+#\d+"/.test(live)) checkpointedNodes++;
      if (live.includes('"reserved"')) checkpointedReservations++;
      const ids = (interrupted as unknown as { ids: SeededIdGenerator }).ids;
      const { restored } = checkpointAndRestore(interrupted, ids);

      // THEN the restored runtime shows what the uninterrupted one shows, now and after the rest of the run
      expect(observe(restored, jobIds)).toEqual(observe(uninterrupted, jobIds));
      for (const op of after) {
        apply(restored, op, [...jobIds], false);
        apply(uninterrupted, op, jobIds, true);
      }
      uninterrupted.loop.runUntilIdle(1_000_000);
      restored.loop.runUntilIdle(1_000_000);
      expect(observe(restored, jobIds)).toEqual(observe(uninterrupted, jobIds));
    }), { numRuns: 200, examples: EXAMPLES });
    expect(checkpointedLive).toBeGreaterThan(20);
    expect(checkpointedFargate).toBeGreaterThan(0);
    expect(checkpointedTasks).toBeGreaterThan(0);
    expect(checkpointedNodes).toBeGreaterThan(0);
    expect(checkpointedReservations).toBeGreaterThan(0);
  });
});
