import { comparisonSummary } from '../../src/cli/comparison-summary';
import { comparePolicySettings } from '../../src/runtime/report/plan-comparison';
import { parseWorkload } from '../../src/runtime/report/workload';
import { fairShareTemplateFile } from '../runtime/report/fair-share-plan-fixture';

describe('comparison summary (PLAN-14)', () => {
  test('FS-4: a line per run, then per share each run\'s weight, waits and achieved (target) share, runs separated by |', () => {
    const workload = parseWorkload({
      submissions: ['teamA', 'teamB'].map((share) => ({ jobName: share, jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: share, count: 20 })),
      behaviors: { one: { durationSeconds: 100 } },
    });
    const comparison = comparePolicySettings({ templateFile: fairShareTemplateFile({ teamA: 1, teamB: 1 }) }, workload, [{ weights: { teamB: 3 } }]);

    const lines = comparisonSummary(comparison).split('\n');

    expect(lines[0]).toMatch(/^run 1 \(as in the template\): makespan 1,000 s; queue wait p50 [0-9,.]+ s, p90 [0-9,.]+ s, max 900 s; unfinished 0; estimated cost \$[0-9.]+$/);
    expect(lines[1]).toMatch(/^run 2 \(teamB=3\): makespan /);
    expect(lines[2]).toBe('Teams: saturated 900 s | 600 s');
    expect(lines[3]).toMatch(/^ {2}teamA: weight 1, wait p50 [0-9,.]+ s, p90 [0-9,.]+ s, max [0-9,.]+ s, vCPU-time 50\.0% \(target 50\.0%\) \| weight 1, .*vCPU-time 75\.0% \(target 75\.0%\)$/);
    expect(lines[4]).toMatch(/^ {2}teamB: weight 1, .* \| weight 3, .*vCPU-time 25\.0% \(target 25\.0%\)$/);
  });
});
