import { JobStatusCounts, QueueReport } from './plan-report';
import { WaitQuantiles } from './wait-quantiles';

/** The streaming figures of one job queue. */
export class QueueFigures {
  readonly waits = new WaitQuantiles();
  total = 0;
  succeeded = 0;
  failed = 0;
}

export function queueReport(name: string, label: string, figures: QueueFigures): QueueReport {
  const { total, succeeded, failed } = figures;
  return {
    name,
    label,
    jobs: { total, succeeded, failed, unfinished: total - succeeded - failed },
    wait: figures.waits.statistics(),
    waitHistogram: figures.waits.histogram(),
  };
}

export function addCounts(counts: JobStatusCounts[]): JobStatusCounts {
  return counts.reduce((a, b) => ({
    total: a.total + b.total, succeeded: a.succeeded + b.succeeded, failed: a.failed + b.failed, unfinished: a.unfinished + b.unfinished,
  }), { total: 0, succeeded: 0, failed: 0, unfinished: 0 });
}
