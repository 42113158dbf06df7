import * as fs from 'fs';
import * as path from 'path';
import { assembleRuntime, loadAssemblyTemplate } from '../../../src/runtime/assembly/runtime-assembly';
import { DEFAULT_VIRTUAL_EPOCH_MS } from '../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';

const FIXTURE = path.join(__dirname, '..', '..', 'cli', 'fixtures', 'small-stack.template.json');
const template = () => JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

describe('assembleRuntime', () => {
  test('#11 §1: on the virtual clock there is no driver, time starts at the virtual epoch and job ids are seeded', () => {
    // GIVEN
    const runner = JobExecutor.simulated()._createRunner();

    // WHEN
    const first = assembleRuntime({ runner, clock: 'virtual', template: { template: template(), stackName: 'Small' } });
    const second = assembleRuntime({ runner, clock: 'virtual', template: { template: template(), stackName: 'Small' } });
    const ids = [first, second].map((a) => a.backend.submitJob({ jobName: 'j', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' }).jobId);

    // THEN
    expect(first.virtual).toBe(true);
    expect(first.driver).toBeUndefined();
    expect(first.backend.loop.now()).toBe(DEFAULT_VIRTUAL_EPOCH_MS);
    expect(ids[0]).toBe(ids[1]);
    expect(first.loaded!.batchResources.get('Queue')).toContain(':job-queue/first-run-job-queue');
    expect(first.events).toBeUndefined();
  });

  test('#11 §1: hooks run in order (before the template loads, after it loads), then the event bridge is built', () => {
    // GIVEN
    const seen: string[] = [];

    // WHEN
    const assembly = assembleRuntime({
      runner: JobExecutor.simulated()._createRunner(),
      clock: 'virtual',
      startEpochMs: 5_000,
      environment: { account: '111122223333', region: undefined },
      template: { template: template(), stackName: 'Small' },
      events: true,
      beforeLoad: (backend) => seen.push(`before:${backend.registry.listJobQueues().length}`),
      afterLoad: (backend, loaded) => seen.push(`after:${backend.registry.listJobQueues().length}:${loaded.batchResources.has('Queue')}`),
    });

    // THEN
    expect(seen).toEqual(['before:0', `after:${assembly.backend.registry.listJobQueues().length}:true`]);
    expect(assembly.backend.registry.listJobQueues().length).toBeGreaterThan(0);
    expect(assembly.events).toBeDefined();
    expect(assembly.backend.loop.now()).toBe(5_000);
    // An undefined field keeps its default instead of erasing it.
    expect(assembly.backend.environment).toEqual({ account: '111122223333', region: 'us-east-1', partition: 'aws' });
  });

  test('#11 §1: on the wall clock a driver fires timers and ids are random; a given id generator wins', () => {
    // GIVEN / WHEN
    const wall = assembleRuntime({ runner: JobExecutor.simulated()._createRunner(), clock: 'wall' });
    const given = assembleRuntime({ runner: JobExecutor.simulated()._createRunner(), clock: 'wall-replayable', startEpochMs: 1_000, ids: new SeededIdGenerator(7) });
    wall.driver!.dispose();
    given.driver!.dispose();

    // THEN
    expect(wall.virtual).toBe(false);
    expect(wall.driver).toBeDefined();
    expect(wall.loaded).toBeUndefined();
    expect(given.backend.loop.now()).toBe(1_000);
    expect(given.clockMode).toBe('wall-replayable');
  });

  test('CE-1: loadAssemblyTemplate collects rejected resources when asked instead of throwing', () => {
    // GIVEN
    const assembly = assembleRuntime({ runner: JobExecutor.simulated()._createRunner(), clock: 'virtual' });
    const broken = { Resources: { Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: 'missing' }] } } } };
    const rejected: Error[] = [];

    // WHEN
    loadAssemblyTemplate(assembly.backend, { template: broken, stackName: 'Broken', rejected });

    // THEN
    expect(rejected.map((e) => e.message).join()).toMatch(/missing/);
    expect(() => loadAssemblyTemplate(assembly.backend, { template: broken, stackName: 'Broken' })).toThrow(/missing/);
  });
});
