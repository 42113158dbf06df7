import { chartSpecs, NamedChart } from './chart-specs';
import { fairShareSection } from './fair-share-section';
import { cell, escape } from './html-cells';
import { renderSvg } from './render-svg';
import { PlanReport, WaitStatistics } from '../plan-report';
import { APPROXIMATE_MARKER, formatFigure as fmt, formatPercent as percent, formatUsd } from '../report-numbers';

/**
 * The report as one self-contained HTML page: inline SVG charts, inline CSS, the figures as JSON in
 * a script tag, nothing fetched at view time. No timestamp or random id goes in, so the same report
 * gives the same bytes. Summary cells carry `data-figure` (the JSON path) and `data-value` (the
 * exact number) so a test can compare the page with `--json`.
 */
export async function reportHtml(report: PlanReport, title: string): Promise<string> {
  const charts = [];
  for (const chart of chartSpecs(report)) charts.push(await chartSection(chart));
  return reportPage(title, `${summary(report)}
${charts.join('\n')}
<p class="note">Prices: ${escape(report.priceSource)}. Times are virtual seconds from the start of the run; timeline buckets are ${fmt(report.bucketSeconds)} s wide.</p>`,
  'plan-report', report);
}

/** One chart of a report page: its title and the SVG rendered from its spec. */
export async function chartSection(chart: NamedChart): Promise<string> {
  return `<section class="chart" id="chart-${chart.id}"><h2>${escape(chart.title)}</h2>${await renderSvg(chart.spec)}</section>`;
}

/**
 * A whole report page: the title, the body, and the data the page shows as JSON (`dataId`), so a
 * test or a script can read the exact figures back.
 */
export function reportPage(title: string, body: string, dataId: string, data: unknown): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
${body}
<script type="application/json" id="${dataId}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
}

function summary(report: PlanReport): string {
  const run = [
    row('Makespan', 'makespanSeconds', report.makespanSeconds, `${duration(report.makespanSeconds)}`),
    row('Jobs', 'jobs.total', report.jobs.total),
    row('Succeeded', 'jobs.succeeded', report.jobs.succeeded),
    row('Failed', 'jobs.failed', report.jobs.failed),
    row('Unfinished', 'jobs.unfinished', report.jobs.unfinished),
    row('Peak instances', 'peakInstances', report.peakInstances),
    row('Instance-hours', 'instanceHours', report.instanceHours),
    row('Idle instance-hours', 'idleInstanceHours', report.idleInstanceHours),
    row('Estimated cost (USD)', 'costUsd', report.costUsd, formatUsd(report.costUsd)),
    ...waitRows('wait', report.wait),
  ].join('\n');
  const fargate = report.computeEnvironments.some((ce) => ce.provisioningModel.startsWith('FARGATE'));
  const environments = report.computeEnvironments.map((ce, i) => `<tr>
<th title="${escape(ce.name)}">${escape(ce.label)}</th><td>${escape(ce.provisioningModel)}</td>
<td class="text">${escape(instanceTypesText(ce)) || '&#8212;'}</td>
${cell(`computeEnvironments.${i}.peakInstances`, ce.peakInstances)}
${cell(`computeEnvironments.${i}.instanceHours`, ce.instanceHours)}
${cell(`computeEnvironments.${i}.idleInstanceHours`, ce.idleInstanceHours)}
${cell(`computeEnvironments.${i}.vcpuUtilization`, ce.vcpuUtilization, percent(ce.vcpuUtilization))}
${cell(`computeEnvironments.${i}.memoryUtilization`, ce.memoryUtilization, percent(ce.memoryUtilization))}
${fargate ? `${cell(`computeEnvironments.${i}.taskVcpuHours`, ce.taskVcpuHours)}\n${cell(`computeEnvironments.${i}.taskMemoryGbHours`, ce.taskMemoryGbHours)}` : ''}
${cell(`computeEnvironments.${i}.costUsd`, ce.costUsd, formatUsd(ce.costUsd))}
</tr>`).join('\n');
  const queues = report.queues.map((q, i) => `<tr>
<th title="${escape(q.name)}">${escape(q.label)}</th>
${cell(`queues.${i}.jobs.total`, q.jobs.total)}
${cell(`queues.${i}.jobs.succeeded`, q.jobs.succeeded)}
${cell(`queues.${i}.jobs.failed`, q.jobs.failed)}
${cell(`queues.${i}.wait.p50Seconds`, q.wait.p50Seconds, quantileText(q.wait, q.wait.p50Seconds))}
${cell(`queues.${i}.wait.p90Seconds`, q.wait.p90Seconds, quantileText(q.wait, q.wait.p90Seconds))}
${cell(`queues.${i}.wait.p99Seconds`, q.wait.p99Seconds, quantileText(q.wait, q.wait.p99Seconds))}
${cell(`queues.${i}.wait.maxSeconds`, q.wait.maxSeconds)}
</tr>`).join('\n');
  return `<section id="summary">
<table class="figures"><tbody>
${run}
</tbody></table>
<h2>Compute environments</h2>
<table class="grid"><thead><tr><th>Name</th><th>Model</th><th>Instance types</th><th>Peak instances</th><th>Instance-hours</th><th>Idle instance-hours</th><th>vCPU utilization</th><th>Memory utilization</th>${fargate ? '<th>Fargate vCPU-hours</th><th>Fargate GB-hours</th>' : ''}<th>Cost (USD)</th></tr></thead>
<tbody>
${environments}
</tbody></table>
${findingsList(report)}
<h2>Job queues</h2>
<table class="grid"><thead><tr><th>Name</th><th>Jobs</th><th>Succeeded</th><th>Failed</th><th>Wait p50 (s)</th><th>p90 (s)</th><th>p99 (s)</th><th>max (s)</th></tr></thead>
<tbody>
${queues}
</tbody></table>
${fairShareSection(report.fairShareQueues, 'fairShareQueues')}
</section>`;
}

