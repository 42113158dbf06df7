/**
 * One conformance suite for every executor (simulated, process, docker): the same jobs, driven through
 * `LocalBatchRuntime.fromTemplate` with a small hand-written CloudFormation template, must give the
 * same AWS Batch results. Each executor has a small test file that calls `describeConformance`.
 *
 * The jobs run `probe.js` (fixtures), a tiny step language every executor can run: as a real program
 * (process executor through its image mapping, probe.sh in a real engine's busybox image) or interpreted by a
 * `JobBehavior.custom` handler (simulated executor).
 *
 * Time: virtual-time executors advance the simulation. Real-time executors run real processes while
 * jest's fake timers stand in for the runtime's clock and timers (Date, setTimeout), so a 60 s timeout
 * (LIM-10's minimum) elapses at once; child processes and their I/O stay real.
 */
import { realSetTimeout, TimeControl, useConformanceHooks } from './conformance-time';
import { JobExecutor, LocalBatchRuntime } from '../../../src';

/** Core features the suite depends on; a case whose feature has not landed yet is skipped, not weakened. */
export const CORE_FEATURES = {
  /** Array jobs (ARR-1..5). */
  arrays: true,
  /** Multi-node parallel jobs (MNP-1..8). */
  multiNode: true,
};

/** The probe image every job definition of the suite uses. */
export const PROBE_IMAGE = 'conformance/probe:1';

/** An executor under test. */
export interface ConformanceTarget {
  /** Shown in the suite's name. */
  readonly name: string;
  /** Whether the executor runs in real time (processes) rather than virtual time. */
  readonly realTime: boolean;
  /** The image the job definitions run, when the executor needs a real one. @default PROBE_IMAGE */
  readonly image?: string;
  /** Real executors: the work root they were given, where a pod attempt's emptyDir directory must be gone after it (PLAT-3). */
  readonly workRoot?: string;
  /** Whether a `readOnly` mount refuses writes (a container engine's `:ro`; the process executor only maps paths). @default false */
  readonly enforcesReadOnly?: boolean;
  /** A fresh executor; called once per test. */
  executor(): JobExecutor;
  /** For engines: names of the containers still there for a job id, running or not (must end empty). */
  leftovers?(jobId: string): string[];
}

/** A hand-written template: one managed CE, one queue, a probe job definition and a retrying one. */
export function conformanceTemplate(image: string = PROBE_IMAGE): any {
  const container = {
    Image: image,
    Vcpus: 1,
    Memory: 256,
    Command: ['echo', 'Ref::greeting', 'echo', 'Ref::unknown'],
    Environment: [{ Name: 'WHO', Value: 'definition' }, { Name: 'KEEP', Value: 'kept' }],
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          Type: 'MANAGED',
          State: 'ENABLED',
          ServiceRole: 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole',
          ComputeResources: {
            Type: 'EC2',
            MinvCpus: 0,
            MaxvCpus: 4,
            InstanceTypes: ['optimal'],
            Subnets: ['subnet-0123456789abcdef0'],
            SecurityGroupIds: ['sg-0123456789abcdef0'],
            InstanceRole: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole',
          },
        },
      },
      Queue: {
        Type: 'AWS::Batch::JobQueue',
        Properties: {
          Priority: 1,
          State: 'ENABLED',
          ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }],
        },
      },
      Probe: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: { Type: 'container', Parameters: { greeting: 'hello from the definition' }, ContainerProperties: container },
      },
      Retrying: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: {
          Type: 'container',
          ContainerProperties: container,
          RetryStrategy: { Attempts: 2 },
          Timeout: { AttemptDurationSeconds: 60 },
        },
      },
      ...(CORE_FEATURES.multiNode ? { MultiNode: multiNodeDefinition(container) } : {}),
    },
  };
}

const NODE_ENV_STEPS = ['env', 'AWS_BATCH_JOB_NODE_INDEX', 'env', 'AWS_BATCH_JOB_NUM_NODES', 'env', 'AWS_BATCH_JOB_MAIN_NODE_INDEX'];

