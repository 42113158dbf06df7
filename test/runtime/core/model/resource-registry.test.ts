import { DEFAULT_ENVIRONMENT } from '../../../../src/runtime/core/model/arns';
import { parseDefinitionRef, ResourceRegistry } from '../../../../src/runtime/core/model/resource-registry';

describe('ResourceRegistry', () => {
  const definition = { status: 'ACTIVE' as const, type: 'container' as const, parameters: {}, tags: {}, propagateTags: false, platformCapabilities: ['EC2'] };

  test('revisions count up per name; a bare name resolves to the latest ACTIVE revision', () => {
    // GIVEN
    const registry = new ResourceRegistry(DEFAULT_ENVIRONMENT);
    registry.storeJobDefinition({ ...definition, name: 'a' });
    const second = registry.storeJobDefinition({ ...definition, name: 'a' });

    // WHEN
    second.status = 'INACTIVE';

    // THEN
    expect(registry.jobDefinition('a').revision).toBe(1);
    expect(registry.jobDefinition('a:2').status).toBe('INACTIVE');
    expect(registry.findJobDefinitionRevision('a')).toBeUndefined();
    expect(() => registry.jobDefinition('a:3')).toThrow('unknown job definition "a:3"; known: a:1');
  });

  test('names are unique per type; lookups take names or ARNs and name the known ones when they fail', () => {
    const registry = new ResourceRegistry(DEFAULT_ENVIRONMENT);
    const ce = registry.storeComputeEnvironment({ name: 'ce', type: 'MANAGED', state: 'ENABLED', status: 'VALID', tags: {} });
    expect(() => registry.storeComputeEnvironment({ name: 'ce', type: 'MANAGED', state: 'ENABLED', status: 'VALID', tags: {} })).toThrow('already exists');
    expect(registry.computeEnvironment(ce.arn)).toBe(ce);
    expect(ce.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(() => registry.jobQueue('q')).toThrow('unknown job queue "q"; known: (none)');
  });

  test('parseDefinitionRef reads name, name:revision and ARNs', () => {
    expect(parseDefinitionRef('a')).toEqual({ name: 'a' });
    expect(parseDefinitionRef('a:3')).toEqual({ name: 'a', revision: 3 });
    expect(parseDefinitionRef('arn:aws:batch:us-east-1:1:job-definition/a:3')).toEqual({ name: 'a', revision: 3 });
    expect(parseDefinitionRef('a:0')).toEqual({ name: 'a:0' });
  });
  test('issue #15: lookups take the template\'s logical ids and construct paths after names and ARNs, and list them when they fail', () => {
    // GIVEN a queue and a job definition loaded from a template, with their aliases
    const registry = new ResourceRegistry(DEFAULT_ENVIRONMENT);
    const queue = registry.storeJobQueue({ name: 'Batch-JobQueue-X', state: 'ENABLED', status: 'VALID', priority: 1, computeEnvironmentOrder: [], jobStateTimeLimitActions: [], tags: {} });
    registry.storeJobDefinition({ ...definition, name: 'Batch-Hello-Y' });
    const second = registry.storeJobDefinition({ ...definition, name: 'Batch-Hello-Y' });
    registry.aliases.add('job queue', { target: queue.name, logicalId: 'BatchJobQueueAFED2E49', constructPath: 'Batch/Batch/JobQueue/Resource' });
    registry.aliases.add('job definition', { target: second.arn, logicalId: 'BatchHello42329E88', constructPath: 'Batch/Batch/Hello/Resource' });

    // WHEN / THEN
    expect(registry.jobQueue('JobQueue')).toBe(queue);
    expect(registry.findJobQueue('Batch/Batch/JobQueue')).toBe(queue);
    expect(registry.jobDefinition('Hello')).toBe(second);
    expect(registry.findJobDefinition('BatchHello42329E88')).toBe(second);
    expect(() => registry.jobQueue('Queue')).toThrow(
      'jobQueue: unknown job queue "Queue"; known: Batch-JobQueue-X; or by logical id (construct path): BatchJobQueueAFED2E49 (Batch/Batch/JobQueue)');
    expect(() => registry.jobDefinition('render')).toThrow('known: Batch-Hello-Y:1, Batch-Hello-Y:2; or by logical id (construct path): BatchHello42329E88 (Batch/Batch/Hello)');
  });
});
