import { validateRegisterJobDefinition } from '../../../../src/runtime/core/model/job-definition-rules';

const container = { image: 'busybox', resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }] };
const definition = (extra: Record<string, unknown>): any => ({ jobDefinitionName: 'jd', type: 'container', containerProperties: container, ...extra });
const nodes = { numNodes: 2, mainNode: 0, nodeRangeProperties: [{ targetNodes: '0:1', container }] };

describe('job definition rules', () => {
  test('container and multinode job definitions as CDK writes them pass; types are normalized', () => {
    expect(validateRegisterJobDefinition(definition({ retryStrategy: {}, timeout: {} }))).toEqual({ type: 'container', platformCapabilities: ['EC2'] });
    expect(validateRegisterJobDefinition({ jobDefinitionName: 'mn', type: 'MultiNode', nodeProperties: nodes } as any).type).toBe('multinode');
  });

  test('MNP-1, LIM-12, LIM-14: multinode needs valid nodeProperties and no containerProperties, and runs on EC2 only', () => {
    expect(() => validateRegisterJobDefinition({ jobDefinitionName: 'mn', type: 'multinode' } as any)).toThrow('nodeProperties: undefined is invalid: required');
    expect(() => validateRegisterJobDefinition({ jobDefinitionName: 'mn', type: 'multinode', nodeProperties: { ...nodes, mainNode: 2 } } as any)).toThrow('(LIM-12)');
    expect(() => validateRegisterJobDefinition({ jobDefinitionName: 'mn', type: 'multinode', nodeProperties: nodes, containerProperties: container } as any)).toThrow('not for a multinode');
    expect(() => validateRegisterJobDefinition({ jobDefinitionName: 'mn', type: 'multinode', nodeProperties: nodes, platformCapabilities: ['FARGATE'] } as any)).toThrow('(LIM-14)');
    expect(() => validateRegisterJobDefinition(definition({ nodeProperties: nodes }))).toThrow('only for a job definition of type multinode');
  });

  test('LIM-9: Fargate job definitions are checked against the Fargate size table', () => {
    expect(() => validateRegisterJobDefinition(definition({ platformCapabilities: ['FARGATE'], containerProperties: { image: 'i', resourceRequirements: [{ type: 'VCPU', value: '3' }, { type: 'MEMORY', value: '2048' }] } })))
      .toThrow('one of 0.25, 0.5, 1, 2, 4, 8, 16 (Fargate VCPU)');
    expect(validateRegisterJobDefinition(definition({ platformCapabilities: ['FARGATE'] })).platformCapabilities).toEqual(['FARGATE']);
    expect(() => validateRegisterJobDefinition(definition({ platformCapabilities: ['EC2', 'FARGATE'] }))).toThrow('one of [EC2] or [FARGATE]');
  });

  test('LIM-10: retry strategy and timeout limits; PARAM-1: parameters are strings', () => {
    expect(() => validateRegisterJobDefinition(definition({ retryStrategy: { attempts: 11 } }))).toThrow('retryStrategy.attempts: 11');
    expect(() => validateRegisterJobDefinition(definition({ timeout: { attemptDurationSeconds: 59 } }))).toThrow('timeout.attemptDurationSeconds: 59');
    expect(() => validateRegisterJobDefinition(definition({ parameters: { a: 1 } }))).toThrow('parameters.a: 1 is invalid: a string (PARAM-1)');
  });

  test('PLAT-2: GIVEN ecsProperties WHEN registered THEN a valid task passes, and it is one way of describing containers', () => {
    // GIVEN
    const ecsProperties = { taskProperties: [{ containers: [{ name: 'app', ...container }, { name: 'log', image: 'fluent', essential: false }] }] };

    // THEN
    expect(validateRegisterJobDefinition({ jobDefinitionName: 'mc', type: 'container', ecsProperties } as any)).toEqual({ type: 'container', platformCapabilities: ['EC2'] });
    expect(() => validateRegisterJobDefinition(definition({ ecsProperties }))).toThrow('ecsProperties: {"taskProperties"');
    expect(() => validateRegisterJobDefinition(definition({ ecsProperties }))).toThrow('not together with containerProperties');
    expect(() => validateRegisterJobDefinition({ jobDefinitionName: 'mn', type: 'multinode', nodeProperties: nodes, ecsProperties } as any)).toThrow('not at the top of a multinode job definition');
  });

  test('PLAT-3: GIVEN eksProperties WHEN registered THEN a valid pod passes with no platform capabilities; platformCapabilities are refused', () => {
    // GIVEN
    const eksProperties = { podProperties: { containers: [{ image: 'busybox', resources: { limits: { cpu: '1', memory: '1024Mi' } } }] } };

    // THEN
    expect(validateRegisterJobDefinition({ jobDefinitionName: 'eks', type: 'container', eksProperties } as any)).toEqual({ type: 'container', platformCapabilities: [] });
    expect(() => validateRegisterJobDefinition({ jobDefinitionName: 'eks', type: 'container', eksProperties, platformCapabilities: ['EC2'] } as any))
      .toThrow('platformCapabilities: ["EC2"] is invalid: absent for a job definition that runs on Amazon EKS (eksProperties) (PLAT-3)');
  });
});
