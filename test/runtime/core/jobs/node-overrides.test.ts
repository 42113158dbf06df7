import { BatchBackend } from '../../../../src/runtime/core/backend';
import { applyNodePropertyOverrides } from '../../../../src/runtime/core/jobs/node-overrides';
import { testBackend } from '../fixtures';

const pod = (role: string) => ({ podProperties: { containers: [{ name: 'app', image: 'mpi', command: [role], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], resources: { limits: { cpu: '1', memory: '512Mi' } } }] } });
const podRanges = [{ targetNodes: '0', eksProperties: pod('main') }, { targetNodes: '1:', eksProperties: pod('worker') }];
const containerRanges = [{ targetNodes: '0:', container: { image: 'mpi', vcpus: 1, memory: 1024, command: ['worker'] } }, { targetNodes: '0', container: { command: ['main'] } }];

describe('node overrides of pods, instance types and consumable resources (MNP-1)', () => {
  test('MNP-1, PLAT-3: GIVEN an eksPropertiesOverride naming a pod range\'s exact nodes THEN the named container\'s command is replaced and its env merged by name', () => {
    // WHEN
    const ranges = applyNodePropertyOverrides(podRanges, [{
      targetNodes: '1:2', eksPropertiesOverride: { podProperties: { containers: [{ name: 'app', command: ['worker', '--fast'], env: [{ name: 'B', value: '3' }] }] } },
    } as never], 3);

    // THEN
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBe(podRanges[0]);
    expect((ranges[1].eksProperties as any).podProperties.containers).toEqual([expect.objectContaining({
      name: 'app', command: ['worker', '--fast'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }],
    })]);
    expect((podRanges[1].eksProperties as any).podProperties.containers[0].command).toEqual(['worker']); // the definition is left as registered
  });

  test.each([
    [{ targetNodes: '1', eksPropertiesOverride: { podProperties: {} } }, /nodePropertyOverrides\[0\]\.eksPropertiesOverride: targetNodes "1" must name exactly the nodes of an eksProperties node range/],
    [{ targetNodes: '1:', eksPropertiesOverride: { podProperties: { containers: [{ name: 'nope' }] } } }, /nodePropertyOverrides\[0\]\.eksPropertiesOverride\.podProperties\.containers\[0\]\.name: "nope" names no container/],
    [{ targetNodes: '1:', eksPropertiesOverride: { podProperties: { containers: [{ name: 'app', resources: { limits: { cpu: '0.3' } } }] } } }, /nodePropertyOverrides\[0\]\.eksPropertiesOverride\.podProperties\.containers\[0\]\.resources/],
    [{ targetNodes: '1:', containerOverrides: { command: ['x'] } }, /containerOverrides: the range "1:" runs an eksProperties pod; use eksPropertiesOverride/],
    [{ targetNodes: '2', containerOverrides: { command: ['x'] } }, /containerOverrides: the job's node ranges are eksProperties pods/],
    [{ targetNodes: '1:', ecsPropertiesOverride: { taskProperties: [] }, eksPropertiesOverride: { podProperties: {} } }, /eksPropertiesOverride: not together with ecsPropertiesOverride/],
  ])('MNP-1, PLAT-3: GIVEN pod ranges and the node override %j THEN it is a ClientException naming the field', (override, message) => {
    expect(() => applyNodePropertyOverrides(podRanges, [override as never], 3)).toThrow(message);
  });

  test('MNP-1, MNP-2, PLAT-4: GIVEN instanceTypes and consumableResourcePropertiesOverride THEN they replace the exact range\'s, or make a range of their own without a container', () => {
    // GIVEN
    const licences = { consumableResourceList: [{ consumableResource: 'licences', quantity: 2 }] };

    // WHEN
    const ranges = applyNodePropertyOverrides(containerRanges, [
      { targetNodes: '0', instanceTypes: ['c5.2xlarge'], consumableResourcePropertiesOverride: licences },
      { targetNodes: '2', instanceTypes: ['c5.2xlarge'] },
    ] as never, 3);

    // THEN
    expect(ranges).toEqual([
      containerRanges[0],
      { targetNodes: '0', container: { command: ['main'] }, instanceTypes: ['c5.2xlarge'], consumableResourceProperties: licences },
      { targetNodes: '2', instanceTypes: ['c5.2xlarge'] },
    ]);
    expect(() => applyNodePropertyOverrides(containerRanges, [{ targetNodes: '0', instanceTypes: ['c5.xlarge', 'c5.2xlarge'] }] as never, 3))
      .toThrow(/nodeOverrides\.nodePropertyOverrides\[0\]\.instanceTypes: .* a list of one instance type/);
  });
});

