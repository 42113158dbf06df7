/**
 * Fair share against FIFO (FS-4): 1,000,000 jobs (100 shares x one 10,000-child array each, 1 vCPU,
 * one minute) in a fair-share queue, and the same jobs (no share identifier) in a FIFO queue, on one
 * compute environment of 10,000 vCPUs. Each queue runs in its own process, alternating, three times.
 *
 *   npm run bench -- fair-share
 *   npx ts-node -T --project bench/tsconfig.json bench/fair-share.ts fair 1000000   # one run
 */
import { spawnSync } from 'child_process';
import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../src';

const SHARES = 100;
const ARRAY_SIZE = 10_000;

/** A hand-written template: the benchmark measures the runtime, not CDK synthesis. */
function template(): unknown {
  const queue = (extra: object): object => ({
    Type: 'AWS::Batch::JobQueue',
    Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }], ...extra },
  });
  return {
    Resources: {
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          Type: 'MANAGED',
          ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 10_000, InstanceTypes: ['optimal'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' },
        },
      },
      Policy: {
        Type: 'AWS::Batch::SchedulingPolicy',
        Properties: {
          FairsharePolicy: {
            ShareDecaySeconds: 3600,
            ShareDistribution: Array.from({ length: SHARES }, (_, i) => ({ ShareIdentifier: `team${i}`, WeightFactor: 1 + (i % 4) })),
          },
        },
      },
      Fifo: queue({}),
      Fair: queue({ SchedulingPolicyArn: { Ref: 'Policy' } }),
      Definition: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: { Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 2048, Command: ['true'] } },
      },
    },
  };
}

/** Submits `jobs` jobs to the queue and runs them to the end; returns wall ms of submission + simulation. */
export function runQueue(kind: 'fair' | 'fifo', jobs: number): { wallMs: number; cpuMs: number; succeeded: number } {
  const runtime = LocalBatchRuntime.fromTemplate(template(), {
    executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(1) }) }),
  });
  const arraySize = Math.min(ARRAY_SIZE, Math.max(2, Math.floor(jobs / SHARES)));
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const parents: string[] = [];
  for (let submitted = 0, share = 0; submitted < jobs; submitted += arraySize, share = (share + 1) % SHARES) {
    parents.push(runtime.submitJob({
      jobName: `array-${submitted}`,
      jobQueue: kind === 'fair' ? 'Fair' : 'Fifo',
      jobDefinition: 'Definition',
      arrayProperties: { size: arraySize },
      shareIdentifier: kind === 'fair' ? `team${share}` : undefined,
    }).jobId);
  }
  runtime.runUntilIdle();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let succeeded = 0;
  for (let i = 0; i < parents.length; i += 100) {
    for (const parent of runtime.describeJobs(parents.slice(i, i + 100))) succeeded += parent.arrayProperties?.statusSummary?.SUCCEEDED ?? 0;
  }
  return { wallMs, cpuMs, succeeded };
}

function measureInChild(kind: string, jobs: number): { wallMs: number; cpuMs: number; succeeded: number; peakRssMiB: number } {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, kind, String(jobs)], { encoding: 'utf8', env: process.env });
  if (result.status !== 0) throw new Error(`benchmark child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

export async function main(): Promise<void> {
  const jobs = 1_000_000;
  const runs = 3;
  const fair: number[] = [];
  const fifo: number[] = [];
  const fairCpu: number[] = [];
  const fifoCpu: number[] = [];
  let allSucceeded = true;
  for (let run = 0; run < runs; run++) {
    for (const [kind, times, cpu] of [['fifo', fifo, fifoCpu], ['fair', fair, fairCpu]] as const) {
      const result = measureInChild(kind, jobs);
      times.push(result.wallMs);
      cpu.push(result.cpuMs);
      allSucceeded &&= result.succeeded === jobs;
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ratio = median(fair) / median(fifo);
  console.log(`1,000,000 jobs over ${SHARES} shares: fair share median ${Math.round(median(fair))} ms, FIFO median ${Math.round(median(fifo))} ms `
    + `over ${runs} alternating runs; fair share / FIFO ${ratio.toFixed(2)}x (goal <= 1.5); all succeeded: ${allSucceeded}`);
  // CPU time is less at the mercy of a shared machine's load than wall time.
  console.log(`  CPU time (user + system): fair share median ${Math.round(median(fairCpu))} ms, FIFO median ${Math.round(median(fifoCpu))} ms, `
    + `${(median(fairCpu) / median(fifoCpu)).toFixed(2)}x`);
}

if (require.main === module) {
  const [kind, jobs] = process.argv.slice(2);
  if (kind === 'fair' || kind === 'fifo') {
    const result = runQueue(kind, Number(jobs ?? 1_000_000));
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify({ wallMs: Math.round(result.wallMs), cpuMs: Math.round(result.cpuMs), succeeded: result.succeeded, peakRssMiB }));
  } else {
    main().catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
