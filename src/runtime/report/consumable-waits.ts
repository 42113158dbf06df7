import { Finding } from './plan-report';
import { formatFigure } from './report-numbers';
import type { ConsumableNeed } from '../core/model/consumable-resource-store';

interface ResourceWaits {
  jobs: number;
  totalMs: number;
  longestMs: number;
}

/**
 * PLAT-4 in the plan report: how long the jobs that need each consumable resource waited RUNNABLE
 * before they started (an attempt of an array child counts; a wait for capacity at the same time
 * counts too: the report cannot tell the two apart once the job runs).
 */
export class ConsumableWaits {
  private readonly byResource = new Map<string, ResourceWaits>();

  /** A job that needs `needs` was placed after waiting `waitMs`. */
  add(needs: readonly ConsumableNeed[], waitMs: number): void {
    for (const need of needs) {
      let waits = this.byResource.get(need.name);
      if (!waits) this.byResource.set(need.name, waits = { jobs: 0, totalMs: 0, longestMs: 0 });
      waits.jobs++;
      waits.totalMs += waitMs;
      waits.longestMs = Math.max(waits.longestMs, waitMs);
    }
  }

  /** One CONSUMABLE_RESOURCE_WAIT finding per resource whose jobs waited at all, longest total first. */
  findings(): Finding[] {
    return [...this.byResource.entries()]
      .filter(([, waits]) => waits.totalMs > 0)
      .sort(([a, x], [b, y]) => y.totalMs - x.totalMs || a.localeCompare(b))
      .map(([name, waits]) => ({
        kind: 'CONSUMABLE_RESOURCE_WAIT',
        text: `consumable resource ${name}: ${formatFigure(waits.jobs)} job(s) that need it started after waiting RUNNABLE ${minutes(waits.totalMs)} min in all, `
          + `${minutes(waits.totalMs / waits.jobs)} min on average, ${minutes(waits.longestMs)} min at most; jobs that need it run only while enough units are free (PLAT-4).`,
      }));
  }
}

function minutes(ms: number): string {
  return formatFigure(Math.round(ms / 6000) / 10);
}
