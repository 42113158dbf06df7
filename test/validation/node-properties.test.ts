import * as fc from 'fast-check';
import { catchValidationError } from './catch-validation-error';
import {
  hasEksNodeRanges,
  NodePropertiesInput,
  NodeRangeInput,
  parseTargetNodes,
  resolveNodeContainers,
  resolveNodeSpecs,
  validateNodeProperties,
} from '../../src/validation/node-properties';

const FULL = { vcpus: 2, memory: 2048 };

function props(numNodes: number, ranges: NodeRangeInput[], mainNode = 0): NodePropertiesInput {
  return { numNodes, mainNode, nodeRangeProperties: ranges };
}

describe('parseTargetNodes', () => {
  test.each([
    ['0:3', 0, 3],
    [':3', 0, 3],
    ['4:', 4, 9],
    ['7', 7, 7],
    [':', 0, 9],
    ['0:9', 0, 9],
    ['9', 9, 9],
    ['2:2', 2, 2],
  ])('LIM-12: targetNodes %j with 10 nodes is nodes %i..%i', (targetNodes, from, to) => {
    expect(parseTargetNodes('t', targetNodes, 10)).toEqual({ from, to });
  });

  test('LIM-12: with 10 nodes, node index 9 is accepted, 10 rejected', () => {
    const error = catchValidationError(() => parseTargetNodes('nodeRangeProperties[0].targetNodes', '10', 10));
    expect(error).toMatchObject({ field: 'nodeRangeProperties[0].targetNodes', value: '10', rule: 'LIM-12' });
    expect(error.message).toContain('the highest node index is 9');
  });

  test('LIM-12: with 10 nodes, range 0:9 is accepted, 0:10 rejected', () => {
    expect(catchValidationError(() => parseTargetNodes('t', '0:10', 10)).value).toBe('0:10');
  });

  test('LIM-12: an open start beyond the last node is rejected ("10:" with 10 nodes)', () => {
    expect(catchValidationError(() => parseTargetNodes('t', '10:', 10)).value).toBe('10:');
  });

  test('LIM-12: a reversed range is rejected', () => {
    const error = catchValidationError(() => parseTargetNodes('t', '5:3', 10));
    expect(error.message).toContain('starts at 5, after its end 3');
  });

  test.each(['', '-1', 'a:b', '1:2:3', ' 1', '1 :2', '0x1', '1.5'])('LIM-12: targetNodes %j is rejected', (targetNodes) => {
    const error = catchValidationError(() => parseTargetNodes('t', targetNodes, 10));
    expect(error).toMatchObject({ field: 't', value: targetNodes, rule: 'LIM-12' });
    expect(error.limit).toContain('"a:b", ":b", "a:" or ":"');
  });
});

describe('validateNodeProperties: counts', () => {
  test('LIM-12: numNodes 1 is accepted, 0 rejected', () => {
    expect(() => validateNodeProperties('nodeProperties', props(1, [{ targetNodes: '0', container: FULL }]))).not.toThrow();
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(0, [{ targetNodes: ':', container: FULL }])));
    expect(error).toMatchObject({ field: 'nodeProperties.numNodes', value: 0, limit: 'an integer 1..1000', rule: 'LIM-12' });
  });

  test('LIM-12: numNodes 1000 is accepted, 1001 rejected', () => {
    expect(() => validateNodeProperties('nodeProperties', props(1000, [{ targetNodes: ':', container: FULL }]))).not.toThrow();
    expect(catchValidationError(() => validateNodeProperties('nodeProperties', props(1001, [{ targetNodes: ':', container: FULL }]))))
      .toMatchObject({ field: 'nodeProperties.numNodes', value: 1001 });
  });

  test('LIM-12: mainNode numNodes-1 is accepted, numNodes rejected', () => {
    const ranges = [{ targetNodes: '0:3', container: FULL }];
    expect(() => validateNodeProperties('nodeProperties', props(4, ranges, 3))).not.toThrow();
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(4, ranges, 4)));
    expect(error).toMatchObject({ field: 'nodeProperties.mainNode', value: 4, limit: 'an integer in [0, numNodes) = [0, 4)', rule: 'LIM-12' });
  });

  test('LIM-12: a negative mainNode is rejected', () => {
    expect(catchValidationError(() => validateNodeProperties('n', props(4, [{ targetNodes: ':', container: FULL }], -1))).value).toBe(-1);
  });

  test('LIM-12: 5 node ranges are accepted, 6 rejected', () => {
    const five = ['0', '1', '2', '3', '4'].map((targetNodes) => ({ targetNodes, container: FULL }));
    expect(() => validateNodeProperties('nodeProperties', props(5, five))).not.toThrow();
    const six = ['0', '1', '2', '3', '4', '5'].map((targetNodes) => ({ targetNodes, container: FULL }));
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(6, six)));
    expect(error).toMatchObject({ field: 'nodeProperties.nodeRangeProperties', value: 6, limit: '1..5 node ranges', rule: 'LIM-12' });
  });

  test('LIM-12: no node range at all is rejected', () => {
    expect(catchValidationError(() => validateNodeProperties('n', props(2, []))).value).toBe(0);
  });
});

