import { cell, escape, span } from './html-cells';
import { FairShareQueueReport, WaitStatistics } from '../plan-report';
import { APPROXIMATE_MARKER, formatFigure as fmt, formatPercent as percent } from '../report-numbers';

/** What the saturated period is, said on the page beside the figures that use it (docs/plan.md, PLAN-13). */
export const SATURATED_MEANING = 'Saturated: at least two shares have jobs in the queue and every one of them has a job waiting (RUNNABLE). '
  + 'Target = each share\'s inverse weight over the sum of those shares\' inverse weights, times the vCPUs in use; both are vCPU-time over the saturated period.';

/**
 * The page's "Fair-share queues" part (docs/plan.md, PLAN-13): per queue, its policy and one row per share with
 * its waits and its target vs achieved share of vCPU-time. `path` is the JSON path of the list.
 */
export function fairShareSection(queues: readonly FairShareQueueReport[], path: string): string {
  if (queues.length === 0) return '';
  const tables = queues.map((q, i) => `<h3 title="${escape(q.name)}">${escape(q.label)}</h3>
<p class="note">${escape(policyText(q))}; saturated ${span(`${path}.${i}.saturatedSeconds`, q.saturatedSeconds)} s.</p>
${shareTable(q, `${path}.${i}`)}`).join('\n');
  return `<h2 id="fair-share">Fair-share queues</h2>
${tables}
<p class="note">${escape(SATURATED_MEANING)}</p>`;
}

/** One row per share: weight, jobs, waits, vCPU-seconds, target and achieved share. */
export function shareTable(q: FairShareQueueReport, path: string): string {
  const rows = q.shares.map((s, j) => {
    const at = `${path}.shares.${j}`;
    const share = (field: 'targetShare' | 'achievedShare'): string => cell(`${at}.${field}`, s[field], q.saturatedSeconds > 0 ? percent(s[field]) : '\u2014');
    return `<tr>
<th>${escape(s.shareIdentifier)}</th>
${cell(`${at}.weightFactor`, s.weightFactor)}
${cell(`${at}.jobs`, s.jobs)}
${cell(`${at}.wait.p50Seconds`, s.wait.p50Seconds, quantile(s.wait, s.wait.p50Seconds))}
${cell(`${at}.wait.p90Seconds`, s.wait.p90Seconds, quantile(s.wait, s.wait.p90Seconds))}
${cell(`${at}.wait.maxSeconds`, s.wait.maxSeconds)}
${cell(`${at}.vcpuSeconds`, s.vcpuSeconds)}
${share('targetShare')}
${share('achievedShare')}
</tr>`;
  }).join('\n');
  return `<table class="grid fair-share"><thead><tr><th>Share</th><th>Weight</th><th>Jobs</th><th>Wait p50 (s)</th><th>p90 (s)</th><th>max (s)</th><th>vCPU-seconds</th><th>Target share</th><th>Achieved share</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** `policy teams (decay 3,600 s, reservation 10 %)`. */
export function policyText(q: FairShareQueueReport): string {
  return `policy ${q.schedulingPolicy} (share decay ${fmt(q.shareDecaySeconds)} s, compute reservation ${fmt(q.computeReservation)} %)`;
}

function quantile(wait: WaitStatistics, seconds: number): string {
  return wait.exact ? fmt(seconds) : `${fmt(seconds)} ${APPROXIMATE_MARKER}`;
}
