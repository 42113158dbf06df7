import { demand } from './capacity-fixtures';
import { PlacementFailureMemo } from '../../../../src/runtime/core/capacity/placement-failure-memo';

describe('PlacementFailureMemo', () => {
  test('SCHED-5: the shape that failed fails again in the same state; another shape or a changed state is tried for real', () => {
    // GIVEN
    const memo = new PlacementFailureMemo();
    const failed = demand(4, 8192);

    // WHEN
    memo.remember(failed, 3, 7, 64);

    // THEN
    expect(memo.failsAgain(demand(4, 8192), 3, 7, 64)).toBe(true);
    expect(memo.failsAgain(demand(4, 8192, 1), 3, 7, 64)).toBe(false);
    expect(memo.failsAgain(demand(4, 8192, 0, 'c5.xlarge'), 3, 7, 64)).toBe(false);
    expect(memo.failsAgain(failed, 4, 7, 64)).toBe(false); // capacity grew
    expect(memo.failsAgain(failed, 3, 8, 64)).toBe(false); // EC2 capacity came back
    expect(memo.failsAgain(failed, 3, 7, 128)).toBe(false); // maxvCpus was raised
  });

  test('SCHED-5: before any failure nothing fails again', () => {
    expect(new PlacementFailureMemo().failsAgain(demand(0, 0), 0, 0, 0)).toBe(false);
  });
});
