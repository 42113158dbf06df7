/**
 * The container executor's overhead: 200 trivial jobs (`true` in the busybox image, 1 vCPU each) on a
 * compute environment of 2 vCPUs, against a bare loop of `<engine> run --rm` at concurrency 2, in the
 * same run. Rounds alternate bare / executor; the medians are the figures (goal: executor <= 1.2x bare).
 * Needs a container engine and the image from .ci/install-container-engine.sh.
 *
 *   npm run bench -- container
 *   npx ts-node -T --project bench/tsconfig.json bench/container-executor.ts [jobs] [rounds]
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JobExecutor, LocalBatchRuntime } from '../src';
import { smallCeTemplate } from './support/small-ce-template';
import { timeJobs } from './support/timed-run';
import { candidateCommands, ContainerEngine, detectEngine, noEngineMessage } from '../src/runtime/executors/docker/container-engine';

const DEFAULT_JOBS = 200;
const DEFAULT_ROUNDS = 3;
const CONCURRENCY = 2;
const IMAGE = 'localhost/busybox:local';

/** One managed CE of 2 vCPUs, one queue, a 1-vCPU job definition running `true` in the busybox image. */
export function template(): unknown {
  return smallCeTemplate(CONCURRENCY, { TrueJob: { Image: IMAGE, Vcpus: 1, Memory: 128, Command: ['true'] } });
}

/** Wall time (ms) of `jobs` jobs through the runtime with the container executor; failures counted. */
async function executorRun(jobs: number): Promise<{ ms: number; failed: number; peak: number }> {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-container-executor-'));
  const runtime = LocalBatchRuntime.fromTemplate(template(), { executor: JobExecutor.docker({ workRoot }) });
  const result = await timeJobs(runtime, jobs, 'TrueJob');
  fs.rmSync(workRoot, { recursive: true, force: true });
  return result;
}

/** Wall time (ms) of a bare loop: `concurrency` `<engine> run --rm --network none IMAGE true` at a time. */
function bareLoop(engine: string, jobs: number): Promise<{ ms: number; failed: number }> {
  const started = process.hrtime.bigint();
  let launched = 0;
  let finished = 0;
  let failed = 0;
  return new Promise((resolve) => {
    const launch = (): void => {
      if (launched === jobs) return;
      launched++;
      const child = spawn(engine, ['run', '--rm', '--network', 'none', IMAGE, 'true'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.stderr.resume();
      child.on('close', (code) => {
        if (code !== 0) failed++;
        if (++finished === jobs) resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, failed });
        else launch();
      });
    };
    for (let i = 0; i < CONCURRENCY; i++) launch();
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function main(jobs: number = DEFAULT_JOBS, rounds: number = DEFAULT_ROUNDS): Promise<void> {
  const detected = detectEngine(candidateCommands(ContainerEngine.AUTO));
  if (detected.command === undefined) {
    console.log(`skipped: ${noEngineMessage(detected.probes)}`);
    return;
  }
  const engine = detected.command;
  // Warm-up: module loading, the image's first use.
  await bareLoop(engine, 4);
  await executorRun(4);

  const bare: number[] = [];
  const executor: number[] = [];
  const failures: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const b = await bareLoop(engine, jobs);
    const e = await executorRun(jobs);
    bare.push(b.ms);
    executor.push(e.ms);
    failures.push(`${b.failed}/${e.failed}`);
    console.log(`round ${round}: bare ${(b.ms / 1000).toFixed(2)} s, executor ${(e.ms / 1000).toFixed(2)} s (${(e.ms / b.ms).toFixed(2)}x; peak RUNNING ${e.peak})`);
  }
  const bareMedian = median(bare);
  const executorMedian = median(executor);
  console.log(`${jobs} jobs of \`true\` in ${IMAGE} with ${engine} (${(await engineVersion(engine)).trim()}), concurrency ${CONCURRENCY}, ${rounds} rounds, ${os.cpus().length} CPUs`);
  console.log(`median bare \`${engine} run --rm\` loop   ${(bareMedian / 1000).toFixed(2)} s  (${(bareMedian / jobs).toFixed(0)} ms/job)`);
  console.log(`median runtime + container executor ${(executorMedian / 1000).toFixed(2)} s  (${(executorMedian / jobs).toFixed(0)} ms/job)`);
  console.log(`ratio of medians ${(executorMedian / bareMedian).toFixed(2)}x (goal <= 1.20x); failed bare/executor per round: ${failures.join(', ')}`);
  console.log('command: npm run bench -- container');
}

function engineVersion(engine: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(engine, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (chunk) => { text += chunk; });
    child.on('close', () => resolve(text));
  });
}

if (require.main === module) {
  main(Number(process.argv[2] ?? DEFAULT_JOBS), Number(process.argv[3] ?? DEFAULT_ROUNDS)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