describe('validateNodeProperties: coverage and nesting', () => {
  test('LIM-12: ranges that leave node 4 out are rejected, naming node 4', () => {
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(10, [
      { targetNodes: '5:', container: FULL }, { targetNodes: ':3', container: FULL },
    ])));
    expect(error).toMatchObject({ field: 'nodeProperties.nodeRangeProperties', value: 4, rule: 'LIM-12' });
    expect(error.message).toContain('node 4 is in no range');
  });

  test('LIM-12: ranges that stop before the last node are rejected, naming it', () => {
    const error = catchValidationError(() => validateNodeProperties('n', props(10, [{ targetNodes: '0:8', container: FULL }])));
    expect(error.value).toBe(9);
  });

  test('LIM-12: adjacent ranges ":4" and "5:" cover 10 nodes', () => {
    expect(() => validateNodeProperties('n', props(10, [{ targetNodes: ':4', container: FULL }, { targetNodes: '5:', container: FULL }]))).not.toThrow();
  });

  test('LIM-12: a nested range (0:10 with 4:5) is accepted', () => {
    expect(() => validateNodeProperties('n', props(11, [{ targetNodes: '0:10', container: FULL }, { targetNodes: '4:5', container: { memory: 8192 } }]))).not.toThrow();
  });

  test('LIM-12: partially overlapping ranges (0:5 and 3:8) are rejected', () => {
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(9, [
      { targetNodes: '0:5', container: FULL }, { targetNodes: '3:8', container: FULL },
    ])));
    expect(error).toMatchObject({ field: 'nodeProperties.nodeRangeProperties[1].targetNodes', value: '3:8', rule: 'LIM-12' });
    expect(error.message).toContain('partially overlaps nodeRangeProperties[0] ("0:5")');
  });

  test('LIM-12: the same nodes named twice (":3" and "0:3") are rejected', () => {
    const error = catchValidationError(() => validateNodeProperties('n', props(4, [
      { targetNodes: ':3', container: FULL }, { targetNodes: '0:3', container: FULL },
    ])));
    expect(error).toMatchObject({ field: 'n.nodeRangeProperties[1].targetNodes', value: '0:3' });
  });

  test('LIM-12: disjoint ranges covering every node are accepted; dropping any one is rejected', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1000 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 4 }),
      (numNodes, rawCuts) => {
        // GIVEN ranges that split 0..numNodes-1 at the cuts
        const cuts = rawCuts.filter((cut) => cut < numNodes).sort((a, b) => a - b);
        const starts = [0, ...cuts];
        const ranges = starts.map((from, i) => ({ targetNodes: `${from}:${(starts[i + 1] ?? numNodes) - 1}`, container: FULL }));

        // THEN
        validateNodeProperties('n', props(numNodes, ranges));
        if (ranges.length > 1) {
          const dropped = ranges.slice(0, -1);
          expect(catchValidationError(() => validateNodeProperties('n', props(numNodes, dropped))).rule).toBe('LIM-12');
        }
      },
    ));
  });
});

