import { FairShareQueueReport, PlanReport } from '../plan-report';

/*
 * The report's pictures as vega-lite specifications. Data comes only from the report's bounded
 * parts (timelines, histograms, at most ganttLimit attempts), so a million-job run draws as fast and
 * as small as a ten-job one.
 */

/** A vega-lite specification (checked by vega-lite when compiled). */
export type ChartSpec = Record<string, unknown>;

/** A chart with the id and title the page gives it. */
export interface NamedChart {
  readonly id: string;
  readonly title: string;
  readonly spec: ChartSpec;
}

/** The page's width less the axis labels: charts use the page's full width (issue #25). */
const WIDTH = 1000;
/** Legends below the chart, labels never cut: series names are construct paths and must read apart. */
const LEGEND = { orient: 'bottom', direction: 'vertical', labelLimit: 0, columns: 2, columnPadding: 24 };
/** Gantt rows: at least this tall so that instance labels never overlap, however many instances. */
const MIN_ROW_PX = 12;
const TIME_AXIS = { title: 'seconds since start', format: ',~f' };

export function chartSpecs(report: PlanReport): NamedChart[] {
  const charts: NamedChart[] = [report.attemptsComplete ? gantt(report) : density(report)];
  charts.push(utilization(report), instances(report));
  if (report.queues.some((q) => q.waitHistogram.length > 0)) charts.push(waitHistogram(report));
  report.fairShareQueues.forEach((queue, i) => charts.push(shareVcpus(queue, `shares-${i}`)));
  return charts;
}

/**
 * PLAN-13: vCPUs in use per share of a fair-share queue over time, stacked: the top of the stack is
 * the queue's use, each band a share's part of it. `suffix` tells runs of a comparison apart.
 */
export function shareVcpus(queue: FairShareQueueReport, id: string, suffix = ''): NamedChart {
  const values = queue.shares.flatMap((share) => share.timeline.map((p) => ({
    share: `${share.shareIdentifier} (weight ${share.weightFactor})`, t: p.startSeconds, vcpus: p.vcpus,
  })));
  return {
    id,
    title: `vCPUs in use per share: ${queue.label}${suffix}`,
    spec: {
      width: WIDTH,
      height: 180,
      data: { values },
      mark: { type: 'area', interpolate: 'step-after', tooltip: true },
      encoding: {
        x: { field: 't', type: 'quantitative', axis: TIME_AXIS },
        y: { field: 'vcpus', type: 'quantitative', stack: 'zero', title: 'vCPUs' },
        color: { field: 'share', type: 'nominal', title: null, legend: LEGEND },
      },
    },
  };
}

/** One bar per attempt, one row per instance. */
function gantt(report: PlanReport): NamedChart {
  const rows = new Set(report.attempts.map((a) => a.instance)).size;
  const labels = labelsOf(report);
  // Rows by compute environment, then by when the instance first ran a job.
  const values = [...report.attempts]
    .sort((a, b) => (labels.get(a.computeEnvironment) ?? '').localeCompare(labels.get(b.computeEnvironment) ?? '') || a.startSeconds - b.startSeconds)
    .map((a) => ({
      instance: a.instance,
      computeEnvironment: labels.get(a.computeEnvironment) ?? a.computeEnvironment,
      job: a.jobName,
      start: a.startSeconds,
      end: a.endSeconds,
      outcome: a.outcome,
    }));
  return {
    id: 'gantt',
    title: 'Jobs per instance',
    spec: {
      width: WIDTH,
      height: { step: Math.max(MIN_ROW_PX, Math.min(20, Math.floor(600 / Math.max(1, rows)))) },
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'instance', type: 'nominal', title: `instance (${rows})`, sort: null, axis: { labelLimit: 200, labelFontSize: 10 } },
        x: { field: 'start', type: 'quantitative', axis: TIME_AXIS },
        x2: { field: 'end' },
        color: { field: 'outcome', type: 'nominal', title: 'attempt', legend: LEGEND, scale: { domain: ['SUCCEEDED', 'FAILED', 'RUNNABLE'], range: ['#4c78a8', '#e45756', '#f58518'] } },
      },
    },
  };
}

