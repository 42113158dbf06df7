/**
 * The process executor's overhead: 1,000 trivial jobs (`true`, 1 vCPU each) on a compute environment
 * of 2 vCPUs, against a bare Node.js spawn loop at concurrency 2 and `xargs -P2`, in the same run.
 * Each round times xargs, the executor's defaults (Perl spawn helpers, memory limit, jobs as nobody
 * under root) for jobs of 1,024 MiB and of 128 MiB (limits passed on by the helpers), the defaults with
 * the Node.js spawn helper instead (the helper before Perl's), the same without memory limit and user
 * switch, and xargs again; it prints each round's ratios and their medians. Then, once, bare spawn loops and the runtime spawning from its
 * own process, for context.
 *
 *   npm run bench -- process-executor
 *   npx ts-node -T --project bench/tsconfig.json bench/process-executor.ts [jobs] [rounds]
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JobExecutor, LocalBatchRuntime, MemoryLimitMode, ProcessExecutorProps, SpawnHelperProgram } from '../src';
import { smallCeTemplate } from './support/small-ce-template';
import { timeJobs } from './support/timed-run';

const DEFAULT_JOBS = 1000;
const CONCURRENCY = 2;
const DEFAULT_ROUNDS = 3;

/** One managed CE of 2 vCPUs, one queue, 1-vCPU job definitions running `true`. */
function template(): unknown {
  return smallCeTemplate(CONCURRENCY, {
    // 1,024 MiB (two fit on a c5.large): the helpers pass the memory limit on at fork.
    TrueJob: { Image: 'busybox', Vcpus: 1, Memory: 1024, Command: ['true'] },
    // 128 MiB: at or above the Perl helper's minimum (64 MiB), below the Node.js helper's (256 MiB: each job execs prlimit).
    SmallTrueJob: { Image: 'busybox', Vcpus: 1, Memory: 128, Command: ['true'] },
  });
}

/** Wall time (ms) of `jobs` jobs through the runtime with the process executor, plus the peak concurrency seen. */
async function runtimeRun(jobs: number, props: ProcessExecutorProps, jobDefinition: string = 'TrueJob'): Promise<{ ms: number; peak: number; failed: number }> {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-process-executor-'));
  fs.chmodSync(workRoot, 0o755);
  const runtime = LocalBatchRuntime.fromTemplate(template(), { executor: JobExecutor.process({ workRoot, ...props }) });
  const result = await timeJobs(runtime, jobs, jobDefinition);
  fs.rmSync(workRoot, { recursive: true, force: true });
  return result;
}

/** Wall time (ms) of a bare spawn loop: `concurrency` children of `true` at a time. */
function bareSpawnLoop(jobs: number, stdio: 'ignore' | 'pipe'): Promise<number> {
  const started = process.hrtime.bigint();
  let launched = 0;
  let finished = 0;
  return new Promise((resolve) => {
    const launch = (): void => {
      if (launched === jobs) return;
      launched++;
      const child = spawn('true', [], { stdio: stdio === 'ignore' ? 'ignore' : ['ignore', 'pipe', 'pipe'] });
      child.stdout?.resume();
      child.stderr?.resume();
      child.on('close', () => {
        if (++finished === jobs) resolve(Number(process.hrtime.bigint() - started) / 1e6);
        else launch();
      });
    };
    for (let i = 0; i < CONCURRENCY; i++) launch();
  });
}

/**
 * The same bare loop in a fresh, small Node process. Node forks (libuv: fork + exec), and fork copies
 * the parent's page tables, so a spawn costs more in a process that has loaded aws-cdk-lib.
 */
