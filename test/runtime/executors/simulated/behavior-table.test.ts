import { JobBehavior } from '../../../../src';
import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';
import { ResourceRegistry } from '../../../../src/runtime/core/model/resource-registry';
import { BehaviorTable } from '../../../../src/runtime/executors/simulated/behavior-table';
import { containerLaunch } from '../fixtures/recording-sink';

/** A registry as a loaded template leaves it: one definition with a generated name, its logical id and construct path. */
function templateRegistry(): ResourceRegistry {
  const registry = new ResourceRegistry(DEFAULT_ENVIRONMENT);
  const render = registry.storeJobDefinition({
    name: 'Batch-Batchrender1A2B3C4D-QO4TT1FGO9Q9',
    status: 'ACTIVE',
    type: 'container',
    parameters: {},
    tags: {},
    propagateTags: false,
    platformCapabilities: ['EC2'],
    containerProperties: { image: 'public.ecr.aws/render:1' },
  });
  registry.aliases.add('job definition', { target: render.arn, logicalId: 'Batchrender1A2B3C4D', constructPath: 'Batch/Batch/render/Resource' });
  return registry;
}

describe('BehaviorTable', () => {
  const fails = JobBehavior.fail({ exitCode: 137 });
  const renderLaunch = containerLaunch({ jobDefinitionName: 'Batch-Batchrender1A2B3C4D-QO4TT1FGO9Q9', image: 'public.ecr.aws/render:1' });

  test.each(['render', 'Batch/Batch/render', 'Batchrender1A2B3C4D', 'Batch-Batchrender1A2B3C4D-QO4TT1FGO9Q9', 'arn:aws:batch:us-east-1:123456789012:job-definition/Batch-Batchrender1A2B3C4D-QO4TT1FGO9Q9:1'])(
    'issue #15: a byJobDefinition key %s names the definition like any reference once the template is loaded', (key) => {
      // GIVEN
      const table = new BehaviorTable({ byJobDefinition: { [key]: fails } });

      // WHEN
      const warnings = table.bindRegistry(templateRegistry());

      // THEN
      expect(warnings).toEqual([]);
      expect(table.behaviorFor(renderLaunch)).toBe(fails);
      expect(table.behaviorFor(containerLaunch({ jobDefinitionName: 'other' }))).not.toBe(fails);
    });

  test('issue #15: byJobDefinition and byImage keys that match nothing are warnings naming the key and what is known', () => {
    // GIVEN the README's old key, which names nothing in the template
    const table = new BehaviorTable({ byJobDefinition: { flaky: fails }, byImage: { 'busybox': fails, 'public.ecr.aws/render:1': fails } });

    // WHEN
    const warnings = table.bindRegistry(templateRegistry());

    // THEN
    expect(warnings).toEqual([
      'JobExecutor.simulated byJobDefinition["flaky"]: unknown job definition "flaky"; known: Batch-Batchrender1A2B3C4D-QO4TT1FGO9Q9:1; '
        + 'or by logical id (construct path): Batchrender1A2B3C4D (Batch/Batch/render). Its behaviour is never used.',
      'JobExecutor.simulated byImage["busybox"]: no job definition of the template uses image "busybox"; images: public.ecr.aws/render:1. Its behaviour is never used.',
    ]);
  });

  test('MNP-1, PLAT-2: a byImage key naming the image of a container of a node range\'s task is used, not a warning', () => {
    // GIVEN
    const registry = new ResourceRegistry(DEFAULT_ENVIRONMENT);
    registry.storeJobDefinition({
      name: 'nodes',
      status: 'ACTIVE',
      type: 'multinode',
      parameters: {},
      tags: {},
      propagateTags: false,
      platformCapabilities: ['EC2'],
      nodeProperties: { numNodes: 1, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0', ecsProperties: { taskProperties: [{ containers: [{ name: 'app', image: 'mpi:1' }] }] } }] },
    });
    const table = new BehaviorTable({ byImage: { 'mpi:1': fails, 'other:1': fails } });

    // WHEN
    const warnings = table.bindRegistry(registry);

    // THEN
    expect(warnings).toEqual([expect.stringMatching(/^JobExecutor\.simulated byImage\["other:1"\]: .*images: mpi:1\./)]);
  });

  test('issue #15: with strict, keys that match nothing throw, all of them in one error', () => {
    // GIVEN
    const table = new BehaviorTable({ strict: true, byJobDefinition: { flaky: fails }, byImage: { busybox: fails } });

    // WHEN / THEN
    expect(() => table.bindRegistry(templateRegistry())).toThrow(/byJobDefinition\["flaky"\][^]*\n[^]*byImage\["busybox"\]/);
  });

  test('issue #15: byJobName keys are reported only when no job ran with that name (names are chosen at submission)', () => {
    // GIVEN
    const table = new BehaviorTable({ byJobName: { nightly: fails, typo: fails } });
    table.bindRegistry(templateRegistry());

    // WHEN a job named nightly runs
    const behavior = table.behaviorFor(containerLaunch({ jobName: 'nightly' }));

    // THEN its key was used, the other one is reported
    expect(behavior).toBe(fails);
    expect(table.unusedJobNameWarnings()).toEqual(['JobExecutor.simulated byJobName["typo"]: no job named "typo" ran; its behaviour was never used.']);
  });

  test('job name wins over job definition, which wins over image, then the default', () => {
    // GIVEN
    const byName = JobBehavior.succeed();
    const byDefinition = JobBehavior.fail({ exitCode: 1 });
    const byImage = JobBehavior.fail({ exitCode: 2 });
    const fallback = JobBehavior.fail({ exitCode: 3 });
    const table = new BehaviorTable({ defaultBehavior: fallback, byJobName: { n: byName }, byJobDefinition: { render: byDefinition }, byImage: { 'public.ecr.aws/render:1': byImage } });
    table.bindRegistry(templateRegistry());

    // WHEN / THEN
    expect(table.behaviorFor({ ...renderLaunch, jobName: 'n' })).toBe(byName);
    expect(table.behaviorFor(renderLaunch)).toBe(byDefinition);
    expect(table.behaviorFor(containerLaunch({ image: 'public.ecr.aws/render:1' }))).toBe(byImage);
    expect(table.behaviorFor(containerLaunch())).toBe(fallback);
  });
});
