import * as batch from 'aws-cdk-lib/aws-batch';
import {
  MAX_IDLE_FRACTION_WITH_DECLARED_SHARES,
  reservedFraction,
} from '../../../src/nag/rules/fair-share-compute-reservation';
import { computeEnvironment, jobQueue, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

/** A queue whose L1 names an L1 fair-share policy with `computeReservation` and `shareCount` shares. */
function fairShareQueue(computeReservation: number | undefined, shareCount: number) {
  const { app, stack } = newTestStack();
  const policy = new batch.CfnSchedulingPolicy(stack, 'Policy', {
    fairsharePolicy: {
      computeReservation,
      shareDistribution: Array.from({ length: shareCount }, (_, i) => ({ shareIdentifier: `team${i}`, weightFactor: 1 })),
    },
  });
  const queue = jobQueue(stack, 'Shared', [computeEnvironment(stack, 'Ce')]);
  queue.schedulingPolicyArn = policy.attrArn;
  return { app, stack, queue };
}

describe('Batch-FS6 computeReservation keeps capacity in use', () => {
  test('FS-6: the reserved fraction is (computeReservation/100)^activeShares', () => {
    expect(reservedFraction(50, 1)).toBe(0.5);
    expect(reservedFraction(50, 2)).toBe(0.25);
    expect(reservedFraction(50, 3)).toBe(0.125);
    expect(reservedFraction(25, 3)).toBeCloseTo(0.015625);
    expect(reservedFraction(0, 1)).toBe(0);
    expect(MAX_IDLE_FRACTION_WITH_DECLARED_SHARES).toBe(0.1);
  });

  test('FS-6: computeReservation 50 with two declared shares (25% idle) is flagged on the queue', () => {
    const { app } = fairShareQueue(50, 2);
    expect(pathsFlaggedBy(app, 'FS6')).toEqual(['Test/Shared']);
  });

  test('FS-6: computeReservation 20 with two declared shares (4% idle) is compliant', () => {
    const { app } = fairShareQueue(20, 2);
    expect(pathsFlaggedBy(app, 'FS6')).toEqual([]);
  });

  test('FS-6: computeReservation 50 with four declared shares (6.25% idle) is compliant', () => {
    const { app } = fairShareQueue(50, 4);
    expect(pathsFlaggedBy(app, 'FS6')).toEqual([]);
  });

  test('FS-6: computeReservation 11 with one declared share (11% idle) is flagged, 10 is not', () => {
    expect(pathsFlaggedBy(fairShareQueue(11, 1).app, 'FS6')).toEqual(['Test/Shared']);
    expect(pathsFlaggedBy(fairShareQueue(10, 1).app, 'FS6')).toEqual([]);
  });

  test('FS-6: a policy without computeReservation or without declared shares is not judged', () => {
    expect(pathsFlaggedBy(fairShareQueue(undefined, 2).app, 'FS6')).toEqual([]);
    expect(pathsFlaggedBy(fairShareQueue(90, 0).app, 'FS6')).toEqual([]);
  });

  test('FS-6: a FIFO queue and a queue whose policy is outside the stack are not judged', () => {
    const { app, stack } = newTestStack();
    jobQueue(stack, 'Fifo', [computeEnvironment(stack, 'Ce')]);
    const imported = jobQueue(stack, 'Imported', [computeEnvironment(stack, 'Ce2')]);
    imported.schedulingPolicyArn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/elsewhere';
    expect(pathsFlaggedBy(app, 'FS6')).toEqual([]);
  });
});
