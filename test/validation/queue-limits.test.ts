import { catchValidationError } from './catch-validation-error';
import {
  MAX_COMPUTE_ENVIRONMENTS,
  MAX_JOB_QUEUES,
  validateComputeEnvironmentOrder,
  validateQueueComputeEnvironments,
  validateQuota,
} from '../../src/validation/queue-limits';

function order(count: number): Array<{ order: number; computeEnvironment: string }> {
  return Array.from({ length: count }, (_, i) => ({ order: i + 1, computeEnvironment: `ce-${i}` }));
}

describe('validateQuota', () => {
  test('LIM-1: the quotas are 50 job queues and 50 compute environments (API, not the guide\'s 20)', () => {
    expect(MAX_JOB_QUEUES).toBe(50);
    expect(MAX_COMPUTE_ENVIRONMENTS).toBe(50);
  });

  test('LIM-1: a 50th job queue is accepted, a 51st rejected', () => {
    expect(() => validateQuota('jobQueueName', 'job queues', 50, MAX_JOB_QUEUES)).not.toThrow();
    const error = catchValidationError(() => validateQuota('jobQueueName', 'job queues', 51, MAX_JOB_QUEUES));
    expect(error).toMatchObject({ field: 'jobQueueName', value: 51, limit: 'at most 50 job queues per region', rule: 'LIM-1' });
  });

  test('LIM-1: a 51st compute environment is rejected', () => {
    const error = catchValidationError(() => validateQuota('computeEnvironmentName', 'compute environments', 51, MAX_COMPUTE_ENVIRONMENTS));
    expect(error.limit).toBe('at most 50 compute environments per region');
  });
});

describe('validateComputeEnvironmentOrder', () => {
  test('LIM-2: 3 compute environments are accepted, 4 rejected', () => {
    expect(() => validateComputeEnvironmentOrder('computeEnvironmentOrder', order(3))).not.toThrow();
    const error = catchValidationError(() => validateComputeEnvironmentOrder('computeEnvironmentOrder', order(4)));
    expect(error).toMatchObject({ field: 'computeEnvironmentOrder', value: 4, limit: '1..3 compute environments', rule: 'LIM-2' });
  });

  test('LIM-2: 1 compute environment is accepted, 0 rejected', () => {
    expect(() => validateComputeEnvironmentOrder('computeEnvironmentOrder', order(1))).not.toThrow();
    expect(catchValidationError(() => validateComputeEnvironmentOrder('computeEnvironmentOrder', [])).value).toBe(0);
  });

  test('LIM-2: the same order twice is rejected, naming both entries', () => {
    const error = catchValidationError(() => validateComputeEnvironmentOrder('computeEnvironmentOrder', [
      { order: 1, computeEnvironment: 'a' }, { order: 2, computeEnvironment: 'b' }, { order: 1, computeEnvironment: 'c' },
    ]));
    expect(error).toMatchObject({ field: 'computeEnvironmentOrder[2].order', value: 1, limit: 'each order used once', rule: 'LIM-2' });
    expect(error.message).toContain('computeEnvironmentOrder[0] has the same order');
  });

  test('LIM-2: a fractional order is rejected', () => {
    expect(catchValidationError(() => validateComputeEnvironmentOrder('o', [{ order: 1.5, computeEnvironment: 'a' }])).field).toBe('o[0].order');
  });

  test('LIM-2: the same compute environment twice is rejected', () => {
    const error = catchValidationError(() => validateComputeEnvironmentOrder('o', [
      { order: 1, computeEnvironment: 'arn:ce/a' }, { order: 2, computeEnvironment: 'arn:ce/a' },
    ]));
    expect(error).toMatchObject({ field: 'o[1].computeEnvironment', value: 'arn:ce/a', limit: 'each compute environment listed once' });
  });
});

describe('validateQueueComputeEnvironments', () => {
  test('LIM-3: EC2 and SPOT compute environments of one architecture are accepted together', () => {
    expect(() => validateQueueComputeEnvironments('computeEnvironmentOrder', [
      { name: 'od', type: 'EC2', architectures: ['x86_64'] },
      { name: 'spot', type: 'SPOT', architectures: ['x86_64'] },
      { name: 'own', type: 'UNMANAGED', architectures: [] },
    ])).not.toThrow();
  });

  test('LIM-3: compute environments of different architectures are rejected', () => {
    const error = catchValidationError(() => validateQueueComputeEnvironments('computeEnvironmentOrder', [
      { name: 'x86', type: 'EC2', architectures: ['x86_64'] },
      { name: 'fargate', type: 'EC2', architectures: [] },
      { name: 'graviton', type: 'SPOT', architectures: ['arm64'] },
    ]));
    expect(error).toMatchObject({ field: 'computeEnvironmentOrder[2].architectures', value: 'arm64', rule: 'LIM-3' });
    expect(error.message).toContain('compute environment graviton is arm64, x86 is x86_64');
  });

  test('LIM-3: one compute environment whose instance types mix architectures is rejected', () => {
    const error = catchValidationError(() => validateQueueComputeEnvironments('q', [{ name: 'mixed', type: 'EC2', architectures: ['x86_64', 'arm64', 'x86_64'] }]));
    expect(error).toMatchObject({ field: 'q[0].architectures', value: ['x86_64', 'arm64'], rule: 'LIM-3' });
    expect(error.limit).toBe('all instance types of a compute environment share one architecture');
  });

  test.each([['EC2', 'FARGATE'], ['SPOT', 'FARGATE_SPOT'], ['FARGATE', 'UNMANAGED']])(
    'LIM-3: a queue mixing %s and %s compute environments is rejected (API)', (first, second) => {
      const error = catchValidationError(() => validateQueueComputeEnvironments('q', [
        { name: 'one', type: first, architectures: [] }, { name: 'two', type: second, architectures: [] },
      ]));
      expect(error).toMatchObject({ field: 'q[1].type', value: second, rule: 'LIM-3' });
      expect(error.limit).toContain('not mixed in one queue');
    });

  test('LIM-3: FARGATE and FARGATE_SPOT are accepted together', () => {
    expect(() => validateQueueComputeEnvironments('q', [
      { name: 'f', type: 'FARGATE', architectures: [] }, { name: 'fs', type: 'FARGATE_SPOT', architectures: [] },
    ])).not.toThrow();
  });

  test('LIM-3: an unknown compute environment type is rejected', () => {
    expect(catchValidationError(() => validateQueueComputeEnvironments('q', [{ name: 'x', type: 'LAMBDA', architectures: [] }])).field).toBe('q[0].type');
  });
});
