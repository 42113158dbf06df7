import { parsePolicyOverride, policyOverrideText } from '../../../src/runtime/report/policy-overrides';
import { WorkloadError } from '../../../src/runtime/report/workload';

describe('parsePolicyOverride (PLAN-14)', () => {
  test('share weights, policy settings and an optional policy before the last colon ahead of the first =', () => {
    expect(parsePolicyOverride('teamA=1,analytics*=2.5', '--x')).toEqual({ weights: { 'teamA': 1, 'analytics*': 2.5 } });
    expect(parsePolicyOverride('teams:teamA=1,shareDecaySeconds=600,computeReservation=10', '--x'))
      .toEqual({ policy: 'teams', weights: { teamA: 1 }, shareDecaySeconds: 600, computeReservation: 10 });
    const arn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams';
    expect(parsePolicyOverride(`${arn}:shareDecaySeconds=0`, '--x')).toEqual({ policy: arn, shareDecaySeconds: 0 });
  });

  test('the text of a parsed setting reads as it was given', () => {
    expect(policyOverrideText(parsePolicyOverride('teams:teamA=1,teamB=3,computeReservation=5', '--x'))).toBe('teams:teamA=1,teamB=3,computeReservation=5');
  });

  test.each([
    ['teamA', '"teamA" is not KEY=VALUE'],
    ['teamA=', '"teamA=" is not KEY=VALUE'],
    ['teamA=x', 'teamA: "x" is not a number'],
    ['teamA=1,teamA=2', 'teamA is given twice'],
  ])('%s is refused, naming the option and the value', (text, message) => {
    expect(() => parsePolicyOverride(text, '--compare-weights')).toThrow(WorkloadError);
    expect(() => parsePolicyOverride(text, '--compare-weights')).toThrow(`--compare-weights ${text}: ${message}`);
  });
});