describe('validateNodeProperties: containers', () => {
  test('LIM-12: a node whose container has no memory after overrides is rejected, naming the node', () => {
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(4, [
      { targetNodes: '0:1', container: FULL }, { targetNodes: '2:3', container: { vcpus: 4 } },
    ])));
    expect(error).toMatchObject({ field: 'nodeProperties.nodeRangeProperties', value: 2, rule: 'LIM-12' });
    expect(error.message).toContain('node 2 (targetNodes "2:3") has no memory');
  });

  test('LIM-12: a range without a container is rejected when nothing else gives its nodes vcpus and memory', () => {
    const error = catchValidationError(() => validateNodeProperties('n', props(2, [{ targetNodes: '0', container: FULL }, { targetNodes: '1' }])));
    expect(error.message).toContain('node 1 (targetNodes "1") has no vcpus (or a VCPU resource requirement) and no memory');
  });

  test('LIM-12: vcpus from the wide range and memory from the nested ones complete each other', () => {
    // GIVEN a wide range with vcpus only, and nested ranges giving every node its memory
    const complete = props(4, [
      { targetNodes: ':', container: { vcpus: 2 } },
      { targetNodes: '0:1', container: { memory: 4 } },
      { targetNodes: '2:3', container: { memory: 8 } },
    ]);
    // AND the same without the memory for nodes 2..3
    const incomplete = props(4, [
      { targetNodes: ':', container: { vcpus: 2 } },
      { targetNodes: '0:1', container: { memory: 4 } },
    ]);

    // THEN
    expect(() => validateNodeProperties('n', complete)).not.toThrow();
    expect(catchValidationError(() => validateNodeProperties('n', incomplete)).value).toBe(2);
  });

  test('LIM-12: vcpus and memory may come from VCPU and MEMORY resource requirements', () => {
    expect(() => validateNodeProperties('n', props(3, [
      { targetNodes: '0:2', container: { resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }] } },
      { targetNodes: '1', container: { resourceRequirements: [{ type: 'GPU', value: '1' }] } },
    ]))).not.toThrow();
  });

  test('LIM-9 via LIM-12: an invalid value in a range container is rejected with its path', () => {
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(2, [
      { targetNodes: '0:1', container: FULL }, { targetNodes: '1', container: { vcpus: 0 } },
    ])));
    expect(error).toMatchObject({ field: 'nodeProperties.nodeRangeProperties[1].container.vcpus', value: 0, rule: 'LIM-9' });
  });

  test('LIM-11 via LIM-12: a reserved variable name in a range container is rejected', () => {
    const error = catchValidationError(() => validateNodeProperties('np', props(1, [
      { targetNodes: '0', container: { ...FULL, environment: [{ name: 'AWS_BATCH_X', value: '1' }] } },
    ])));
    expect(error).toMatchObject({ field: 'np.nodeRangeProperties[0].container.environment[0].name', rule: 'LIM-11' });
  });
});

describe('resolveNodeContainers', () => {
  test('LIM-12: a nested range overrides the wider one field by field for its nodes only', () => {
    // GIVEN
    const nodes = resolveNodeContainers(props(11, [
      { targetNodes: '0:10', container: { image: 'a', vcpus: 2, memory: 1024 } },
      { targetNodes: '4:5', container: { memory: 4096 } },
    ]));

    // THEN
    expect(nodes).toHaveLength(11);
    expect(nodes[3]).toEqual({ image: 'a', vcpus: 2, memory: 1024 });
    expect(nodes[4]).toEqual({ image: 'a', vcpus: 2, memory: 4096 });
    expect(nodes[5]).toEqual({ image: 'a', vcpus: 2, memory: 4096 });
    expect(nodes[6]).toEqual({ image: 'a', vcpus: 2, memory: 1024 });
  });

  test('LIM-12: the narrower range wins even when it is listed first; three levels nest', () => {
    const nodes = resolveNodeContainers(props(8, [
      { targetNodes: '3', container: { vcpus: 8 } },
      { targetNodes: '2:4', container: { vcpus: 4, image: 'mid' } },
      { targetNodes: ':', container: { vcpus: 1, memory: 512, image: 'base' } },
    ]));
    expect(nodes.map((node) => node.vcpus)).toEqual([1, 1, 4, 8, 4, 1, 1, 1]);
    expect(nodes[3]).toEqual({ vcpus: 8, memory: 512, image: 'mid' });
  });

  test('LIM-12: resource requirements of nested ranges merge by type', () => {
    const nodes = resolveNodeContainers(props(2, [
      { targetNodes: '0:1', container: { resourceRequirements: [{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }] } },
      { targetNodes: '1', container: { resourceRequirements: [{ type: 'MEMORY', value: '8192' }] } },
    ]));
    expect(nodes[1].resourceRequirements).toEqual([{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '8192' }]);
    expect(nodes[0].resourceRequirements).toEqual([{ type: 'VCPU', value: '2' }, { type: 'MEMORY', value: '1024' }]);
  });

  test('LIM-12: a node no range covers gets an empty container', () => {
    expect(resolveNodeContainers(props(3, [{ targetNodes: '0', container: FULL }]))).toEqual([FULL, {}, {}]);
  });

  test('LIM-12: an out-of-range numNodes is rejected before any node is resolved', () => {
    expect(catchValidationError(() => resolveNodeContainers(props(1_000_000, [{ targetNodes: ':' }]))).field).toBe('nodeProperties.numNodes');
  });
});

