import { LocalBatchRuntime, JobExecutor } from '../../../../src';
import { EngineCall, HOLDER_IMAGE_OPTION, NETWORK_HOLDER_LABEL, TaskNetworks } from '../../../../src/runtime/executors/docker/task-network';
import { conformanceTemplate } from '../conformance';
import { BUSYBOX_IMAGE, containersLeftOfJob, describeWithRealEngine } from '../fixtures/real-engine';
import { containerLaunch } from '../fixtures/recording-sink';
import { addEksQueue } from '../multi-container-conformance';

/** An engine that records its calls and answers each when the test says so. */
class ScriptedEngine {
  readonly calls: string[][] = [];
  private readonly pending: Array<(error: string | undefined) => void> = [];
  readonly call: EngineCall = (args, done) => {
    this.calls.push(args);
    this.pending.push(done);
  };
  /** Answers the oldest unanswered call. */
  answer(error?: string): void {
    this.pending.shift()!(error);
  }
  verbs(): string[] {
    return this.calls.map((args) => args[0]);
  }
}

describe('TaskNetworks (against a scripted engine)', () => {
  test('PLAT-2: GIVEN two containers of one task attempt WHEN both join THEN one holder is created, labeled, with the task\'s network mode, and both get it', () => {
    // GIVEN
    const engine = new ScriptedEngine();
    const networks = new TaskNetworks(engine.call);
    const launch = containerLaunch({ jobId: 'job-1', attempt: 2, image: 'img:1', containerName: 'app' });
    const joined: Array<[string | undefined, string | undefined]> = [];
    // WHEN
    networks.join(launch, 'holder-a', ['--network', 'none'], (holder, error) => joined.push([holder, error]));
    networks.join({ ...launch, containerName: 'sidecar' }, 'holder-b', ['--network', 'none'], (holder, error) => joined.push([holder, error]));
    engine.answer();
    // THEN
    expect(engine.verbs()).toEqual(['run']);
    expect(engine.calls[0]).toEqual(expect.arrayContaining(['-d', '--rm', 'holder-a', 'cdk-batch-kit.job-id=job-1', 'cdk-batch-kit.attempt=2', NETWORK_HOLDER_LABEL, 'none', 'img:1']));
    expect(engine.calls[0].slice(-4)).toEqual(['--entrypoint', 'sleep', 'img:1', '2147483647']);
    expect(joined).toEqual([['holder-a', undefined], ['holder-a', undefined]]);
  });

  test('PLAT-2: GIVEN a holder WHEN another attempt of the same job joins THEN it gets a holder of its own', () => {
    // GIVEN
    const engine = new ScriptedEngine();
    const networks = new TaskNetworks(engine.call);
    networks.join(containerLaunch({ jobId: 'job-1', attempt: 1, image: 'img', containerName: 'app' }), 'first', [], () => undefined);
    engine.answer();
    // WHEN
    networks.join(containerLaunch({ jobId: 'job-1', attempt: 2, image: 'img', containerName: 'app' }), 'second', [], () => undefined);
    // THEN
    expect(engine.calls.map((args) => args[4])).toEqual(['first', 'second']);
  });

  test('PLAT-2: GIVEN the engine cannot create the holder WHEN containers join THEN each gets the reason and the half-made holder is removed', () => {
    // GIVEN
    const engine = new ScriptedEngine();
    const networks = new TaskNetworks(engine.call);
    const launch = containerLaunch({ jobId: 'job-1', image: 'img', containerName: 'app' });
    const errors: Array<string | undefined> = [];
    networks.join(launch, 'holder', [], (_holder, error) => errors.push(error));
    // WHEN
    engine.answer('Error: executable file `sleep` not found');
    networks.join({ ...launch, containerName: 'sidecar' }, 'other', [], (_holder, error) => errors.push(error));
    // THEN
    const reason = 'cannot create the task\'s network holder (sleep in img): Error: executable file `sleep` not found; '
      + `an image with \`sleep\` can hold it instead: ${HOLDER_IMAGE_OPTION}`;
    expect(errors).toEqual([reason, reason]);
    expect(engine.calls.slice(1)).toEqual([['rm', '-f', 'holder']]);
  });

  test('PLAT-2: GIVEN a holder image WHEN a task\'s container joins THEN the holder runs sleep from that image, not the task\'s', () => {
    // GIVEN
    const engine = new ScriptedEngine();
    const networks = new TaskNetworks(engine.call, 0, 'busybox:1.36');
    const errors: Array<string | undefined> = [];
    // WHEN
    networks.join(containerLaunch({ jobId: 'job-1', image: 'distroless/app:1', containerName: 'app' }), 'holder', ['--network', 'none'], (_holder, error) => errors.push(error));
    engine.answer('Error: busybox:1.36: image not known');
    // THEN
    expect(engine.calls[0].slice(-4)).toEqual(['--entrypoint', 'sleep', 'busybox:1.36', '2147483647']);
    expect(engine.calls[0]).not.toContain('distroless/app:1');
    expect(errors).toEqual(['cannot create the task\'s network holder (sleep in busybox:1.36): Error: busybox:1.36: image not known']);
  });

  test('PLAT-2: GIVEN a running holder WHEN the attempt ends THEN it is removed, retried while the engine refuses', async () => {
    // GIVEN
    const engine = new ScriptedEngine();
    const networks = new TaskNetworks(engine.call, 1);
    networks.join(containerLaunch({ jobId: 'job-1', image: 'img', containerName: 'app' }), 'holder', [], () => undefined);
    engine.answer();
    // WHEN
    networks.end('job-1', 1);
    engine.answer('Error: container has dependent containers');
    await new Promise((resolve) => setTimeout(resolve, 50));
    engine.answer();
    // THEN
    expect(engine.calls.slice(1)).toEqual([['rm', '-f', 'holder'], ['rm', '-f', 'holder']]);
  });

  test('PLAT-2: GIVEN a holder still being created WHEN the attempt ends THEN it is removed once created', () => {
    // GIVEN
    const engine = new ScriptedEngine();
    const networks = new TaskNetworks(engine.call);
    networks.join(containerLaunch({ jobId: 'job-1', image: 'img', containerName: 'app' }), 'holder', [], () => undefined);
    // WHEN
    networks.end('job-1', 1);
    engine.answer();
    // THEN
    expect(engine.calls.slice(1)).toEqual([['rm', '-f', 'holder']]);
  });
});

