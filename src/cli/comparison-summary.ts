import { APPROXIMATE_MARKER, formatFigure, formatPercent, formatUsd, PlanComparison } from '../runtime/cli-surface';

/**
 * `batch-local plan --compare-weights`'s summary for people (docs/plan.md, PLAN-14): each run's headline figures,
 * then per fair-share queue and share one line with each run's waits and achieved (target) share,
 * runs separated by `|` in the order given.
 */
export function comparisonSummary(comparison: PlanComparison): string {
  const { runs } = comparison;
  const lines = runs.map((run, r) => {
    const { report } = run;
    const approx = report.wait.exact ? '' : ` ${APPROXIMATE_MARKER}`;
    return `run ${r + 1} (${run.name}): makespan ${formatFigure(report.makespanSeconds)} s; queue wait${approx} p50 ${formatFigure(report.wait.p50Seconds)} s, `
      + `p90 ${formatFigure(report.wait.p90Seconds)} s, max ${formatFigure(report.wait.maxSeconds)} s; unfinished ${formatFigure(report.jobs.unfinished)}; `
      + `estimated cost ${formatUsd(report.costUsd)}`;
  });
  const names = [...new Set(runs.flatMap((run) => run.report.fairShareQueues.map((q) => q.name)))].sort();
  for (const name of names) {
    const queues = runs.map((run) => run.report.fairShareQueues.find((q) => q.name === name));
    lines.push(`${queues.find((q) => q)!.label}: saturated ${queues.map((q) => (q ? `${formatFigure(q.saturatedSeconds)} s` : '-')).join(' | ')}`);
    const shares = [...new Set(queues.flatMap((q) => q?.shares.map((s) => s.shareIdentifier) ?? []))].sort();
    for (const share of shares) {
      lines.push(`  ${share}: ${queues.map((q) => {
        const s = q?.shares.find((x) => x.shareIdentifier === share);
        if (!q || !s) return 'no jobs';
        const split = q.saturatedSeconds > 0 ? `${formatPercent(s.achievedShare)} (target ${formatPercent(s.targetShare)})` : 'never saturated';
        return `weight ${formatFigure(s.weightFactor)}, wait p50 ${formatFigure(s.wait.p50Seconds)} s, p90 ${formatFigure(s.wait.p90Seconds)} s, `
          + `max ${formatFigure(s.wait.maxSeconds)} s, vCPU-time ${split}`;
      }).join(' | ')}`);
    }
  }
  return lines.join('\n');
}
