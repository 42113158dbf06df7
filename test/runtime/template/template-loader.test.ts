import { BatchBackend } from '../../../src/runtime/core/backend';
import { DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from '../../../src/runtime/core/clock';
import { ClientException } from '../../../src/runtime/core/errors';
import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { loadTemplate } from '../../../src/runtime/template/template-loader';

function backend(): BatchBackend {
  return new BatchBackend({
    clock: new VirtualClock(DEFAULT_VIRTUAL_EPOCH_MS), ids: new SeededIdGenerator(1), runner: JobExecutor.simulated()._createRunner(),
  });
}

const ce = (name: string): any => ({
  Type: 'AWS::Batch::ComputeEnvironment',
  Properties: { ComputeEnvironmentName: name, Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: 4, InstanceTypes: ['optimal'], Subnets: ['s'] } },
});
const TEMPLATE = { Resources: { Bad: ce('bad name'), Good: ce('good'), Unresolved: { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', JobDefinitionName: { Ref: 'Nowhere' } } } } };

describe('loadTemplate', () => {
  test('LIM-8: the first resource the API rejects throws a ClientException naming the resource path and type', () => {
    expect(() => loadTemplate(backend(), TEMPLATE, 'S')).toThrow(ClientException);
    expect(() => loadTemplate(backend(), TEMPLATE, 'S')).toThrow(/^S\/Bad \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name" is invalid/);
  });

  test('LIM-8: with a rejected list, every rejected or unresolvable resource is listed and the others still load', () => {
    // GIVEN
    const rejected: Error[] = [];
    const target = backend();

    // WHEN
    const loaded = loadTemplate(target, TEMPLATE, 'S', {}, { rejected });

    // THEN
    expect(rejected.map((e) => e.message)).toEqual([
      expect.stringMatching(/^S\/Bad \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name" is invalid/),
      expect.stringMatching(/Nowhere/),
    ]);
    expect(target.registry.listComputeEnvironments().map((c) => c.name)).toEqual(['good']);
    expect([...loaded.batchResources.keys()]).toEqual(['Good']);
  });
});
