import { BatchJobStatus } from '../../../src/constructs/events';

describe('BatchJobStatus', () => {
  test('LIFE-1: the members are the seven job states, valued as in events', () => {
    expect(Object.values(BatchJobStatus)).toEqual(['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED']);
  });
});
