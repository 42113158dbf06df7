import { PackingCounts } from './packing-counts';
import { TimelinePoint } from './plan-report';
import { Timeline } from './timeline';

/** Timeline channels of a compute environment. */
export const INSTANCES = 0;
export const AVAILABLE_VCPUS = 1;
export const ALLOCATED_VCPUS = 2;
export const AVAILABLE_MEMORY = 3;
export const ALLOCATED_MEMORY = 4;
export const RUNNING = 5;
export const CHANNELS = 6;

export const MS_PER_HOUR = 3_600_000;

/** Launches and instance time of one instance type in a compute environment. */
export class TypeUsage {
  launched = 0;
  closedMs = 0;
  constructor(readonly vcpus: number, readonly memoryMiB: number) {}
}

/** The streaming figures of one compute environment (timeline, instances, Fargate billing, packing). */
export class EnvironmentFigures {
  readonly timeline: Timeline;
  current = 0;
  peak = 0;
  launched = 0;
  closedIdleMs = 0;
  /** Fargate billing of the attempts that ended: vCPU-seconds and GB-seconds (see the report collector's FARGATE_MINIMUM_MS). */
  taskVcpuSeconds = 0;
  taskGbSeconds = 0;
  readonly types = new Map<string, TypeUsage>();
  readonly packing = new PackingCounts();
  constructor(origin: number, maxBuckets: number) {
    this.timeline = new Timeline(origin, CHANNELS, maxBuckets);
  }
}

/** The timeline's buckets as averages over each bucket (the last one ends now). */
export function timelinePoints(t: Timeline, now: number): TimelinePoint[] {
  const channels = Array.from({ length: CHANNELS }, (_, c) => t.bucketSums(c));
  return channels[0].map((_, i) => {
    const start = t.originMs + i * t.bucketWidthMs;
    const length = Math.min(now, start + t.bucketWidthMs) - start;
    const average = (c: number): number => (length > 0 ? channels[c][i] / length : 0);
    return {
      startSeconds: (start - t.originMs) / 1000,
      endSeconds: (start + length - t.originMs) / 1000,
      instances: average(INSTANCES),
      availableVcpus: average(AVAILABLE_VCPUS),
      allocatedVcpus: average(ALLOCATED_VCPUS),
      availableMemoryMiB: average(AVAILABLE_MEMORY),
      allocatedMemoryMiB: average(ALLOCATED_MEMORY),
      runningJobs: average(RUNNING),
    };
  });
}
