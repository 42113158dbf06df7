/**
 * `batch-local plan` at scale: 1,000,000 jobs (100 arrays × 10,000 children, 1 vCPU, 60 s each) on
 * one compute environment of 10,000 vCPUs, planned with the HTML report written. Each run is its
 * own process so peak RSS is that run's. Goal: <= 10 s wall and <= 1.5 GiB RSS on 2 cores, and a
 * report whose size does not grow with the jobs (density view instead of a million bars).
 *
 *   npm run bench -- plan
 *   npx ts-node -T --project bench/tsconfig.json bench/plan.ts 1000000   # one run, one size
 *   npx ts-node -T --project bench/tsconfig.json bench/plan.ts 1000000 count   # the same jobs as one submission with count (no arrays)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { plan } from '../src/cli/commands/plan';

const ARRAY_SIZE = 10_000;

function template(): unknown {
  return {
    Resources: {
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          Type: 'MANAGED',
          ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 10_000, InstanceTypes: ['optimal'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' },
        },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] } },
      Definition: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: { JobDefinitionName: 'work', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 2048, Command: ['true'] } },
      },
    },
  };
}

/** The same jobs as arrays of ARRAY_SIZE, or as one submission repeated `count` times (issue #25). */
type WorkloadShape = 'arrays' | 'count';

function submissions(jobs: number, shape: WorkloadShape): unknown[] {
  return shape === 'count'
    ? [{ jobName: 'job', jobQueue: 'Queue', jobDefinition: 'work', count: jobs }]
    : [{ jobName: 'array', jobQueue: 'Queue', jobDefinition: 'work', arrayProperties: { size: ARRAY_SIZE }, count: jobs / ARRAY_SIZE }];
}

async function runOne(jobs: number, shape: WorkloadShape): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-'));
  const templateFile = path.join(dir, 'template.json');
  const workloadFile = path.join(dir, 'workload.json');
  const out = path.join(dir, 'report.html');
  fs.writeFileSync(templateFile, JSON.stringify(template()));
  fs.writeFileSync(workloadFile, JSON.stringify({
    seed: 1,
    submissions: submissions(jobs, shape),
    behaviors: { work: { durationSeconds: 60 } },
  }));
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const quiet = { interactive: false, progressStream: process.stderr, out: () => undefined, err: () => undefined };
  const { exitCode, report } = await plan({ template: templateFile, workload: workloadFile, out }, quiet);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (exitCode !== 0 || !report) throw new Error(`plan exited ${exitCode}`);
  const htmlBytes = fs.statSync(out).size;
  fs.rmSync(dir, { recursive: true, force: true });
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({
    jobs,
    shape,
    succeeded: report.jobs.succeeded,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(cpuMs),
    peakRssMiB: Math.round(rssMiB),
    htmlBytes,
    makespanSeconds: report.makespanSeconds,
  }));
}

function measureInChild(args: string[]): Record<string, number> {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], { encoding: 'utf8', env: process.env });
  if (result.status !== 0) throw new Error(`benchmark child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

export async function main(): Promise<void> {
  const runs = 3;
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const jobs of [10_000, 1_000_000]) {
    const results = Array.from({ length: runs }, () => measureInChild([String(jobs)]));
    const wall = median(results.map((r) => r.wallMs));
    const rss = median(results.map((r) => r.peakRssMiB));
    const html = median(results.map((r) => r.htmlBytes));
    const cpu = median(results.map((r) => r.cpuMs));
    console.log(`${jobs.toLocaleString('en')} jobs: plan + HTML median wall ${wall} ms over ${runs} runs (goal <= 10000 ms; CPU ${cpu} ms, the machine is shared), peak RSS ${rss} MiB (goal <= 1536), `
      + `HTML ${Math.round(html / 1024)} KiB; all succeeded: ${results.every((r) => r.succeeded === jobs)}; runs: ${results.map((r) => r.wallMs).join(', ')} ms`);
  }
}

if (require.main === module) {
  const arg = process.argv[2];
  (arg ? runOne(Number(arg), process.argv[3] === 'count' ? 'count' : 'arrays') : main()).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