describe('node overrides at SubmitJob (MNP-1, MNP-2, PLAT-4)', () => {
  function mnpBackend(): BatchBackend {
    const { backend } = testBackend({ maxvCpus: 64 });
    backend.consumableResources.create({ consumableResourceName: 'licences', totalQuantity: 10 });
    backend.registerJobDefinition({ jobDefinitionName: 'mnp', type: 'multinode', nodeProperties: { numNodes: 3, mainNode: 0, nodeRangeProperties: containerRanges } });
    return backend;
  }
  const submit = (backend: BatchBackend, overrides: unknown[]) => backend.submitJob({
    jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp', nodeOverrides: { nodePropertyOverrides: overrides as never },
  }).jobId;

  test('MNP-2: GIVEN instanceTypes in a node override for every node THEN each node is pinned to that type, asking for all its vCPUs', () => {
    // GIVEN
    const backend = mnpBackend();

    // WHEN
    const jobId = submit(backend, [{ targetNodes: '0:', instanceTypes: ['c5.2xlarge'] }]);

    // THEN
    const demands = [0, 1, 2].map((n) => backend.job(`${jobId}#${n}`)!.spec.derived.demand);
    expect(demands).toEqual(Array(3).fill(expect.objectContaining({ instanceType: 'c5.2xlarge', vcpus: 8 })));
    expect(backend.describeJobs([jobId])[0].nodeProperties.nodeRangeProperties[0]).toMatchObject({ targetNodes: '0:', instanceTypes: ['c5.2xlarge'] });
  });

  test('MNP-2: GIVEN a node override pinning only some nodes to another type than the rest THEN it is a ClientException and no job is made', () => {
    // GIVEN
    const backend = mnpBackend();
    backend.registerJobDefinition({
      jobDefinitionName: 'mnp',
      type: 'multinode',
      nodeProperties: { numNodes: 3, mainNode: 0, nodeRangeProperties: [{ ...containerRanges[0], instanceTypes: ['c5.xlarge'] }, containerRanges[1]] },
    });
    const before = [...backend.allJobs()].length;

    // WHEN / THEN
    expect(() => submit(backend, [{ targetNodes: '0', instanceTypes: ['c5.2xlarge'] }])).toThrow(/different instance types \(c5\.2xlarge, c5\.xlarge\).*MNP-2/);
    expect([...backend.allJobs()]).toHaveLength(before);
  });

  test('PLAT-4: GIVEN consumableResourcePropertiesOverride in a node override THEN its nodes need it; an unknown resource is a ClientException naming the override', () => {
    // GIVEN
    const backend = mnpBackend();

    // WHEN
    const jobId = submit(backend, [{ targetNodes: '1:2', consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'licences', quantity: 2 }] } }]);

    // THEN
    expect([0, 1, 2].map((n) => backend.job(`${jobId}#${n}`)!.spec.consumableNeeds)).toEqual([undefined, [{ name: 'licences', quantity: 2 }], [{ name: 'licences', quantity: 2 }]]);
    expect(() => submit(backend, [{ targetNodes: '1:', consumableResourcePropertiesOverride: { consumableResourceList: [{ consumableResource: 'nope', quantity: 1 }] } }]))
      .toThrow(/nodeOverrides\.nodePropertyOverrides\[0\]\.consumableResourcePropertiesOverride\.consumableResourceList\[0\]\.consumableResource: unknown consumable resource "nope"/);
  });
});
