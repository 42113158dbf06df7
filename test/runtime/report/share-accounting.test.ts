import { fairShareTemplateFile } from './fair-share-plan-fixture';
import { planWorkload } from '../../../src/runtime/report/plan-workload';
import { parseWorkload } from '../../../src/runtime/report/workload';

/** `count` 1-vCPU jobs of `seconds` per share, all submitted at 0 s to the fair-share queue. */
function backlog(jobsPerShare: Record<string, number>, seconds: number): ReturnType<typeof parseWorkload> {
  return parseWorkload({
    submissions: Object.entries(jobsPerShare).map(([share, count]) => ({ jobName: share, jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: share, count })),
    behaviors: { one: { durationSeconds: seconds } },
  });
}

describe('fair-share figures of the plan report (PLAN-13)', () => {
  test('FS-4: weights 1 and 3 on 4 saturated vCPUs: target 75/25, achieved 75/25 within one job', () => {
    // GIVEN 4 vCPUs, teamA weight 1 and teamB weight 3, 60 one-vCPU jobs of 100 s each
    const workload = backlog({ teamA: 60, teamB: 60 }, 100);

    // WHEN
    const report = planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1, teamB: 3 }) }, workload);

    // THEN the queue is saturated while both have jobs waiting (teamA's last 3 of 60 jobs are placed at 1,900 s)
    const [queue] = report.fairShareQueues;
    expect(queue).toMatchObject({ name: 'teams', label: 'Teams', schedulingPolicy: 'teams-policy', shareDecaySeconds: 0, computeReservation: 0 });
    const [a, b] = queue.shares;
    expect([a.shareIdentifier, a.weightFactor, b.shareIdentifier, b.weightFactor]).toEqual(['teamA', 1, 'teamB', 3]);
    expect(a.targetShare).toBeCloseTo(0.75, 9);
    expect(b.targetShare).toBeCloseTo(0.25, 9);
    // One job of 100 s on 4 vCPUs is 1/4 of a 100 s slice; over 1,900 s saturated that is under 1.4 points.
    const oneJob = 100 / queue.saturatedVcpuSeconds;
    expect(queue.saturatedSeconds).toBe(1900);
    expect(Math.abs(a.achievedShare - 0.75)).toBeLessThanOrEqual(oneJob);
    expect(a.achievedShare + b.achievedShare).toBeCloseTo(1, 9);
    expect(queue.saturatedVcpuSeconds).toBeCloseTo(4 * queue.saturatedSeconds, 6);
    // Every job ran 100 s on 1 vCPU, whatever the share
    expect([a.vcpuSeconds, b.vcpuSeconds, a.jobs, b.jobs]).toEqual([6000, 6000, 60, 60]);
  });

  test('FS-4: one share alone is never saturated against another: no saturated period, target and achieved 0', () => {
    const report = planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1, teamB: 3 }) }, backlog({ teamB: 12 }, 10));
    const [queue] = report.fairShareQueues;
    expect(queue.saturatedSeconds).toBe(0);
    expect(queue.shares.map((s) => [s.shareIdentifier, s.targetShare, s.achievedShare, s.vcpuSeconds])).toEqual([['teamB', 0, 0, 120]]);
  });

  test('PLAN-3, FS-4: waits per share: the lighter-weighted share waits less', () => {
    const report = planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1, teamB: 3 }) }, backlog({ teamA: 20, teamB: 20 }, 100));
    const [a, b] = report.fairShareQueues[0].shares;
    expect(a.wait.count).toBe(20);
    expect(b.wait.count).toBe(20);
    expect(a.wait.p90Seconds).toBeLessThan(b.wait.p90Seconds);
    expect(a.wait.maxSeconds).toBeLessThan(b.wait.maxSeconds);
    // The queue's waits are the shares' waits together
    const queue = report.queues.find((q) => q.name === 'teams')!;
    expect(queue.wait.maxSeconds).toBe(Math.max(a.wait.maxSeconds, b.wait.maxSeconds));
  });

  test('PLAN-13: the per-share vCPU timeline never exceeds the 4 vCPUs and integrates to the vCPU-seconds', () => {
    const report = planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1, teamB: 3 }) }, backlog({ teamA: 10, teamB: 10 }, 50));
    const [a, b] = report.fairShareQueues[0].shares;
    expect(a.timeline.length).toBe(b.timeline.length);
    a.timeline.forEach((point, i) => expect(point.vcpus + b.timeline[i].vcpus).toBeLessThanOrEqual(4 + 1e-9));
    const integral = (points: typeof a.timeline): number => points.reduce((sum, p) => sum + p.vcpus * (p.endSeconds - p.startSeconds), 0);
    expect(integral(a.timeline)).toBeCloseTo(a.vcpuSeconds, 6);
    expect(integral(b.timeline)).toBeCloseTo(b.vcpuSeconds, 6);
  });

  test('a run without a fair-share queue has no fair-share figures', () => {
    const workload = parseWorkload({ submissions: [{ jobName: 'x', jobQueue: 'fifo', jobDefinition: 'one' }] });
    expect(planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1 }) }, workload).fairShareQueues).toEqual([]);
  });
});
