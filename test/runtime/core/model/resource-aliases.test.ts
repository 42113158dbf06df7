import { ClientException } from '../../../../src/runtime/core/errors';
import { ResourceAliases, withoutResourceSegments } from '../../../../src/runtime/core/model/resource-aliases';

describe('ResourceAliases', () => {
  function aliases(): ResourceAliases {
    const table = new ResourceAliases();
    table.add('job queue', { target: 'Batch-BatchJobQueueAFED2E49-X', logicalId: 'BatchJobQueueAFED2E49', constructPath: 'Batch/Batch/JobQueue/Resource' });
    table.add('job queue', { target: 'other-queue', logicalId: 'OtherJobQueue1234', constructPath: 'Batch/Other/JobQueue/Resource' });
    table.add('compute environment', { target: 'ce', logicalId: 'BatchComputeEnvironment5B829AF6', constructPath: 'Batch/Batch/ComputeEnvironment/Resource/Resource' });
    table.add('job definition', { target: 'arn:aws:batch:us-east-1:123456789012:job-definition/raw:1', logicalId: 'Raw' });
    return table;
  }

  test('issue #15: a logical id, the construct path with or without /Resource, and a unique tail of it name the resource', () => {
    // GIVEN
    const table = aliases();

    // WHEN / THEN
    expect(table.find('job queue', 'BatchJobQueueAFED2E49')).toBe('Batch-BatchJobQueueAFED2E49-X');
    expect(table.find('job queue', 'Batch/Batch/JobQueue/Resource')).toBe('Batch-BatchJobQueueAFED2E49-X');
    expect(table.find('job queue', 'Batch/Batch/JobQueue')).toBe('Batch-BatchJobQueueAFED2E49-X');
    expect(table.find('job queue', 'Batch/JobQueue')).toBe('Batch-BatchJobQueueAFED2E49-X');
    expect(table.find('compute environment', 'ComputeEnvironment')).toBe('ce');
    expect(table.find('compute environment', 'Batch/Batch/ComputeEnvironment/Resource')).toBe('ce');
    expect(table.find('job definition', 'Raw')).toBe('arn:aws:batch:us-east-1:123456789012:job-definition/raw:1');
  });

  test('issue #15: aliases are per kind, and a construct id shared by two resources of a kind names neither', () => {
    // GIVEN
    const table = aliases();

    // WHEN / THEN
    expect(table.find('job definition', 'BatchJobQueueAFED2E49')).toBeUndefined();
    expect(table.find('job queue', 'JobQueue')).toBeUndefined();
    expect(table.find('job queue', 'Other/JobQueue')).toBe('other-queue');
    expect(() => table.checkAmbiguous('job queue', 'JobQueue', 'jobQueue')).toThrow(ClientException);
    expect(() => table.checkAmbiguous('job queue', 'JobQueue', 'jobQueue')).toThrow(
      'jobQueue: "JobQueue" names 2 job queues of the template: BatchJobQueueAFED2E49 (Batch/Batch/JobQueue), OtherJobQueue1234 (Batch/Other/JobQueue); use a longer construct path, the logical id or the name');
    expect(() => table.checkAmbiguous('job queue', 'Batch/JobQueue', 'jobQueue')).not.toThrow();
  });

  test('issue #15: a logical id wins over a construct-path tail that is spelt the same', () => {
    // GIVEN a raw CloudFormation resource with logical id "Queue" and an L2 queue whose construct id is "Queue"
    const table = new ResourceAliases();
    table.add('job queue', { target: 'l2-queue', logicalId: 'AppQueue1234', constructPath: 'Stack/App/Queue/Resource' });
    table.add('job queue', { target: 'raw-queue', logicalId: 'Queue' });

    // WHEN / THEN
    expect(table.find('job queue', 'Queue')).toBe('raw-queue');
    expect(table.find('job queue', 'App/Queue')).toBe('l2-queue');
  });

  test('issue #25: displayName is the construct path without /Resource, else the logical id, for the resource with that name or ARN', () => {
    const table = aliases();
    expect(table.displayName('compute environment', ['ce', 'arn:aws:batch:us-east-1:123456789012:compute-environment/ce'])).toBe('Batch/Batch/ComputeEnvironment');
    expect(table.displayName('job definition', ['raw', 'arn:aws:batch:us-east-1:123456789012:job-definition/raw:1'])).toBe('Raw');
    expect(table.displayName('job queue', ['not-from-the-template'])).toBeUndefined();
  });

  test('issue #15: describe lists logical ids with their construct paths, for "known:" lists', () => {
    expect(aliases().describe('job queue')).toEqual(['BatchJobQueueAFED2E49 (Batch/Batch/JobQueue)', 'OtherJobQueue1234 (Batch/Other/JobQueue)']);
    expect(aliases().describe('job definition')).toEqual(['Raw']);
    expect(aliases().describeAll()).toHaveLength(4);
    expect(withoutResourceSegments('A/B/Resource/Resource')).toBe('A/B');
  });
});
