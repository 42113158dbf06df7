import { APPROXIMATE_MARKER, formatFigure, formatPercent, formatUsd, PlanReport } from '../runtime/cli-surface';

/**
 * `batch-local plan`'s summary for people: numbers rounded (`--json` has them exact), the wait
 * percentiles marked when they come from the histogram, Fargate's billed task hours instead of the
 * instance figures it has none of, and the findings.
 */
export function planSummary(report: PlanReport): string {
  const approximate = report.wait.exact ? '' : ` ${APPROXIMATE_MARKER}`;
  const lines = [
    `makespan ${formatFigure(report.makespanSeconds)} s; jobs ${formatFigure(report.jobs.total)} (succeeded ${formatFigure(report.jobs.succeeded)}, `
      + `failed ${formatFigure(report.jobs.failed)}, unfinished ${formatFigure(report.jobs.unfinished)})`,
    `peak instances ${formatFigure(report.peakInstances)}; instance-hours ${formatFigure(report.instanceHours)} (idle ${formatFigure(report.idleInstanceHours)}); `
      + `estimated cost ${formatUsd(report.costUsd)}`,
    `queue wait${approximate} p50 ${formatFigure(report.wait.p50Seconds)} s, p90 ${formatFigure(report.wait.p90Seconds)} s, `
      + `p99 ${formatFigure(report.wait.p99Seconds)} s, max ${formatFigure(report.wait.maxSeconds)} s`,
    ...report.computeEnvironments.map((ce) => (ce.provisioningModel.startsWith('FARGATE')
      ? `  ${ce.label} (${ce.provisioningModel}): no instances; tasks billed ${formatFigure(ce.taskVcpuHours)} vCPU-hours and `
        + `${formatFigure(ce.taskMemoryGbHours)} GB-hours, ${formatUsd(ce.costUsd)}`
      : `  ${ce.label} (${ce.provisioningModel}${ce.instanceTypes.length > 0 ? `, ${ce.instanceTypes.map((t) => `${t.instanceType} × ${t.launched}`).join(', ')}` : ''}): `
        + `peak ${formatFigure(ce.peakInstances)} instances, vCPU ${formatPercent(ce.vcpuUtilization)}, memory ${formatPercent(ce.memoryUtilization)}, ${formatUsd(ce.costUsd)}`)),
    ...report.fairShareQueues.flatMap((q) => [
      `  ${q.label} (fair share, policy ${q.schedulingPolicy}): saturated ${formatFigure(q.saturatedSeconds)} s`,
      ...q.shares.map((s) => `    ${s.shareIdentifier} (weight ${formatFigure(s.weightFactor)}): ${formatFigure(s.jobs)} jobs, wait p50 ${formatFigure(s.wait.p50Seconds)} s, `
        + `p90 ${formatFigure(s.wait.p90Seconds)} s, max ${formatFigure(s.wait.maxSeconds)} s; `
        + (q.saturatedSeconds > 0 ? `vCPU-time ${formatPercent(s.achievedShare)} (target ${formatPercent(s.targetShare)})` : 'never saturated')),
    ]),
    ...(report.findings.length > 0 ? ['findings:', ...report.findings.map((finding) => `  - ${finding.text}`)] : []),
  ];
  return lines.join('\n');
}
