import { FairShareQueueReport, ShareReport } from './plan-report';
import { Timeline } from './timeline';
import { WaitQuantiles } from './wait-quantiles';
import { JobRecord } from '../core/jobs/job-record';
import { JobQueueRecord } from '../core/model/records';
import { weightFactorOf } from '../core/model/scheduling-policy-rules';

/*
 * The fair-share figures of a plan report (docs/plan.md, PLAN-13): per share of a fair-share queue, vCPUs in use
 * over time, queue waits, and the target (inverse-weight) vs achieved share of vCPU-time over the
 * saturated period. O(1) work per job event: the saturated period and both integrals are kept as
 * running sums, so a share's figures are brought up to date only when one of its jobs changes.
 *
 * Saturated: at least two shares have jobs in the queue (RUNNABLE, STARTING or RUNNING) and every one
 * of them has a job RUNNABLE. Then each such share wants more than it has, and FS-4's split applies
 * to all of them. A share with nothing waiting cannot take its target, and a share alone has all of
 * it trivially, so those times are left out.
 * Target of a share at a moment = its inverse weight / the sum of the inverse weights of the shares
 * with jobs, times the queue's vCPUs in use; both target and achieved are integrated over that period.
 */

/** Timeline channel: vCPUs allocated to the share's placed jobs. */
const VCPUS = 0;

class ShareFigures {
  readonly waits = new WaitQuantiles();
  readonly timeline: Timeline;
  jobs = 0;
  runnable = 0;
  placed = 0;
  vcpus = 0;
  /** ∫ vcpus over the saturated period (vCPU-ms). */
  achievedVcpuMs = 0;
  /** ∫ target vCPUs over the saturated period (vCPU-ms). */
  targetVcpuMs = 0;
  /** The queue's saturated clock and target accumulator when this share was last brought up to date. */
  private syncedSaturatedMs = 0;
  private syncedTargetPerInverseWeight = 0;

  constructor(readonly weightFactor: number, originMs: number, maxBuckets: number) {
    this.timeline = new Timeline(originMs, 1, maxBuckets);
  }

  get demanding(): boolean {
    return this.runnable + this.placed > 0;
  }

  /** Adds what the share had since the last sync (its state has not changed in between). */
  sync(queue: FairShareQueueFigures): void {
    this.achievedVcpuMs += this.vcpus * (queue.saturatedMs - this.syncedSaturatedMs);
    if (this.demanding) this.targetVcpuMs += (queue.targetPerInverseWeight - this.syncedTargetPerInverseWeight) / this.weightFactor;
    this.syncedSaturatedMs = queue.saturatedMs;
    this.syncedTargetPerInverseWeight = queue.targetPerInverseWeight;
  }
}

/** One fair-share queue's figures, keyed by share identifier. */
export class FairShareQueueFigures {
  /** The figures of a job's queue in `byQueue`, when it is a fair-share queue (its jobs carry a share identifier, FS-3). */
  static of(byQueue: Map<string, FairShareQueueFigures>, job: JobRecord, originMs: number, maxBuckets: number): FairShareQueueFigures | undefined {
    const record = job.spec.queue;
    if (record.schedulingPolicy === undefined || job.spec.shareIdentifier === undefined) return undefined;
    let figures = byQueue.get(record.name);
    if (!figures) byQueue.set(record.name, figures = new FairShareQueueFigures(record, originMs, maxBuckets));
    return figures;
  }

  readonly shares = new Map<string, ShareFigures>();
  /** Shares with jobs RUNNABLE or placed, and those of them with a job RUNNABLE. */
  private demanding = 0;
  private backlogged = 0;
  /** Σ 1/weight over the demanding shares. */
  private inverseWeights = 0;
  private vcpus = 0;
  private lastMs: number;
  /** ms of saturated time so far. */
  saturatedMs = 0;
  /** ∫ vcpus / Σ(1/w) over the saturated period: a demanding share's target grows by its 1/w times this. */
  targetPerInverseWeight = 0;

  constructor(readonly queue: JobQueueRecord, private readonly originMs: number, private readonly maxBuckets: number) {
    this.lastMs = originMs;
  }

  /** A job of the share was submitted (`count` jobs: an array's children). */
  submitted(shareIdentifier: string, count: number): void {
    this.share(shareIdentifier).jobs += count;
  }

  /** A job of the share became RUNNABLE (+1) or left RUNNABLE (-1). */
  runnable(shareIdentifier: string, delta: 1 | -1, now: number): void {
    const share = this.changing(shareIdentifier, now);
    const wasDemanding = share.demanding;
    const wasBacklogged = share.runnable > 0;
    share.runnable += delta;
    this.counted(share, wasDemanding, wasBacklogged);
  }

