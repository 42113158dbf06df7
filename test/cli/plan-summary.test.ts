import { planSummary } from '../../src/cli/plan-summary';
import { PlanReport } from '../../src/runtime/cli-surface';

function report(props: { exact: boolean; fargate?: boolean }): PlanReport {
  const wait = {
    count: 100_000,
    p50Seconds: 3910.710842184432,
    p90Seconds: 12.3456789,
    p99Seconds: 0.000123,
    maxSeconds: 4000.25,
    meanSeconds: 1,
    exact: props.exact,
  };
  return {
    originEpochMs: 0,
    reportSeconds: 9000,
    makespanSeconds: 8123.456789,
    bucketSeconds: 60,
    priceSource: 'test',
    jobs: { total: 1_000_000, succeeded: 999_999, failed: 1, unfinished: 0 },
    wait,
    peakInstances: 3,
    instanceHours: 1.23456789,
    idleInstanceHours: 0.5,
    costUsd: 0.123456,
    computeEnvironments: [{
      name: props.fargate ? 'fargate-ce' : 'ce',
      label: props.fargate ? 'fargate-ce' : 'ce',
      provisioningModel: props.fargate ? 'FARGATE' : 'EC2',
      peakInstances: props.fargate ? 0 : 3,
      launchedInstances: 3,
      instanceHours: 1.23456789,
      idleInstanceHours: 0.5,
      vcpuUtilization: 0.51234,
      memoryUtilization: 0.25,
      costUsd: 0.123456,
      taskVcpuHours: props.fargate ? 0.516666666 : 0,
      taskMemoryGbHours: props.fargate ? 1.0333333 : 0,
      instanceTypes: props.fargate ? [] : [{ instanceType: 'c5.large', launched: 3, vcpus: 2, memoryMiB: 3921, instanceHours: 1.2, usdPerHour: 0.085, costUsd: 0.1 }],
      timeline: [],
    }],
    queues: [],
    attempts: [],
    attemptsComplete: true,
    findings: [{ kind: 'MEMORY_BOUND_PACKING', text: 'memory-bound packing in ce: ...' }],
    fairShareQueues: [],
  };
}

describe('plan summary', () => {
  test('PLAN-3, issue #25: numbers are rounded, the instance types are named, and approximate percentiles are marked', () => {
    // GIVEN / WHEN
    const exact = planSummary(report({ exact: true })).split('\n');
    const approximate = planSummary(report({ exact: false })).split('\n');

    // THEN
    expect(exact[0]).toBe('makespan 8,123.5 s; jobs 1,000,000 (succeeded 999,999, failed 1, unfinished 0)');
    expect(exact[1]).toBe('peak instances 3; instance-hours 1.235 (idle 0.5); estimated cost $0.12');
    expect(exact[2]).toBe('queue wait p50 3,910.7 s, p90 12.346 s, p99 0 s, max 4,000.3 s');
    expect(approximate[2]).toBe('queue wait (±1%) p50 3,910.7 s, p90 12.346 s, p99 0 s, max 4,000.3 s');
    expect(exact[3]).toBe('  ce (EC2, c5.large × 3): peak 3 instances, vCPU 51.2%, memory 25.0%, $0.12');
    expect(exact.slice(4)).toEqual(['findings:', '  - memory-bound packing in ce: ...']);
  });

  test('PLAN-5, issue #25: a Fargate CE shows its billed task hours and cost, not "peak 0 instances, vCPU 0.0%"', () => {
    const lines = planSummary(report({ exact: true, fargate: true })).split('\n');
    expect(lines[3]).toBe('  fargate-ce (FARGATE): no instances; tasks billed 0.517 vCPU-hours and 1.033 GB-hours, $0.12');
  });

  test('PLAN-13: a fair-share queue adds a line per share: waits and achieved (target) share, or never saturated', () => {
    const wait = { count: 3, p50Seconds: 12.34567, p90Seconds: 100.04, p99Seconds: 120, maxSeconds: 1234.56, meanSeconds: 1, exact: true };
    const share = { shareIdentifier: 'teamA', weightFactor: 1, jobs: 3, wait, vcpuSeconds: 3, targetShare: 0.75, achievedShare: 0.7468, timeline: [] };
    const queue = { name: 'teams', label: 'Batch/Shared', schedulingPolicy: 'p', shareDecaySeconds: 0, computeReservation: 0, saturatedSeconds: 1900, saturatedVcpuSeconds: 7600 };
    const lines = (saturatedSeconds: number): string[] => planSummary({ ...report({ exact: true }), fairShareQueues: [{ ...queue, saturatedSeconds, shares: [share] }] }).split('\n');
    expect(lines(1900)).toContain('  Batch/Shared (fair share, policy p): saturated 1,900 s');
    expect(lines(1900)).toContain('    teamA (weight 1): 3 jobs, wait p50 12.346 s, p90 100 s, max 1,234.6 s; vCPU-time 74.7% (target 75.0%)');
    expect(lines(0)).toContain('    teamA (weight 1): 3 jobs, wait p50 12.346 s, p90 100 s, max 1,234.6 s; never saturated');
  });
});