// Real containers on a shared machine: a generous ceiling per test, never a timing assertion.
jest.setTimeout(240_000);

/** The app connects to localhost:8080 until the sidecar answers (it may not listen yet when the app starts). */
const CLIENT = 'i=0; while [ $i -lt 150 ]; do if /bin/busybox nc 127.0.0.1 8080 </dev/null 2>/dev/null; then exit 0; fi; i=$((i+1)); sleep 0.2; done; echo "no answer on localhost:8080"; exit 1';

function template(): any {
  const base = conformanceTemplate(BUSYBOX_IMAGE);
  const resources = [{ Type: 'VCPU', Value: '1' }, { Type: 'MEMORY', Value: '64' }];
  base.Resources.Task = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      EcsProperties: {
        TaskProperties: [{
          Containers: [
            {
              Name: 'app',
              Image: BUSYBOX_IMAGE,
              ResourceRequirements: resources,
              Command: ['sh', '-c', CLIENT],
              DependsOn: [{ ContainerName: 'sidecar', Condition: 'START' }],
            },
            {
              // sh traps TERM so the stop after the app's exit ends it at once (PID 1 ignores TERM otherwise).
              Name: 'sidecar',
              Image: BUSYBOX_IMAGE,
              Essential: false,
              ResourceRequirements: resources,
              Command: ['sh', '-c', 'trap "exit 0" TERM; /bin/busybox nc -ll -p 8080 -e /bin/busybox echo pong from the sidecar & wait'],
            },
          ],
        }],
      },
    },
  };
  // PLAT-3: a pod whose server answers one connection on localhost:8081 and whose client connects to it.
  addEksQueue(base);
  const podResources = { Limits: { cpu: '0.5', memory: '64Mi' } };
  base.Resources.Pod = {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      EksProperties: {
        PodProperties: {
          Containers: [
            { Name: 'server', Image: BUSYBOX_IMAGE, Command: ['/bin/busybox', 'nc', '-l', '-p', '8081', '-e', '/bin/busybox', 'echo', 'pong from the pod'], Resources: podResources },
            { Name: 'client', Image: BUSYBOX_IMAGE, Command: ['sh', '-c', CLIENT.replace(/8080/g, '8081')], Resources: podResources },
          ],
        },
      },
    },
  };
  return base;
}

describeWithRealEngine('task network namespace on a real engine', (engine) => {
  test('PLAT-2: GIVEN a sidecar listening on localhost:8080 WHEN the app of the same task connects to localhost:8080 THEN it gets the answer, and no container (holder included) is left after the attempt', async () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(template(), { executor: JobExecutor.docker({}) });
    try {
      // WHEN
      const jobId = runtime.submitJob({ jobName: 'net', jobQueue: runtime.resourceArn('Queue'), jobDefinition: runtime.resourceArn('Task') }).jobId;
      const job = await runtime.waitForJob(jobId);
      // THEN
      const app = job.ecsProperties!.taskProperties[0].containers[0];
      expect([job.status, app.exitCode, runtime.getLogStream(app.logStreamName!)]).toEqual(['SUCCEEDED', 0, ['pong from the sidecar']]);
      expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
    } finally {
      runtime.dispose();
    }
  });

  test('PLAT-3: GIVEN a pod whose server listens on localhost:8081 WHEN its client connects to localhost:8081 THEN it gets the answer, and no container is left', async () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate(template(), { executor: JobExecutor.docker({}) });
    try {
      // WHEN
      const jobId = runtime.submitJob({ jobName: 'pod-net', jobQueue: runtime.resourceArn('EksQueue'), jobDefinition: runtime.resourceArn('Pod') }).jobId;
      const job = await runtime.waitForJob(jobId);
      // THEN
      const attempt = job.eksAttempts![0];
      const definitionName = runtime.resourceArn('Pod').split('/').pop()!.split(':')[0];
      const clientLog = runtime.getLogStream(`${definitionName}/client/${attempt.podName!.replace(/^aws-batch\./, '').replace(/-/g, '')}`);
      expect([job.status, attempt.containers!.map((c: any) => [c.name, c.exitCode]), clientLog]).toEqual(['SUCCEEDED', [['server', 0], ['client', 0]], ['pong from the pod']]);
      expect(await containersLeftOfJob(engine, jobId)).toEqual([]);
    } finally {
      runtime.dispose();
    }
  });
});
