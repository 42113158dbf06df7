import { fairShareTemplateFile } from './fair-share-plan-fixture';
import { comparePolicySettings, TEMPLATE_RUN } from '../../../src/runtime/report/plan-comparison';
import { planWorkload } from '../../../src/runtime/report/plan-workload';
import { parseWorkload, WorkloadError } from '../../../src/runtime/report/workload';

const workload = parseWorkload({
  submissions: ['teamA', 'teamB'].map((share) => ({ jobName: share, jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: share, count: 40 })),
  behaviors: { one: { durationSeconds: 100 } },
});

describe('comparePolicySettings (PLAN-14)', () => {
  test('FS-4: each run plans with its weights; the template\'s own run equals a plain plan', () => {
    // GIVEN weights 1/1 in the template
    const source = { templateFile: fairShareTemplateFile({ teamA: 1, teamB: 1 }) };

    // WHEN compared with teamB=3 (a single variant: against the template)
    const { runs } = comparePolicySettings(source, workload, [{ weights: { teamB: 3 } }]);

    // THEN
    expect(runs.map((run) => run.name)).toEqual([TEMPLATE_RUN, 'teamB=3']);
    expect(runs[0].report).toEqual(planWorkload(source, workload));
    const split = runs.map((run) => run.report.fairShareQueues[0].shares.map((s) => [s.weightFactor, Math.round(s.targetShare * 100)]));
    expect(split).toEqual([[[1, 50], [1, 50]], [[1, 75], [3, 25]]]);
    // teamB waits longer (median) when it weighs more
    expect(runs[1].report.fairShareQueues[0].shares[1].wait.p50Seconds).toBeGreaterThan(runs[0].report.fairShareQueues[0].shares[1].wait.p50Seconds);
  });

  test('FS-1, FS-6: a new share is added, shareDecaySeconds and computeReservation are set; out-of-range values name the field', () => {
    const source = { templateFile: fairShareTemplateFile({ teamA: 1 }) };
    const { runs } = comparePolicySettings(source, workload, [{ weights: { teamB: 2 }, shareDecaySeconds: 60, computeReservation: 5 }, {}]);
    expect(runs[0].report.fairShareQueues[0]).toMatchObject({ shareDecaySeconds: 60, computeReservation: 5 });
    expect(runs[0].report.fairShareQueues[0].shares.map((s) => s.weightFactor)).toEqual([1, 2]);
    expect(runs[1].report.fairShareQueues[0]).toMatchObject({ shareDecaySeconds: 0, computeReservation: 0 });
    expect(() => comparePolicySettings(source, workload, [{ computeReservation: 100 }], { fieldOf: () => 'run A' }))
      .toThrow(WorkloadError);
    expect(() => comparePolicySettings(source, workload, [{ computeReservation: 100 }], { fieldOf: () => 'run A' }))
      .toThrow(/^run A \(scheduling policy teams-policy\): .*computeReservation.*100/);
  });
});
