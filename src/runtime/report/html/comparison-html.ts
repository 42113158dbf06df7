import { shareVcpus } from './chart-specs';
import { policyText, SATURATED_MEANING } from './fair-share-section';
import { cell, escape } from './html-cells';
import { chartSection, reportPage } from './report-html';
import { PlanComparison } from '../plan-comparison';
import { FairShareQueueReport, PlanReport, ShareReport } from '../plan-report';
import { APPROXIMATE_MARKER, formatFigure as fmt, formatPercent as percent, formatUsd } from '../report-numbers';

/**
 * A what-if comparison (docs/plan.md, PLAN-14) as one self-contained page: the runs' headline figures side by side,
 * per fair-share queue one table with a column group per run (weight, waits, target and achieved
 * share), and each run's per-share vCPU chart, full width, one under the other. Cells carry
 * `data-figure` paths into the comparison's JSON (`runs.0.report....`), as the plan page does.
 */
export async function comparisonHtml(comparison: PlanComparison, title: string): Promise<string> {
  const { runs } = comparison;
  const charts: string[] = [];
  for (const [r, run] of runs.entries()) {
    for (const [i, queue] of run.report.fairShareQueues.entries()) {
      charts.push(await chartSection(shareVcpus(queue, `shares-${r}-${i}`, ` (${run.name})`)));
    }
  }
  return reportPage(title, `<section id="summary">
${headline(comparison)}
${queueNames(runs.map((run) => run.report)).map((name) => queueTable(comparison, name)).join('\n')}
<p class="note">${escape(SATURATED_MEANING)}</p>
</section>
${charts.join('\n')}`, 'plan-comparison', comparison);
}

function headline(comparison: PlanComparison): string {
  const row = (label: string, field: string, pick: (report: PlanReport) => number, text: (value: number) => string = fmt): string => `<tr><th>${escape(label)}</th>${
    comparison.runs.map((run, r) => cell(`runs.${r}.report.${field}`, pick(run.report), text(pick(run.report)))).join('')}</tr>`;
  const approx = comparison.runs.some((run) => !run.report.wait.exact) ? ` ${APPROXIMATE_MARKER}` : '';
  return `<table class="grid"><thead><tr><th></th>${comparison.runs.map((run) => `<th>${escape(run.name)}</th>`).join('')}</tr></thead>
<tbody>
${row('Makespan (s)', 'makespanSeconds', (r) => r.makespanSeconds)}
${row('Jobs', 'jobs.total', (r) => r.jobs.total)}
${row('Unfinished', 'jobs.unfinished', (r) => r.jobs.unfinished)}
${row(`Queue wait p50 (s)${approx}`, 'wait.p50Seconds', (r) => r.wait.p50Seconds)}
${row(`Queue wait p90 (s)${approx}`, 'wait.p90Seconds', (r) => r.wait.p90Seconds)}
${row('Queue wait max (s)', 'wait.maxSeconds', (r) => r.wait.maxSeconds)}
${row('Estimated cost (USD)', 'costUsd', (r) => r.costUsd, formatUsd)}
</tbody></table>`;
}

/** Fair-share queues of any run, by name. */
function queueNames(reports: PlanReport[]): string[] {
  return [...new Set(reports.flatMap((report) => report.fairShareQueues.map((q) => q.name)))].sort();
}

/** One row per share, a column group per run. */
function queueTable(comparison: PlanComparison, name: string): string {
  const queues = comparison.runs.map((run) => run.report.fairShareQueues.find((q) => q.name === name));
  const some = queues.find((q): q is FairShareQueueReport => q !== undefined)!;
  const shares = [...new Set(queues.flatMap((q) => q?.shares.map((s) => s.shareIdentifier) ?? []))].sort();
  const columns = ['Weight', 'Wait p50 (s)', 'p90 (s)', 'max (s)', 'Target', 'Achieved'];
  const rows = shares.map((share) => `<tr><th>${escape(share)}</th>${queues.map((q, r) => {
    const j = q?.shares.findIndex((s) => s.shareIdentifier === share) ?? -1;
    if (q === undefined || j < 0) return columns.map(() => '<td>&#8212;</td>').join('');
    const s: ShareReport = q.shares[j];
    const at = `runs.${r}.report.fairShareQueues.${comparison.runs[r].report.fairShareQueues.indexOf(q)}.shares.${j}`;
    const fraction = (value: number): string => (q.saturatedSeconds > 0 ? percent(value) : '\u2014');
    return [
      cell(`${at}.weightFactor`, s.weightFactor),
      cell(`${at}.wait.p50Seconds`, s.wait.p50Seconds),
      cell(`${at}.wait.p90Seconds`, s.wait.p90Seconds),
      cell(`${at}.wait.maxSeconds`, s.wait.maxSeconds),
      cell(`${at}.targetShare`, s.targetShare, fraction(s.targetShare)),
      cell(`${at}.achievedShare`, s.achievedShare, fraction(s.achievedShare)),
    ].join('');
  }).join('')}</tr>`).join('\n');
  const policies = comparison.runs.map((run, r) => (queues[r] ? `${run.name}: ${policyText(queues[r]!)}, saturated ${fmt(queues[r]!.saturatedSeconds)} s` : `${run.name}: no jobs`));
  return `<h2 title="${escape(name)}">${escape(some.label)}</h2>
<p class="note">${policies.map(escape).join('<br>')}</p>
<table class="grid fair-share compare"><thead>
<tr><th rowspan="2">Share</th>${comparison.runs.map((run) => `<th colspan="${columns.length}">${escape(run.name)}</th>`).join('')}</tr>
<tr>${comparison.runs.map(() => columns.map((c) => `<th>${c}</th>`).join('')).join('')}</tr>
</thead>
<tbody>
${rows}
</tbody></table>`;
}