function multiNodeDefinition(container: Record<string, unknown>): unknown {
  return {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'multinode',
      NodeProperties: {
        NumNodes: 2,
        MainNode: 0,
        NodeRangeProperties: [
          { TargetNodes: '0:', Container: { ...container, Command: [...NODE_ENV_STEPS] } },
          // The main node waits: its exit stops the other nodes (MNP-4), which must print first. Node 1
          // starts only after node 0 runs (MNP-3), so in real time this covers a process start on a
          // loaded machine (1.5 s did not always); in virtual time it costs nothing.
          { TargetNodes: '0', Container: { Command: [...NODE_ENV_STEPS, 'sleep', '8000'] } },
        ],
      },
    },
  };
}

/** Waits in real time (never the faked timers) until the engine has no container of the job left. */
export async function expectNoContainerLeft(target: ConformanceTarget, jobId: string): Promise<void> {
  if (!target.leftovers) return;
  let left = target.leftovers(jobId);
  for (let i = 0; i < 100 && left.length > 0; i++) {
    await new Promise((resolve) => realSetTimeout(resolve, 200));
    left = target.leftovers(jobId);
  }
  expect(left).toEqual([]);
}

/** The lines of the job's latest attempt that the probe printed on stdout for `env` steps. */
function envLines(runtime: LocalBatchRuntime, jobId: string): string[] {
  return runtime.getJobLogs(jobId).filter((line) => /^[A-Z_]+(=| is unset)/.test(line));
}