function waitRows(path: string, wait: WaitStatistics): string[] {
  const approx = wait.exact ? '' : ` ${APPROXIMATE_MARKER}`;
  return [
    row(`Queue wait p50 (s)${approx}`, `${path}.p50Seconds`, wait.p50Seconds),
    row(`Queue wait p90 (s)${approx}`, `${path}.p90Seconds`, wait.p90Seconds),
    row(`Queue wait p99 (s)${approx}`, `${path}.p99Seconds`, wait.p99Seconds),
    row('Queue wait max (s)', `${path}.maxSeconds`, wait.maxSeconds),
  ];
}

/** Why capacity sat idle or jobs waited, with the figures behind each (PlanReport.findings). */
function findingsList(report: PlanReport): string {
  if (report.findings.length === 0) return '';
  return `<h2>Findings</h2>\n<ul id="findings">\n${report.findings.map((f) => `<li data-kind="${escape(f.kind)}">${escape(f.text)}</li>`).join('\n')}\n</ul>`;
}

/** A wait percentile, marked when it comes from the histogram. */
function quantileText(wait: WaitStatistics, seconds: number): string {
  return wait.exact ? fmt(seconds) : `${fmt(seconds)} ${APPROXIMATE_MARKER}`;
}

/** `c5.large × 12` per type launched: what the instance figures are made of. */
function instanceTypesText(ce: PlanReport['computeEnvironments'][number]): string {
  return ce.instanceTypes.map((usage) => `${usage.instanceType} × ${usage.launched}`).join(', ');
}

function row(label: string, figure: string, value: number, text?: string): string {
  return `<tr><th>${escape(label)}</th>${cell(figure, value, text)}</tr>`;
}


function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${fmt(seconds)} s (${h > 0 ? `${h} h ` : ''}${m > 0 || h > 0 ? `${m} min ` : ''}${fmt(Math.round(s * 1000) / 1000)} s)`;
}


export const REPORT_STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; max-width: 1240px; }
h1 { font-size: 20px; } h2 { font-size: 15px; margin: 20px 0 6px; }
table { border-collapse: collapse; font-size: 13px; }
table.figures th { text-align: left; padding: 2px 16px 2px 0; font-weight: normal; color: #555; }
table.figures td { text-align: right; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td { border: 1px solid #ddd; padding: 3px 8px; }
table.grid td { text-align: right; font-variant-numeric: tabular-nums; }
table.grid td.text { text-align: left; }
table.grid thead th { background: #f5f5f5; }
section.chart svg { width: 100%; max-width: 100%; height: auto; }
p.note { color: #666; font-size: 12px; }
`;