function bareSpawnLoopInSmallProcess(jobs: number): number {
  const script = `
    const { spawn } = require('child_process');
    const started = process.hrtime.bigint();
    let launched = 0, finished = 0;
    const launch = () => {
      if (launched === ${jobs}) return;
      launched++;
      spawn('true', [], { stdio: 'ignore' }).on('close', () => {
        if (++finished === ${jobs}) console.log(Number(process.hrtime.bigint() - started) / 1e6);
        else launch();
      });
    };
    for (let i = 0; i < ${CONCURRENCY}; i++) launch();`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

/** Wall time (ms) of `seq N | xargs -P2 -n1 [wrapper...] true`. */
function xargs(jobs: number, wrapper: string = ''): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('sh', ['-c', `seq ${jobs} | xargs -P${CONCURRENCY} -n1 ${wrapper}true`], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`xargs exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The result of `measure` and the CPU time (user + system, ms) this process spent on it. */
async function withCpu<T>(measure: () => Promise<T>): Promise<[T, number]> {
  const before = process.cpuUsage();
  const result = await measure();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1000];
}

/** The median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function main(jobs: number = DEFAULT_JOBS, rounds: number = DEFAULT_ROUNDS): Promise<void> {
  // Warm-up: module loading, the first spawns and V8 compiling the runtime's code are not what is
  // measured (without it round 1 ran about 15 % slower than rounds 2 and 3).
  await runtimeRun(20, { memoryLimit: MemoryLimitMode.NONE });
  await runtimeRun(Math.min(jobs, 200), {});
  await bareSpawnLoop(20, 'ignore');
  console.log(`${jobs} jobs of \`true\`, concurrency ${CONCURRENCY}, ${os.cpus().length} CPUs, Node ${process.version}, uid ${process.getuid?.()}`);

  // The machine may be shared: each round measures xargs right before and after the runtime, and
  // the ratio is against their mean, so a change of load between rounds does not skew it.
  const defaultsRatios: number[] = [];
  const smallRatios: number[] = [];
  const nodeHelperRatios: number[] = [];
  const leanRatios: number[] = [];
  const failures: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const before = xargs(jobs);
    const defaults = await runtimeRun(jobs, {});
    const small = await runtimeRun(jobs, {}, 'SmallTrueJob');
    const nodeHelper = await runtimeRun(jobs, { spawnHelper: SpawnHelperProgram.NODE });
    const lean = await runtimeRun(jobs, { memoryLimit: MemoryLimitMode.NONE, defaultUser: 'root' });
    const after = xargs(jobs);
    const xargsMs = (before + after) / 2;
    defaultsRatios.push(defaults.ms / xargsMs);
    smallRatios.push(small.ms / xargsMs);
    nodeHelperRatios.push(nodeHelper.ms / xargsMs);
    leanRatios.push(lean.ms / xargsMs);
    failures.push(defaults.failed + small.failed + nodeHelper.failed + lean.failed);
    console.log(`round ${round}: xargs -P${CONCURRENCY} ${(before / 1000).toFixed(2)} s / ${(after / 1000).toFixed(2)} s;`
      + ` runtime defaults ${(defaults.ms / 1000).toFixed(2)} s = ${(defaults.ms / xargsMs).toFixed(2)}x xargs;`
      + ` defaults, 128 MiB jobs ${(small.ms / 1000).toFixed(2)} s = ${(small.ms / xargsMs).toFixed(2)}x xargs;`
      + ` defaults, Node.js helper ${(nodeHelper.ms / 1000).toFixed(2)} s = ${(nodeHelper.ms / xargsMs).toFixed(2)}x xargs;`
      + ` no memory limit, own user ${(lean.ms / 1000).toFixed(2)} s = ${(lean.ms / xargsMs).toFixed(2)}x xargs;`
      + ` peak RUNNING ${defaults.peak}/${small.peak}/${nodeHelper.peak}/${lean.peak}`);
  }
  console.log(`median of ${rounds}: runtime + process executor, defaults ${median(defaultsRatios).toFixed(2)}x xargs;`
    + ` defaults, 128 MiB jobs ${median(smallRatios).toFixed(2)}x xargs;`
    + ` defaults, Node.js helper ${median(nodeHelperRatios).toFixed(2)}x xargs;`
    + ` no memory limit, own user ${median(leanRatios).toFixed(2)}x xargs; FAILED jobs: ${failures.reduce((a, b) => a + b, 0)}`);

  // For context, once: where a bare spawn loop stands, and the runtime spawning from its own process.
  const xargsMs = xargs(jobs);
  // The floor of the defaults on a host without a writable cgroup v2: the memory limit is an rlimit
  // that prlimit sets before it execs the command, one more exec per job.
  const xargsPrlimitMs = xargs(jobs, 'prlimit --data=134217728 -- ');
  const smallMs = bareSpawnLoopInSmallProcess(jobs);
  const [bareMs, bareCpu] = await withCpu(() => bareSpawnLoop(jobs, 'ignore'));
  const [barePipesMs, barePipesCpu] = await withCpu(() => bareSpawnLoop(jobs, 'pipe'));
  const [direct, directCpu] = await withCpu(() => runtimeRun(jobs, { memoryLimit: MemoryLimitMode.NONE, defaultUser: 'root', useSpawnHelper: false }));
  const row = (name: string, ms: number, cpuMs?: number): string =>
    `${name.padEnd(54)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${(ms / xargsMs).toFixed(2).padStart(5)}x xargs`
    + (cpuMs !== undefined ? `  CPU of this process ${(cpuMs / 1000).toFixed(2)} s` : '');
  console.log(row(`xargs -P${CONCURRENCY}`, xargsMs));
  console.log(row(`xargs -P${CONCURRENCY} prlimit --data=... -- true`, xargsPrlimitMs));
  console.log(row('bare Node spawn loop, fresh small Node process', smallMs));
  console.log(row('bare Node spawn loop (stdio ignored)', bareMs, bareCpu));
  console.log(row('bare Node spawn loop (stdout/stderr piped)', barePipesMs, barePipesCpu));
  console.log(row('runtime, no helper, no memory limit, own user', direct.ms, directCpu));
  console.log(`RSS of this process ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  console.log('command: npx ts-node -T --project bench/tsconfig.json bench/process-executor.ts [jobs] [rounds]');
}

if (require.main === module) {
  main(Number(process.argv[2] ?? DEFAULT_JOBS), Number(process.argv[3] ?? DEFAULT_ROUNDS)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