/** Too many attempts to draw one by one: average running jobs per compute environment and time bucket. */
function density(report: PlanReport): NamedChart {
  const values = report.computeEnvironments.flatMap((ce) => ce.timeline.map((p) => ({
    computeEnvironment: ce.label, start: p.startSeconds, end: p.endSeconds, running: p.runningJobs,
  })));
  return {
    id: 'gantt',
    title: `Jobs running (density: ${report.jobs.total.toLocaleString('en-US')} jobs are too many to draw one by one)`,
    spec: {
      width: WIDTH,
      height: { step: 28 },
      data: { values },
      mark: { type: 'rect', tooltip: true },
      encoding: {
        y: { field: 'computeEnvironment', type: 'nominal', title: null, axis: { labelLimit: 0 } },
        x: { field: 'start', type: 'quantitative', axis: TIME_AXIS },
        x2: { field: 'end' },
        color: { field: 'running', type: 'quantitative', title: 'running jobs', scale: { scheme: 'blues' }, legend: { orient: 'bottom' } },
      },
    },
  };
}

function utilization(report: PlanReport): NamedChart {
  const values = report.computeEnvironments.flatMap((ce) => ce.timeline.flatMap((p) => [
    { series: `${ce.label}: vCPU`, t: p.startSeconds, value: p.availableVcpus > 0 ? p.allocatedVcpus / p.availableVcpus : 0 },
    { series: `${ce.label}: memory`, t: p.startSeconds, value: p.availableMemoryMiB > 0 ? p.allocatedMemoryMiB / p.availableMemoryMiB : 0 },
  ]));
  return {
    id: 'utilization',
    title: 'Utilization (allocated / available)',
    spec: {
      width: WIDTH,
      height: 180,
      data: { values },
      mark: { type: 'line', interpolate: 'step-after', tooltip: true },
      encoding: {
        x: { field: 't', type: 'quantitative', axis: TIME_AXIS },
        y: { field: 'value', type: 'quantitative', axis: { format: '%', title: null }, scale: { domain: [0, 1] } },
        color: { field: 'series', type: 'nominal', title: null, legend: LEGEND },
      },
    },
  };
}

function instances(report: PlanReport): NamedChart {
  const values = report.computeEnvironments.flatMap((ce) => ce.timeline.map((p) => ({
    computeEnvironment: ce.label, t: p.startSeconds, instances: p.instances,
  })));
  return {
    id: 'instances',
    title: 'Instances (average per time bucket)',
    spec: {
      width: WIDTH,
      height: 160,
      data: { values },
      mark: { type: 'line', interpolate: 'step-after', tooltip: true },
      encoding: {
        x: { field: 't', type: 'quantitative', axis: TIME_AXIS },
        y: { field: 'instances', type: 'quantitative', title: null },
        color: { field: 'computeEnvironment', type: 'nominal', title: null, legend: LEGEND },
      },
    },
  };
}

/** Compute environment name -> label (construct path). */
function labelsOf(report: PlanReport): Map<string, string> {
  return new Map(report.computeEnvironments.map((ce) => [ce.name, ce.label]));
}

function waitHistogram(report: PlanReport): NamedChart {
  const values = report.queues.flatMap((q) => q.waitHistogram.map((bin) => ({
    queue: q.label, from: bin.fromSeconds, to: bin.toSeconds, count: bin.count,
  })));
  return {
    id: 'waits',
    title: 'Queue wait (RUNNABLE until placed)',
    spec: {
      data: { values },
      // Each queue's name above its histogram, written across: beside it, it would be written sideways.
      facet: { row: { field: 'queue', type: 'nominal', title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12, labelLimit: 0 } } },
      spec: {
        width: WIDTH,
        height: 110,
        // rect, not bar: a bar with a ranged x and a quantitative y is drawn horizontally.
        mark: { type: 'rect', tooltip: true, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'from', type: 'quantitative', title: 'wait, seconds', axis: { format: ',~f' } },
          x2: { field: 'to' },
          y: { field: 'count', type: 'quantitative', title: 'attempts' },
          y2: { datum: 0 },
        },
      },
      resolve: { scale: { x: 'independent', y: 'independent' } },
    },
  };
}
