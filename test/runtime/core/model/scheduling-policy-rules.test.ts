import {
  validateFairsharePolicy, validateSchedulingPriority, validateShareIdentifier, weightFactorOf,
} from '../../../../src/runtime/core/model/scheduling-policy-rules';
import { ValidationError } from '../../../../src/validation';

function errorOf(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('no ValidationError');
}

describe('scheduling policy rules', () => {
  test('FS-1: GIVEN no fairsharePolicy WHEN validated THEN AWS defaults apply (decay 0, reservation 0, no shares)', () => {
    expect(validateFairsharePolicy('fairsharePolicy', undefined)).toEqual({ shareDecaySeconds: 0, computeReservation: 0, shareDistribution: [] });
  });

  test('FS-1: GIVEN a share without weightFactor WHEN validated THEN its weight is 1', () => {
    expect(validateFairsharePolicy('p', { shareDistribution: [{ shareIdentifier: 'teamA' }] }).shareDistribution).toEqual([{ shareIdentifier: 'teamA', weightFactor: 1 }]);
  });

  test.each([
    [{ shareDecaySeconds: 604_801 }, 'p.shareDecaySeconds'],
    [{ shareDecaySeconds: -1 }, 'p.shareDecaySeconds'],
    [{ shareDecaySeconds: 1.5 }, 'p.shareDecaySeconds'],
    [{ computeReservation: 100 }, 'p.computeReservation'],
    [{ shareDistribution: [{ shareIdentifier: 'a', weightFactor: 0.00001 }] }, 'p.shareDistribution[0].weightFactor'],
    [{ shareDistribution: [{ shareIdentifier: 'a', weightFactor: 1000 }] }, 'p.shareDistribution[0].weightFactor'],
    [{ shareDistribution: [{ shareIdentifier: 'a-b' }] }, 'p.shareDistribution[0].shareIdentifier'],
    [{ shareDistribution: [{ shareIdentifier: 'a*b' }] }, 'p.shareDistribution[0].shareIdentifier'],
    [{ shareDistribution: Array.from({ length: 501 }, (_, i) => ({ shareIdentifier: `s${i}x` })) }, 'p.shareDistribution'],
  ])('FS-1: GIVEN %j WHEN validated THEN the error names %s', (policy, field) => {
    const error = errorOf(() => validateFairsharePolicy('p', policy as never));
    expect(error.field).toBe(field);
    expect(error.message).toContain('FS-1');
  });

  test('FS-1: GIVEN 500 shares and the bounds of every number WHEN validated THEN they are accepted', () => {
    const policy = {
      shareDecaySeconds: 604_800,
      computeReservation: 99,
      shareDistribution: Array.from({ length: 500 }, (_, i) => ({ shareIdentifier: `s${i}x`, weightFactor: i % 2 ? 0.0001 : 999.9999 })),
    };
    expect(validateFairsharePolicy('p', policy).shareDistribution).toHaveLength(500);
  });

  test('FS-1: GIVEN two overlapping entries WHEN validated THEN the later one is named with the entry it overlaps', () => {
    const error = errorOf(() => validateFairsharePolicy('p', { shareDistribution: [{ shareIdentifier: 'team*' }, { shareIdentifier: 'teamA' }] }));
    expect(error.field).toBe('p.shareDistribution[1].shareIdentifier');
    expect(error.message).toContain('overlaps p.shareDistribution[0] "team*"');
  });

  test('FS-4: GIVEN exact and prefix entries WHEN a share is weighed THEN its entry, else the covering prefix, else 1', () => {
    const policy = validateFairsharePolicy('p', { shareDistribution: [{ shareIdentifier: 'gpu*', weightFactor: 4 }, { shareIdentifier: 'cpu1', weightFactor: 0.5 }] });
    expect(weightFactorOf(policy, 'cpu1')).toBe(0.5);
    expect(weightFactorOf(policy, 'gpuTeam')).toBe(4);
    expect(weightFactorOf(policy, 'other')).toBe(1);
  });

  test('FS-3: GIVEN a share identifier with a * or over 255 characters WHEN a job names it THEN it is refused', () => {
    expect(errorOf(() => validateShareIdentifier('shareIdentifier', 'team*')).field).toBe('shareIdentifier');
    expect(errorOf(() => validateShareIdentifier('shareIdentifier', 'a'.repeat(256))).field).toBe('shareIdentifier');
    expect(() => validateShareIdentifier('shareIdentifier', 'a'.repeat(255))).not.toThrow();
  });

  test('FS-5: GIVEN priorities outside 0..9999 WHEN validated THEN they are refused', () => {
    expect(errorOf(() => validateSchedulingPriority('schedulingPriorityOverride', 10_000, 'FS-3')).message).toContain('0..9999');
    expect(errorOf(() => validateSchedulingPriority('schedulingPriority', -1, 'FS-5')).field).toBe('schedulingPriority');
    expect(() => validateSchedulingPriority('x', 9999, 'FS-5')).not.toThrow();
  });
});
