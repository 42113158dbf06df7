import { CfnParameter, Duration } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { newTestStack, pathsFlaggedBy } from '../nag-fixtures';

describe('Batch-FS1 scheduling policy limits', () => {
  test('FS-1: a plain aws-cdk-lib FairshareSchedulingPolicy within the limits is compliant', () => {
    const { app, stack } = newTestStack();
    new batch.FairshareSchedulingPolicy(stack, 'Policy', {
      shareDecay: Duration.hours(1),
      computeReservation: 20,
      shares: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'teamB*', weightFactor: 3 }],
    });
    expect(pathsFlaggedBy(app, 'FS1')).toEqual([]);
  });

  test('FS-1: overlapping prefixes in an aws-cdk-lib policy are flagged (aws-cdk-lib checks nothing)', () => {
    const { app, stack } = newTestStack();
    const policy = new batch.FairshareSchedulingPolicy(stack, 'Policy', { shares: [{ shareIdentifier: 'team*', weightFactor: 1 }] });
    policy.addShare({ shareIdentifier: 'te*', weightFactor: 1 });
    expect(pathsFlaggedBy(app, 'FS1')).toEqual(['Test/Policy/Resource']);
  });

  test.each([
    ['shareDecaySeconds 604801', { shareDecaySeconds: 604_801 }],
    ['computeReservation 100', { computeReservation: 100 }],
    ['a weightFactor of 1000', { shareDistribution: [{ shareIdentifier: 'a', weightFactor: 1000 }] }],
    ['a duplicate identifier', { shareDistribution: [{ shareIdentifier: 'a' }, { shareIdentifier: 'a' }] }],
    ['501 shares', { shareDistribution: Array.from({ length: 501 }, (_, i) => ({ shareIdentifier: `s${i}` })) }],
  ])('FS-1: an L1 policy with %s is flagged', (_label, fairsharePolicy) => {
    const { app, stack } = newTestStack();
    new batch.CfnSchedulingPolicy(stack, 'Policy', { fairsharePolicy });
    expect(pathsFlaggedBy(app, 'FS1')).toEqual(['Test/Policy']);
  });

  test('LIM-8: a policy name with a space is flagged', () => {
    const { app, stack } = newTestStack();
    new batch.CfnSchedulingPolicy(stack, 'Policy', { name: 'team policy' });
    expect(pathsFlaggedBy(app, 'FS1')).toEqual(['Test/Policy']);
  });

  test('FS-1: a share identifier known only at deploy time leaves the list unjudged', () => {
    const { app, stack } = newTestStack();
    const team = new CfnParameter(stack, 'Team', { type: 'String' });
    new batch.CfnSchedulingPolicy(stack, 'Policy', {
      fairsharePolicy: { shareDistribution: [{ shareIdentifier: team.valueAsString }, { shareIdentifier: 'a' }] },
    });
    expect(pathsFlaggedBy(app, 'FS1')).toEqual([]);
  });
});