describe('ecsProperties node ranges (MNP-1, PLAT-2)', () => {
  const task = { taskProperties: [{ containers: [{ name: 'app', image: 'mpi', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] }] }] };

  test('MNP-1, PLAT-2: GIVEN ranges of ecsProperties and of a container WHEN validated THEN they are accepted and each node runs its narrowest range', () => {
    // GIVEN
    const input = props(3, [{ targetNodes: '0:', container: { image: 'c', ...FULL } }, { targetNodes: '1:2', ecsProperties: task }]);

    // WHEN
    validateNodeProperties('nodeProperties', input);
    const specs = resolveNodeSpecs(input);

    // THEN
    expect(specs.map((s) => s.ecsProperties)).toEqual([undefined, task, task]);
    expect(specs[0].container).toEqual({ image: 'c', ...FULL });
    expect(specs[1].container).toEqual({});
  });

  test('MNP-1: GIVEN a range with both container and ecsProperties WHEN validated THEN the error names the range\'s ecsProperties', () => {
    const error = catchValidationError(() => validateNodeProperties('nodeProperties',
      props(2, [{ targetNodes: '0', container: { image: 'c', ...FULL } }, { targetNodes: '1', container: { image: 'c', ...FULL }, ecsProperties: task }])));
    expect(error.field).toBe('nodeProperties.nodeRangeProperties[1].ecsProperties');
    expect(error.message).toMatch(/not together with container/);
  });

  test('PLAT-2: GIVEN a range whose task container has no MEMORY WHEN validated THEN the error names the range\'s container', () => {
    const bad = { taskProperties: [{ containers: [{ name: 'app', image: 'mpi', resourceRequirements: [{ type: 'VCPU', value: '1' }] }] }] };
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(1, [{ targetNodes: '0', ecsProperties: bad }])));
    expect(error.field).toMatch(/^nodeProperties\.nodeRangeProperties\[0\]\.ecsProperties\.taskProperties\[0\]/);
  });

  test('MNP-1, PLAT-3: GIVEN an eksProperties node range with a pod too small for Kubernetes WHEN validated THEN the pod\'s own rule names the field', () => {
    const pod = { podProperties: { containers: [{ name: 'app', image: 'mpi', resources: { limits: { cpu: '1', memory: '2Mi' } } }] } };
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(1, [{ targetNodes: '0', eksProperties: pod }])));
    expect(error.field).toBe('nodeProperties.nodeRangeProperties[0].eksProperties.podProperties.containers');
    expect(error.message).toMatch(/at least 4 MiB/);
  });
});

describe('eksProperties node ranges (MNP-1, PLAT-3)', () => {
  const pod = (image: string) => ({ podProperties: { containers: [{ name: 'app', image, resources: { limits: { cpu: '1', memory: '512Mi' } } }] } });

  test('MNP-1, PLAT-3: GIVEN pod ranges, nested, with instanceTypes and consumable resources WHEN validated THEN each node runs its narrowest range\'s pod, type and list', () => {
    // GIVEN
    const resources = { consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }] };
    const input = props(3, [
      { targetNodes: '0:', eksProperties: pod('worker'), instanceTypes: ['c5.xlarge'], consumableResourceProperties: resources },
      { targetNodes: '0', eksProperties: pod('main') },
    ]);

    // WHEN
    validateNodeProperties('nodeProperties', input);
    const specs = resolveNodeSpecs(input);

    // THEN
    expect(specs.map((s) => (s.eksProperties as any).podProperties.containers[0].image)).toEqual(['main', 'worker', 'worker']);
    expect(specs.map((s) => [s.instanceType, s.consumableResourceProperties])).toEqual(Array(3).fill(['c5.xlarge', resources]));
    expect(specs.every((s) => s.ecsProperties === undefined && Object.keys(s.container).length === 0)).toBe(true);
  });

  test('MNP-1: GIVEN a pod range beside a container range WHEN validated THEN the error names the container (a job runs on EKS or on ECS)', () => {
    const error = catchValidationError(() => validateNodeProperties('nodeProperties',
      props(2, [{ targetNodes: '0', eksProperties: pod('a') }, { targetNodes: '1', container: { image: 'c', ...FULL } }])));
    expect(error.field).toBe('nodeProperties.nodeRangeProperties[1].container');
    expect(error.message).toMatch(/either on EKS .* or on ECS/);
  });

  test('MNP-1: GIVEN a range with both ecsProperties and eksProperties WHEN validated THEN the error names the range\'s eksProperties', () => {
    const task = { taskProperties: [{ containers: [{ name: 'app', image: 'mpi', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }] }] }] };
    const error = catchValidationError(() => validateNodeProperties('nodeProperties', props(1, [{ targetNodes: '0', ecsProperties: task, eksProperties: pod('a') }])));
    expect(error.field).toBe('nodeProperties.nodeRangeProperties[0].eksProperties');
    expect(error.message).toMatch(/not together with ecsProperties/);
  });

  test('PLAT-3: hasEksNodeRanges tells a job of pods from one of containers', () => {
    expect(hasEksNodeRanges(props(1, [{ targetNodes: '0', eksProperties: pod('a') }]))).toBe(true);
    expect(hasEksNodeRanges(props(1, [{ targetNodes: '0', container: FULL }]))).toBe(false);
    expect(hasEksNodeRanges(undefined)).toBe(false);
  });
});
