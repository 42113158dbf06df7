import { chartSpecs } from '../../../../src/runtime/report/html/chart-specs';
import { PlanReport } from '../../../../src/runtime/report/plan-report';

function report(attemptsComplete: boolean): PlanReport {
  const point = {
    startSeconds: 0,
    endSeconds: 10,
    instances: 1,
    availableVcpus: 2,
    allocatedVcpus: 1,
    availableMemoryMiB: 1000,
    allocatedMemoryMiB: 250,
    runningJobs: 1,
  };
  return {
    originEpochMs: 0,
    reportSeconds: 10,
    makespanSeconds: 10,
    jobs: { total: 1, succeeded: 1, failed: 0, unfinished: 0 },
    wait: { count: 1, p50Seconds: 0, p90Seconds: 0, p99Seconds: 0, maxSeconds: 0, meanSeconds: 0, exact: true },
    peakInstances: 1,
    instanceHours: 1,
    idleInstanceHours: 0,
    costUsd: 1,
    priceSource: 'test',
    bucketSeconds: 10,
    computeEnvironments: [{
      name: 'ce',
      label: 'Batch/Ce',
      provisioningModel: 'EC2',
      peakInstances: 1,
      launchedInstances: 1,
      instanceHours: 1,
      idleInstanceHours: 0,
      vcpuUtilization: 0.5,
      memoryUtilization: 0.25,
      costUsd: 1,
      taskVcpuHours: 0,
      taskMemoryGbHours: 0,
      instanceTypes: [],
      timeline: [point],
    }],
    queues: [{ name: 'q', label: 'Batch/Queue', jobs: { total: 1, succeeded: 1, failed: 0, unfinished: 0 }, wait: { count: 1, p50Seconds: 0, p90Seconds: 0, p99Seconds: 0, maxSeconds: 0, meanSeconds: 0, exact: true }, waitHistogram: [{ fromSeconds: 0, toSeconds: 1, count: 1 }] }],
    attempts: attemptsComplete ? [{ jobName: 'j', jobId: 'id', computeEnvironment: 'ce', instance: 'i-1', startSeconds: 0, endSeconds: 10, outcome: 'SUCCEEDED' }] : [],
    attemptsComplete,
    findings: [],
    fairShareQueues: [],
  };
}

describe('chartSpecs', () => {
  test('PLAN-6, PLAN-10: a Gantt bar per attempt when every attempt was kept', () => {
    const [gantt] = chartSpecs(report(true));
    expect(gantt.id).toBe('gantt');
    expect((gantt.spec.data as { values: unknown[] }).values).toEqual([expect.objectContaining({ instance: 'i-1', start: 0, end: 10, outcome: 'SUCCEEDED' })]);
  });

  test('PLAN-6, PLAN-10: density per CE and time bucket otherwise', () => {
    const [density] = chartSpecs(report(false));
    expect(density.title).toContain('density');
    expect((density.spec.data as { values: unknown[] }).values).toEqual([{ computeEnvironment: 'Batch/Ce', start: 0, end: 10, running: 1 }]);
  });

  test('PLAN-4: utilization is allocated / available per metric', () => {
    const utilization = chartSpecs(report(true)).find((chart) => chart.id === 'utilization')!;
    expect((utilization.spec.data as { values: unknown[] }).values).toEqual([
      { series: 'Batch/Ce: vCPU', t: 0, value: 0.5 },
      { series: 'Batch/Ce: memory', t: 0, value: 0.25 },
    ]);
  });

  test('PLAN-10, issue #25: charts name CEs and queues by construct path, run the page\'s width, keep legends whole, and never squeeze Gantt rows', () => {
    // GIVEN 128 instances with one attempt each
    const base = report(true);
    const attempts = Array.from({ length: 128 }, (_, i) => ({ ...base.attempts[0], instance: `i-${i}` }));
    const charts = chartSpecs({ ...base, attempts });

    // WHEN / THEN
    const gantt = charts.find((chart) => chart.id === 'gantt')!.spec;
    expect((gantt.height as { step: number }).step).toBeGreaterThanOrEqual(12);
    expect((gantt.data as { values: Array<{ computeEnvironment: string }> }).values[0].computeEnvironment).toBe('Batch/Ce');
    for (const chart of charts.filter((c) => c.id !== 'waits')) expect(chart.spec.width).toBe(1000);
    const legend = ((charts.find((chart) => chart.id === 'utilization')!.spec.encoding as Record<string, { legend: { labelLimit: number } }>).color).legend;
    expect(legend.labelLimit).toBe(0);
    const waits = charts.find((chart) => chart.id === 'waits')!.spec;
    expect((waits.data as { values: Array<{ queue: string }> }).values[0].queue).toBe('Batch/Queue');
    expect(((waits.facet as Record<string, { header: { labelAngle: number } }>).row).header.labelAngle).toBe(0);
  });

  test('PLAN-13: a stacked area of vCPUs per share for each fair-share queue', () => {
    const wait = { count: 0, p50Seconds: 0, p90Seconds: 0, p99Seconds: 0, maxSeconds: 0, meanSeconds: 0, exact: true };
    const share = (shareIdentifier: string, weightFactor: number, vcpus: number) => ({
      shareIdentifier,
      weightFactor,
      jobs: 1,
      wait,
      vcpuSeconds: vcpus * 10,
      targetShare: 0.5,
      achievedShare: 0.5,
      timeline: [{ startSeconds: 0, endSeconds: 10, vcpus }],
    });
    const charts = chartSpecs({
      ...report(true),
      fairShareQueues: [{
        name: 'teams',
        label: 'Batch/Shared',
        schedulingPolicy: 'p',
        shareDecaySeconds: 0,
        computeReservation: 0,
        saturatedSeconds: 10,
        saturatedVcpuSeconds: 40,
        shares: [share('a', 1, 3), share('b', 3, 1)],
      }],
    });
    const shares = charts.find((chart) => chart.id === 'shares-0')!;
    expect(shares.title).toBe('vCPUs in use per share: Batch/Shared');
    expect(shares.spec.mark).toMatchObject({ type: 'area' });
    expect((shares.spec.encoding as Record<string, { stack?: string }>).y.stack).toBe('zero');
    expect((shares.spec.data as { values: unknown[] }).values).toEqual([
      { share: 'a (weight 1)', t: 0, vcpus: 3 },
      { share: 'b (weight 3)', t: 0, vcpus: 1 },
    ]);
  });
});
