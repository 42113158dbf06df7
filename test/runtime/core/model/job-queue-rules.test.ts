import { validateCreateJobQueue, validateUpdateJobQueue } from '../../../../src/runtime/core/model/job-queue-rules';
import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';

const ces: Record<string, Partial<ComputeEnvironmentRecord>> = {
  x86: { name: 'x86', arn: 'arn:x86', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, instanceTypes: ['c5'] } },
  arm: { name: 'arm', arn: 'arn:arm', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 4, instanceTypes: ['m6g'] } },
  unmanaged: { name: 'unmanaged', arn: 'arn:unmanaged', type: 'UNMANAGED' },
};
const resolve = (ref: string, field: string): ComputeEnvironmentRecord => {
  const ce = ces[ref] ?? Object.values(ces).find((c) => c.arn === ref);
  if (!ce) throw new Error(`${field}: unknown ${ref}`);
  return ce as ComputeEnvironmentRecord;
};
const queue = (extra: Record<string, unknown>): any => ({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'x86' }], ...extra });

describe('job queue rules', () => {
  test('SCHED-3: the order is sorted ascending and resolved to records', () => {
    const valid = validateCreateJobQueue(queue({ computeEnvironmentOrder: [{ order: 5, computeEnvironment: 'x86' }, { order: 2, computeEnvironment: 'unmanaged' }] }), resolve, 0);
    expect(valid.computeEnvironmentOrder.map((e) => [e.order, e.computeEnvironment.name])).toEqual([[2, 'unmanaged'], [5, 'x86']]);
  });

  test('LIM-2: the same CE by name and by ARN counts twice; LIM-3: architectures are not mixed', () => {
    expect(() => validateCreateJobQueue(queue({ computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'x86' }, { order: 2, computeEnvironment: 'arn:x86' }] }), resolve, 0))
      .toThrow('each compute environment listed once');
    expect(() => validateCreateJobQueue(queue({ computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'x86' }, { order: 2, computeEnvironment: 'arm' }] }), resolve, 0))
      .toThrow('all compute environments of a queue share one architecture');
    expect(() => validateCreateJobQueue(queue({ computeEnvironmentOrder: undefined }), resolve, 0)).toThrow('computeEnvironmentOrder: undefined is invalid: required (LIM-2)');
  });

  test('SCHED-2: priority is an integer 0..1000', () => {
    expect(() => validateCreateJobQueue(queue({ priority: 1001 }), resolve, 0)).toThrow('priority: 1001 is invalid: an integer 0..1000 (SCHED-2)');
    expect(() => validateCreateJobQueue(queue({ priority: 1.5 }), resolve, 0)).toThrow('(SCHED-2)');
    expect(validateCreateJobQueue(queue({ priority: 0 }), resolve, 0).priority).toBe(0);
  });

  test('DIAG-4: jobStateTimeLimitActions need RUNNABLE, CANCEL, 600..86400 seconds and a reason', () => {
    const action = { reason: 'stuck', state: 'RUNNABLE', maxTimeSeconds: 600, action: 'CANCEL' };
    expect(() => validateCreateJobQueue(queue({ jobStateTimeLimitActions: [action] }), resolve, 0)).not.toThrow();
    expect(() => validateCreateJobQueue(queue({ jobStateTimeLimitActions: [{ ...action, maxTimeSeconds: 599 }] }), resolve, 0)).toThrow('maxTimeSeconds: 599');
    expect(() => validateUpdateJobQueue({ jobQueue: 'q', jobStateTimeLimitActions: [{ ...action, state: 'PENDING' }] }, resolve)).toThrow('state: "PENDING"');
    expect(() => validateUpdateJobQueue({ jobQueue: 'q', jobStateTimeLimitActions: [{ ...action, reason: '' }] }, resolve)).toThrow('reason: ""');
  });
});