  /** A job of the share was placed (vcpus > 0) or released (vcpus < 0); a placement also ends a wait. */
  allocated(shareIdentifier: string, vcpus: number, now: number, waitMs?: number): void {
    const share = this.changing(shareIdentifier, now);
    const wasDemanding = share.demanding;
    const wasBacklogged = share.runnable > 0;
    share.placed += Math.sign(vcpus);
    share.vcpus += vcpus;
    this.vcpus += vcpus;
    share.timeline.shift(VCPUS, vcpus);
    if (waitMs !== undefined) share.waits.add(waitMs);
    this.counted(share, wasDemanding, wasBacklogged);
  }

  /** The figures now; `widthMs` is the report's bucket width. */
  report(label: string, now: number, widthMs: number): FairShareQueueReport {
    this.advance(now);
    const shares = [...this.shares.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [, share] of shares) {
      share.sync(this);
      share.timeline.advance(now);
      share.timeline.coarsenTo(widthMs);
    }
    const achievedTotal = shares.reduce((sum, [, s]) => sum + s.achievedVcpuMs, 0);
    const targetTotal = shares.reduce((sum, [, s]) => sum + s.targetVcpuMs, 0);
    const policy = this.queue.schedulingPolicy!;
    return {
      name: this.queue.name,
      label,
      schedulingPolicy: policy.name,
      shareDecaySeconds: policy.fairsharePolicy.shareDecaySeconds,
      computeReservation: policy.fairsharePolicy.computeReservation,
      saturatedSeconds: this.saturatedMs / 1000,
      saturatedVcpuSeconds: achievedTotal / 1000,
      shares: shares.map(([shareIdentifier, s]): ShareReport => ({
        shareIdentifier,
        weightFactor: s.weightFactor,
        jobs: s.jobs,
        wait: s.waits.statistics(),
        vcpuSeconds: s.timeline.integral(VCPUS) / 1000,
        targetShare: targetTotal > 0 ? s.targetVcpuMs / targetTotal : 0,
        achievedShare: achievedTotal > 0 ? s.achievedVcpuMs / achievedTotal : 0,
        timeline: shareTimeline(s.timeline, now),
      })),
    };
  }

  /** The widest bucket of the share timelines once advanced to `now` (the report's width covers it). */
  bucketWidthMs(now: number): number {
    let width = 0;
    for (const share of this.shares.values()) {
      share.timeline.advance(now);
      width = Math.max(width, share.timeline.bucketWidthMs);
    }
    return width;
  }

  private changing(shareIdentifier: string, now: number): ShareFigures {
    this.advance(now);
    const share = this.share(shareIdentifier);
    share.sync(this);
    share.timeline.advance(now);
    return share;
  }

  private counted(share: ShareFigures, wasDemanding: boolean, wasBacklogged: boolean): void {
    if (share.demanding !== wasDemanding) {
      this.demanding += share.demanding ? 1 : -1;
      this.inverseWeights += (share.demanding ? 1 : -1) / share.weightFactor;
      if (this.demanding === 0) this.inverseWeights = 0; // no rounding residue carried into the next busy period
    }
    const backlogged = share.runnable > 0;
    if (backlogged !== wasBacklogged) this.backlogged += backlogged ? 1 : -1;
  }

  private advance(now: number): void {
    const dt = now - this.lastMs;
    this.lastMs = now;
    if (dt <= 0 || this.demanding < 2 || this.backlogged !== this.demanding) return;
    this.saturatedMs += dt;
    this.targetPerInverseWeight += (this.vcpus * dt) / this.inverseWeights;
  }

  private share(shareIdentifier: string): ShareFigures {
    let share = this.shares.get(shareIdentifier);
    if (!share) {
      // The weight when the share is first seen: a plan changes weights only before it starts (what-if).
      const weight = weightFactorOf(this.queue.schedulingPolicy!.fairsharePolicy, shareIdentifier);
      this.shares.set(shareIdentifier, share = new ShareFigures(weight, this.originMs, this.maxBuckets));
      share.sync(this);
    }
    return share;
  }
}

function shareTimeline(t: Timeline, now: number): ShareReport['timeline'] {
  const sums = t.bucketSums(VCPUS);
  return sums.map((sum, i) => {
    const start = t.originMs + i * t.bucketWidthMs;
    const length = Math.min(now, start + t.bucketWidthMs) - start;
    return { startSeconds: (start - t.originMs) / 1000, endSeconds: (start + length - t.originMs) / 1000, vcpus: length > 0 ? sum / length : 0 };
  });
}