/** Registers the suite for one executor. */
export function describeConformance(target: ConformanceTarget): void {
  describe(`executor conformance: ${target.name}`, () => {
    let runtime: LocalBatchRuntime | undefined;
    let time: TimeControl;

    useConformanceHooks(target, { runtime: () => runtime, setTime: (control) => { time = control; }, disposed: () => { runtime = undefined; } });

    const start = (): LocalBatchRuntime => {
      runtime = LocalBatchRuntime.fromTemplate(conformanceTemplate(target.image), { executor: target.executor() });
      return runtime;
    };
    const submit = (rt: LocalBatchRuntime, definition: string, command?: string[], extra: Record<string, unknown> = {}): string =>
      rt.submitJob({
        jobName: 'conformance',
        jobQueue: rt.resourceArn('Queue'),
        jobDefinition: rt.resourceArn(definition),
        ...(command ? { containerOverrides: { command } } : {}),
        ...extra,
      }).jobId;

    test('LIFE-2: exit code 0 SUCCEEDS the job and is recorded', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const job = await time.waitForJob(rt, submit(rt, 'Probe', ['echo', 'done', 'exit', '0']));
      // THEN
      expect(job.status).toBe('SUCCEEDED');
      expect(job.container?.exitCode).toBe(0);
      expect(job.attempts).toHaveLength(1);
    });

    test('LIFE-2: a non-zero exit code FAILS the job with that code', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const job = await time.waitForJob(rt, submit(rt, 'Probe', ['exit', '3']));
      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.container?.exitCode).toBe(3);
      expect(job.attempts?.[0].container?.exitCode).toBe(3);
    });

    test('ENV-1: the container sees AWS_BATCH_JOB_ID, _ATTEMPT, _JQ_NAME and _CE_NAME', async () => {
      // GIVEN
      const rt = start();
      const names = ['AWS_BATCH_JOB_ID', 'AWS_BATCH_JOB_ATTEMPT', 'AWS_BATCH_JQ_NAME', 'AWS_BATCH_CE_NAME', 'AWS_BATCH_JOB_ARRAY_INDEX'];
      // WHEN
      const jobId = submit(rt, 'Probe', names.flatMap((name) => ['env', name]));
      await time.waitForJob(rt, jobId);
      // THEN
      expect(envLines(rt, jobId)).toEqual([
        `AWS_BATCH_JOB_ID=${jobId}`,
        'AWS_BATCH_JOB_ATTEMPT=1',
        `AWS_BATCH_JQ_NAME=${rt.resourceArn('Queue').split('/').pop()}`,
        `AWS_BATCH_CE_NAME=${rt.resourceArn('ComputeEnvironment').split('/').pop()}`,
        'AWS_BATCH_JOB_ARRAY_INDEX is unset',
      ]);
    });

    test('ENV-2: the job definition environment, overridden by name from containerOverrides', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const jobId = submit(rt, 'Probe', undefined, {
        containerOverrides: {
          command: ['env', 'WHO', 'env', 'KEEP', 'env', 'ADDED'],
          environment: [{ name: 'WHO', value: 'override' }, { name: 'ADDED', value: 'new' }],
        },
      });
      await time.waitForJob(rt, jobId);
      // THEN
      expect(envLines(rt, jobId)).toEqual(['WHO=override', 'KEEP=kept', 'ADDED=new']);
    });

    test('PARAM-1: Ref:: takes the submitted value, else the default; unknown placeholders stay; a value never adds arguments', async () => {
      // GIVEN
      const rt = start();
      const hostile = 'hi; exit 9 $(touch /tmp/pwned) echo extra';
      // WHEN
      const withValue = submit(rt, 'Probe', undefined, { parameters: { greeting: hostile } });
      const withDefault = submit(rt, 'Probe');
      const first = await time.waitForJob(rt, withValue);
      await time.waitForJob(rt, withDefault);
      // THEN
      expect(first.status).toBe('SUCCEEDED');
      expect(rt.getJobLogs(withValue)).toEqual([hostile, 'Ref::unknown']);
      expect(rt.getJobLogs(withDefault)).toEqual(['hello from the definition', 'Ref::unknown']);
    });

    test('OVR-1: containerOverrides.command replaces the definition command, with Ref:: substituted', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const jobId = submit(rt, 'Probe', ['echo', 'overridden', 'echo', 'Ref::greeting'], { parameters: { greeting: 'param' } });
      const job = await time.waitForJob(rt, jobId);
      // THEN
      expect(rt.getJobLogs(jobId)).toEqual(['overridden', 'param']);
      expect(job.container?.command).toEqual(['echo', 'overridden', 'echo', 'param']);
    });

    test('LOG-1: stdout and stderr lines reach the attempt log stream <definition>/default/<task id>', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const jobId = submit(rt, 'Probe', ['echo', 'one', 'echo', 'two', 'stderr', 'to stderr', 'exit', '1']);
      const job = await time.waitForJob(rt, jobId);
      // THEN
      const lines = rt.getJobLogs(jobId);
      expect(lines.filter((line) => line !== 'to stderr')).toEqual(['one', 'two']); // one stream keeps its order
      expect(lines).toContain('to stderr');
      const definitionName = rt.resourceArn('Probe').split('/').pop()!.split(':')[0];
      expect(job.container?.logStreamName).toMatch(new RegExp(`^${definitionName}/default/[0-9a-f]{32}$`));
    });

    test('RETRY-1, RETRY-3: a failed attempt is retried and AWS_BATCH_JOB_ATTEMPT counts up', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const jobId = submit(rt, 'Retrying', ['env', 'AWS_BATCH_JOB_ATTEMPT', 'exit-on-attempt', '1:3', 'echo', 'second time lucky']);
      const job = await time.waitForJob(rt, jobId);
      // THEN
      expect(job.status).toBe('SUCCEEDED');
      expect(job.attempts?.map((a) => a.container?.exitCode)).toEqual([3, 0]);
      expect(rt.getJobLogs(jobId)).toEqual(['AWS_BATCH_JOB_ATTEMPT=2', 'second time lucky']);
    });

    test('RETRY-1: attempts are never more than retryStrategy.attempts', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const job = await time.waitForJob(rt, submit(rt, 'Retrying', ['exit', '5']));
      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.attempts?.map((a) => a.container?.exitCode)).toEqual([5, 5]);
    });

    test('TIME-2, TIME-3: at the timeout the container gets SIGTERM (143) and the job FAILS without retry', async () => {
      // GIVEN a job that would run for ten minutes, with a 60 s timeout and 2 attempts
      const rt = start();
      const jobId = submit(rt, 'Retrying', ['echo', 'started', 'sleep', '600000']);
      await time.waitUntil('the job to start', () => rt.getJobLogs(jobId).includes('started'));
      // WHEN
      await time.elapse(60);
      const job = await time.waitForJob(rt, jobId);
      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.statusReason).toBe('Job attempt duration exceeded timeout');
      expect(job.container?.exitCode).toBe(143);
      expect(job.attempts).toHaveLength(1);
      await expectNoContainerLeft(target, jobId);
    });

    test('TIME-2: a container that ignores SIGTERM gets SIGKILL (137) after the grace period', async () => {
      // GIVEN a job that traps SIGTERM
      const rt = start();
      const jobId = submit(rt, 'Retrying', ['trap-term', 'ignoring SIGTERM', 'echo', 'started', 'sleep', '600000']);
      await time.waitUntil('the job to start', () => rt.getJobLogs(jobId).includes('started'));
      // WHEN the timeout passes, then the 30 s grace period
      await time.elapse(60);
      if (target.realTime) {
        // A real container says it got SIGTERM (and not SIGKILL) first; a simulated one cannot print.
        await time.waitUntil('SIGTERM to arrive', () => rt.getJobLogs(jobId).includes('ignoring SIGTERM'));
      }
      expect(rt.describeJob(jobId).status).toBe('RUNNING');
      await time.elapse(30);
      const job = await time.waitForJob(rt, jobId);
      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.statusReason).toBe('Job attempt duration exceeded timeout');
      expect(job.container?.exitCode).toBe(137);
      await expectNoContainerLeft(target, jobId);
    });

    test('LIFE-7: TerminateJob stops a RUNNING container (SIGTERM) and the job FAILS with the reason, never retried', async () => {
      // GIVEN
      const rt = start();
      const jobId = submit(rt, 'Retrying', ['echo', 'started', 'sleep', '600000']);
      await time.waitUntil('the job to start', () => rt.getJobLogs(jobId).includes('started'));
      // WHEN
      rt.terminateJob(jobId, 'stopped by the conformance suite');
      const job = await time.waitForJob(rt, jobId);
      // THEN
      expect(job.status).toBe('FAILED');
      expect(job.statusReason).toBe('stopped by the conformance suite');
      expect(job.isTerminated).toBe(true);
      expect(job.container?.exitCode).toBe(143);
      expect(job.attempts).toHaveLength(1);
      await expectNoContainerLeft(target, jobId);
    });

    (CORE_FEATURES.arrays ? test : test.skip)('ARR-2: each array child sees its AWS_BATCH_JOB_ARRAY_INDEX', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const parentId = submit(rt, 'Probe', ['env', 'AWS_BATCH_JOB_ARRAY_INDEX', 'env', 'AWS_BATCH_JOB_ARRAY_SIZE'], { arrayProperties: { size: 3 } });
      const parent = await time.waitForJob(rt, parentId);
      // THEN
      expect(parent.status).toBe('SUCCEEDED');
      for (const index of [0, 1, 2]) {
        expect(envLines(rt, `${parentId}:${index}`)).toEqual([`AWS_BATCH_JOB_ARRAY_INDEX=${index}`, 'AWS_BATCH_JOB_ARRAY_SIZE=3']);
      }
    });

    (CORE_FEATURES.multiNode ? test : test.skip)('MNP-6: every node sees its node index, the node count and the main node', async () => {
      // GIVEN
      const rt = start();
      // WHEN
      const jobId = submit(rt, 'MultiNode');
      await time.waitForJob(rt, jobId);
      // THEN
      for (const node of [0, 1]) {
        expect(envLines(rt, `${jobId}#${node}`)).toEqual([`AWS_BATCH_JOB_NODE_INDEX=${node}`, 'AWS_BATCH_JOB_NUM_NODES=2', 'AWS_BATCH_JOB_MAIN_NODE_INDEX=0']);
      }
    });
  });
}
