import { validateEcsProperties } from '../../src/validation';

const resources = [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }];
const task = (containers: Array<Record<string, unknown>>): any => ({ taskProperties: [{ containers }] });

describe('validateEcsProperties (PLAT-2)', () => {
  test('PLAT-2: GIVEN an app with an init container and a sidecar WHEN validated THEN it passes', () => {
    expect(() => validateEcsProperties('ecsProperties', task([
      { name: 'app', image: 'app', resourceRequirements: resources, dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }, { containerName: 'side', condition: 'START' }] },
      { name: 'init', image: 'init', essential: false },
      { name: 'side', image: 'side' },
    ]))).not.toThrow();
  });

  test('PLAT-2: GIVEN not exactly one task, or more than 10 containers WHEN validated THEN each is refused naming the field', () => {
    expect(() => validateEcsProperties('ecsProperties', { taskProperties: [] })).toThrow('ecsProperties.taskProperties: 0 is invalid: exactly 1 task (PLAT-2)');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: 'i', resourceRequirements: resources }));
    expect(() => validateEcsProperties('ecsProperties', task(eleven))).toThrow('ecsProperties.taskProperties[0].containers: 11 is invalid: 1..10 containers (PLAT-2)');
  });

  test('PLAT-2: GIVEN no essential container WHEN validated THEN it is refused', () => {
    expect(() => validateEcsProperties('ecsProperties', task([{ name: 'a', image: 'i', essential: false, resourceRequirements: resources }])))
      .toThrow('at least one essential container');
  });

  test('PLAT-2: GIVEN a duplicate name, an unknown dependency, COMPLETE on an essential container or a cycle WHEN validated THEN each is refused', () => {
    expect(() => validateEcsProperties('ecsProperties', task([{ name: 'a', image: 'i', resourceRequirements: resources }, { name: 'a', image: 'j' }])))
      .toThrow('containers[1].name: "a" is invalid: a name unique within the task');
    expect(() => validateEcsProperties('ecsProperties', task([{ name: 'a', image: 'i', resourceRequirements: resources, dependsOn: [{ containerName: 'b', condition: 'START' }] }])))
      .toThrow('containers[0].dependsOn[0].containerName: "b" is invalid: another container of the task (a)');
    expect(() => validateEcsProperties('ecsProperties', task([
      { name: 'a', image: 'i', resourceRequirements: resources, dependsOn: [{ containerName: 'b', condition: 'COMPLETE' }] }, { name: 'b', image: 'j' },
    ]))).toThrow('COMPLETE and SUCCESS cannot be set on an essential container (PLAT-2): container "b" is essential');
    expect(() => validateEcsProperties('ecsProperties', task([
      { name: 'a', image: 'i', resourceRequirements: resources, dependsOn: [{ containerName: 'b', condition: 'START' }] },
      { name: 'b', image: 'j', dependsOn: [{ containerName: 'a', condition: 'START' }] },
    ]))).toThrow('"a -> b -> a" is invalid: container dependencies without a cycle');
  });

  test('PLAT-2: GIVEN containers that reserve no memory WHEN validated THEN the task is refused', () => {
    expect(() => validateEcsProperties('ecsProperties', task([{ name: 'a', image: 'i', resourceRequirements: [{ type: 'VCPU', value: '1' }] }])))
      .toThrow('{"vcpus":1,"memory":0} is invalid: VCPU and MEMORY resource requirements');
  });
});
