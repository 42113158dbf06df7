import { comparisonHtml } from '../../../../src/runtime/report/html/comparison-html';
import { comparePolicySettings } from '../../../../src/runtime/report/plan-comparison';
import { parseWorkload } from '../../../../src/runtime/report/workload';
import { fairShareTemplateFile } from '../fair-share-plan-fixture';

describe('comparisonHtml (PLAN-14)', () => {
  test('FS-4: the runs side by side: a column group per run per share, each run\'s chart, the comparison as JSON; deterministic', async () => {
    // GIVEN two weight sets
    const workload = parseWorkload({
      submissions: ['teamA', 'teamB'].map((share) => ({ jobName: share, jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: share, count: 12 })),
      behaviors: { one: { durationSeconds: 100 } },
    });
    const source = { templateFile: fairShareTemplateFile({ teamA: 1, teamB: 1 }) };
    const comparison = comparePolicySettings(source, workload, [{ weights: { teamB: 3 } }, { weights: { teamB: 1 } }]);

    // WHEN
    const html = await comparisonHtml(comparison, 'What-if');

    // THEN
    expect(await comparisonHtml(comparison, 'What-if')).toBe(html);
    expect(html).toContain('<th colspan="6">teamB=3</th><th colspan="6">teamB=1</th>');
    expect(html).toContain('<td data-figure="runs.0.report.fairShareQueues.0.shares.1.weightFactor" data-value="3">3</td>');
    expect(html).toContain('<td data-figure="runs.1.report.fairShareQueues.0.shares.1.targetShare" data-value="0.5">50.0%</td>');
    expect(html).toContain('id="chart-shares-0-0"');
    expect(html).toContain('vCPUs in use per share: Teams (teamB=1)');
    const embedded = html.match(/<script type="application\/json" id="plan-comparison">(.*?)<\/script>/s)![1];
    expect(JSON.parse(embedded)).toEqual(JSON.parse(JSON.stringify(comparison)));
  });
});
