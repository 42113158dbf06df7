import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { T0, testBackend } from '../fixtures';

const requirements = (vcpus: string, memory: string) => [{ type: 'VCPU', value: vcpus }, { type: 'MEMORY', value: memory }];

/** Registers `task` with the given containers (each 1 vCPU, 512 MiB unless it says otherwise). */
function registerTask(backend: BatchBackend, containers: Array<Record<string, unknown>>): void {
  backend.registerJobDefinition({
    jobDefinitionName: 'task',
    type: 'container',
    parameters: { who: 'world' },
    ecsProperties: { taskProperties: [{ containers: containers.map((c) => ({ image: 'busybox', resourceRequirements: requirements('1', '512'), ...c })) }] },
  });
}

/** Behaviours by container name; 10 s and success for the others. */
function byContainer(behaviors: Record<string, JobBehavior>) {
  return { behavior: (launch: { containerName?: string }) => behaviors[launch.containerName ?? ''] ?? JobBehavior.succeed({ duration: Duration.seconds(10) }) };
}

describe('multi-container jobs (PLAT-2)', () => {
  test('PLAT-2: GIVEN an app and a sidecar WHEN the essential app exits THEN the task stops the sidecar and the job takes the app\'s exit code', () => {
    // GIVEN
    const plan = byContainer({
      app: JobBehavior.fail({ exitCode: 3, duration: Duration.seconds(30), logLines: ['app says hi'] }),
      sidecar: JobBehavior.succeed({ duration: Duration.hours(1), logLines: ['sidecar up'] }),
    });
    const { backend, launches } = testBackend({ maxvCpus: 8, behavior: plan.behavior });
    registerTask(backend, [
      { name: 'app', command: ['run', 'Ref::who'] },
      { name: 'sidecar', essential: false },
    ]);

    // WHEN
    const jobId = backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect(job.status).toBe('FAILED');
    expect(job.stoppedAt! - job.startedAt!).toBe(30_000);
    expect(job.container).toBeUndefined();
    const containers = job.ecsProperties.taskProperties[0].containers;
    expect(containers.map((c: any) => [c.name, c.exitCode, c.command])).toEqual([['app', 3, ['run', 'world']], ['sidecar', 143, undefined]]);
    expect(containers[0].logStreamName).toMatch(/^task\/app\/[0-9a-f]{32}$/);
    expect(containers[1].logStreamName).toMatch(/^task\/sidecar\/[0-9a-f]{32}$/);
    expect(job.attempts![0].taskProperties![0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 3], ['sidecar', 143]]);
    expect(job.attempts![0].taskProperties![0].taskArn).toBe(job.ecsProperties.taskProperties[0].taskArn);
    expect(launches.map((l) => [l.containerName, l.environment.AWS_BATCH_JOB_ID])).toEqual([['app', jobId], ['sidecar', jobId]]);
    expect(backend.logs.events('/aws/batch/job', containers[0].logStreamName)!.map((e) => e.message)).toEqual(['app says hi']);
  });

  test('PLAT-2: GIVEN an init container with COMPLETE and a START dependency WHEN the job runs THEN containers start in dependency order', () => {
    // GIVEN
    const starts: Array<[string, number]> = [];
    let now = (): number => 0;
    const { backend } = testBackend({
      maxvCpus: 8,
      behavior: (launch) => {
        starts.push([launch.containerName!, now() - T0]);
        return launch.containerName === 'init' ? JobBehavior.fail({ exitCode: 1, duration: Duration.seconds(20) }) : JobBehavior.succeed({ duration: Duration.seconds(10) });
      },
    });
    now = () => backend.loop.now();
    registerTask(backend, [
      { name: 'app', dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }, { containerName: 'proxy', condition: 'START' }] },
      { name: 'proxy', essential: false, dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] },
      { name: 'init', essential: false },
    ]);

    // WHEN
    const jobId = backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    backend.loop.runUntilIdle();

    // THEN init ran first; proxy, then app, started once it completed (non-zero is fine for COMPLETE)
    const initStart = starts[0][1];
    expect(starts).toEqual([['init', initStart], ['proxy', initStart + 20_000], ['app', initStart + 20_000]]);
    const job = backend.describeJobs([jobId])[0];
    expect(job.status).toBe('SUCCEEDED');
    expect(job.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 0], ['proxy', 0], ['init', 1]]);
  });

  test('PLAT-2: GIVEN a SUCCESS dependency on a container that fails WHEN the job runs THEN the dependent never starts and the job fails saying why', () => {
    // GIVEN
    const plan = byContainer({ migrate: JobBehavior.fail({ exitCode: 2, duration: Duration.seconds(5) }) });
    const { backend, launches } = testBackend({ maxvCpus: 8, behavior: plan.behavior });
    registerTask(backend, [
      { name: 'app', dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] },
      { name: 'migrate', essential: false },
    ]);

    // WHEN
    const jobId = backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect(launches.map((l) => l.containerName)).toEqual(['migrate']);
    expect(job.status).toBe('FAILED');
    const [app, migrate] = job.ecsProperties.taskProperties[0].containers;
    expect(app).not.toHaveProperty('exitCode');
    expect(app.reason).toMatch(/^DependencyConditionNotMet/);
    expect(migrate.exitCode).toBe(2);
  });

  test('PLAT-2: GIVEN a task of two containers WHEN it is placed THEN it reserves the sum of their vCPUs and memory', () => {
    // GIVEN a CE of 4 vCPUs and two tasks of 1 + 2 vCPUs each
    const { backend } = testBackend({ maxvCpus: 4, behavior: () => JobBehavior.succeed({ duration: Duration.minutes(1) }) });
    registerTask(backend, [{ name: 'a' }, { name: 'b', resourceRequirements: requirements('2', '1024') }]);

    // WHEN
    const first = backend.submitJob({ jobName: 'one', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    const second = backend.submitJob({ jobName: 'two', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    backend.loop.runUntilIdle();

    // THEN they could not run side by side
    const [a, b] = backend.describeJobs([first, second]);
    expect(b.startedAt).toBeGreaterThanOrEqual(a.stoppedAt!);
  });

  test('PLAT-2: GIVEN a running task WHEN it is terminated THEN every container is stopped and the job fails with the reason', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 8, behavior: () => JobBehavior.succeed({ duration: Duration.hours(1) }) });
    registerTask(backend, [{ name: 'app' }, { name: 'sidecar', essential: false }]);
    const jobId = backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    backend.loop.runUntil(T0 + 60_000);

    // WHEN
    backend.terminateJob(jobId, 'enough');
    backend.loop.runUntilIdle();

    // THEN
    const job = backend.describeJobs([jobId])[0];
    expect([job.status, job.statusReason]).toEqual(['FAILED', 'enough']);
    expect(job.ecsProperties.taskProperties[0].containers.map((c: any) => c.exitCode)).toEqual([143, 143]);
  });

  test('RETRY-3, PLAT-2: GIVEN a running task, one container ended WHEN its host is lost THEN the running ones end as a job of one container does (no exit code, the host reason), the ended one keeps its code', () => {
    // GIVEN a task whose sidecar exited 2 and whose app runs, and a job of one container running beside it
    const plan = byContainer({
      'app': JobBehavior.succeed({ duration: Duration.hours(1) }),
      'sidecar': JobBehavior.fail({ exitCode: 2, duration: Duration.seconds(10) }),
      '': JobBehavior.succeed({ duration: Duration.hours(1) }), // the job of one container
    });
    const { backend } = testBackend({ maxvCpus: 8, behavior: plan.behavior });
    registerTask(backend, [{ name: 'app' }, { name: 'sidecar', essential: false }]);
    const jobId = backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task' }).jobId;
    const singleId = backend.submitJob({ jobName: 'single', jobQueue: 'queue', jobDefinition: 'job' }).jobId;
    backend.loop.runUntil(T0 + 60_000);

    // WHEN
    backend.recoverLostHosts();
    backend.loop.runUntilIdle();

    // THEN
    const [job, single] = backend.describeJobs([jobId, singleId]);
    expect(job.status).toBe('FAILED');
    expect(single.attempts![0].container).toEqual(expect.objectContaining({ reason: 'Host EC2 instance terminated' }));
    expect(single.attempts![0].container!.exitCode).toBeUndefined();
    const lost = single.attempts![0].container!;
    expect(job.attempts![0].taskProperties![0].containers.map((c: any) => [c.name, c.exitCode, c.reason]))
      .toEqual([['app', lost.exitCode, lost.reason], ['sidecar', 2, undefined]]);
  });

  test('PLAT-2: GIVEN a multi-container definition WHEN submitted with containerOverrides THEN it is a ClientException naming the field', () => {
    // GIVEN
    const { backend } = testBackend();
    registerTask(backend, [{ name: 'app' }]);

    // WHEN / THEN
    expect(() => backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task', containerOverrides: { command: ['x'] } })).toThrow(/containerOverrides: .* multi-container job definition \(ecsProperties\)/);
  });

  test('PLAT-2: GIVEN ecsPropertiesOverride WHEN the job runs THEN the named container gets the command and environment, merged by name; an unknown name is refused', () => {
    // GIVEN
    const { backend, launches } = testBackend({ maxvCpus: 8 });
    registerTask(backend, [
      { name: 'app', command: ['run'], environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'side', essential: false, command: ['side'] },
    ]);

    // WHEN
    const jobId = backend.submitJob({
      jobName: 'j',
      jobQueue: 'queue',
      jobDefinition: 'task',
      ecsPropertiesOverride: { taskProperties: [{ containers: [{ name: 'app', command: ['run', 'fast'], environment: [{ name: 'B', value: 'two' }] }] }] },
    }).jobId;
    backend.loop.runUntilIdle();

    // THEN
    expect(launches.map((l) => [l.containerName, l.command, l.environment.A, l.environment.B])).toEqual([['app', ['run', 'fast'], '1', 'two'], ['side', ['side'], undefined, undefined]]);
    expect(backend.describeJobs([jobId])[0].ecsProperties.taskProperties[0].containers[0].command).toEqual(['run', 'fast']);
    expect(() => backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'task', ecsPropertiesOverride: { taskProperties: [{ containers: [{ name: 'nope', command: ['x'] }] }] } }))
      .toThrow('ecsPropertiesOverride.taskProperties[0].containers[0].name: "nope" names no container of the job definition (app, side)');
  });
});
