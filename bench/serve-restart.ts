/**
 * Restart time of `batch-local serve --state-dir` against history (#21 §2): a virtual-clock server
 * runs N jobs to the end, in batches of B submitted by 16 concurrent clients, each batch run to the
 * end (`run-until-idle`, a rest point) and followed by 8 days (LIFE-4 purges it at the next
 * request); then the restart is timed, in process (`serve()` from the call to listening: the
 * directory read, the checkpoint restored, the journal after it replayed), median of 3, against
 * the restart of an empty state dir, with checkpoints (the default) and, for comparison, with
 * the whole journal replayed (`--checkpoint-every` huge); and as a process (spawn of `batch-local
 * serve` through ts-node to listening, median of 3), which adds Node's start and module loading.
 * Prints the times and the state dir's size.
 *
 *   npm run bench -- serve-restart
 *   npx ts-node -T --project bench/tsconfig.json bench/serve-restart.ts [jobs] [batch] [modes: checkpointed,replayed]
 *
 * Kept state dirs, filled once and measured later (e.g. on a quiet machine); the measure compiles
 * the project into PKG (outside the repository) and times, besides `serve()` in process, the whole
 * `node PKG/lib/cli/batch-local.js serve` from the spawn to its first HTTP answer, median of N
 * rounds, each full restart next to an empty one (the issue's baseline: a compiled empty restart):
 *
 *   npx ts-node -T --project bench/tsconfig.json bench/serve-restart.ts fill /var/tmp/restart-bench/1m 1000000 2000 \
 *     --snapshot 100000=/var/tmp/restart-bench/100k
 *   npx ts-node -T --project bench/tsconfig.json bench/serve-restart.ts measure [--pkg PKG] [--rounds 5] [--recompile] \
 *     /var/tmp/restart-bench/100k /var/tmp/restart-bench/1m
 *
 * RESTART_BENCH_MIN_VCPUS=2 runs it on the small stack with `MinvCpus: 2`: instances stay up at
 * every checkpoint (standing work, carried since #21 §2's follow-up).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compiledCli } from './support/compiled-cli';
import { fill as fillStateDir, filledCount } from './support/restart-fill';
import { measureRestarts, medianRatio, processFloor, stateDirFootprint } from './support/restart-measure';
import { median, startServe } from './support/serve-process';
import { CliIo } from '../src/cli/cli-io';
import { serve } from '../src/cli/commands/serve';

const SMALL_STACK = path.join(__dirname, '..', 'test', 'cli', 'fixtures', 'small-stack.template.json');
/** The template every server of the run loads: the small stack, or (RESTART_BENCH_MIN_VCPUS) a copy that keeps that many vCPUs of instances up. */
let TEMPLATE = SMALL_STACK;

/** Runs `jobs` jobs to the end on a fresh durable server in `stateDir`; returns the seconds it took. */
function fill(stateDir: string, jobs: number, batch: number, extra: string[]): Promise<number> {
  return fillStateDir(stateDir, jobs, { template: TEMPLATE, batch, extra });
}

const QUIET: CliIo = { interactive: false, progressStream: process.stderr, out: () => undefined, err: (text) => console.error(`    serve: ${text}`) };

/** Median seconds of `rounds` in-process restarts on `stateDir` (each a full serve() to listening, then close). */
async function restart(stateDir: string, extra: { checkpointEvery?: number }, rounds: number = 3): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    const handle = await serve({ template: TEMPLATE, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', stateDir, ...extra }, QUIET);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    await handle.close();
  }
  return median(times);
}

/** Median seconds from spawning `batch-local serve` (ts-node, transpile only) on `stateDir` to its URL: what a user waits for. */
async function processRestart(stateDir: string, extra: string[], rounds: number = 3): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = Date.now();
    const server = await startServe(['--template', TEMPLATE, '--clock', 'virtual', '--state-dir', stateDir, ...extra]);
    times.push((Date.now() - started) / 1000);
    await server.stop();
  }
  return median(times);
}

function diskBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

export async function main(): Promise<void> {
  const direct = require.main === module;
  const jobs = Number((direct ? process.argv[2] : undefined) ?? process.env.RESTART_BENCH_JOBS ?? 100_000);
  const batch = Number((direct ? process.argv[3] : undefined) ?? process.env.RESTART_BENCH_BATCH ?? 2_000);
  const modes = ((direct ? process.argv[4] : undefined) ?? process.env.RESTART_BENCH_MODES ?? 'checkpointed,replayed').split(',');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serve-restart-'));
  const minvCpus = Number(process.env.RESTART_BENCH_MIN_VCPUS ?? 0);
  if (minvCpus > 0) {
    const stack = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
    const ce = Object.values<any>(stack.Resources).find((resource) => resource.Type === 'AWS::Batch::ComputeEnvironment');
    ce.Properties.ComputeResources.MinvCpus = minvCpus;
    TEMPLATE = path.join(root, 'min-vcpus.template.json');
    fs.writeFileSync(TEMPLATE, JSON.stringify(stack));
    console.log(`  compute environment with MinvCpus ${minvCpus} (instances up at every checkpoint)`);
  }
  try {
    const empty = path.join(root, 'empty');
    await restart(empty, {}, 1); // warm-up: module loading, JIT
    const emptySeconds = await restart(empty, {});
    const emptyProcess = await processRestart(empty, []);
    console.log(`  empty state dir: restart ${(emptySeconds * 1000).toFixed(0)} ms in process, ${emptyProcess.toFixed(2)} s as a process`);
    for (const mode of modes) {
      const stateDir = path.join(root, mode);
      const extra = mode === 'replayed' ? { checkpointEvery: 1_000_000, checkpointAtClose: false } : {};
      const filled = await fill(stateDir, jobs, batch, mode === 'replayed' ? ['--checkpoint-every', '1000000', '--no-checkpoint-at-close'] : []);
      const seconds = await restart(stateDir, extra);
      const asProcess = await processRestart(stateDir, mode === 'replayed' ? ['--checkpoint-every', '1000000', '--no-checkpoint-at-close'] : []);
      const files = fs.readdirSync(stateDir).filter((name) => name !== 'batch-local.lock').sort();
      console.log(`  ${jobs} finished jobs (batches of ${batch}, 8 days apart), ${mode}: restart ${(seconds * 1000).toFixed(0)} ms `
        + `(${(seconds / emptySeconds).toFixed(2)}x empty), as a process ${asProcess.toFixed(2)} s (${(asProcess / emptyProcess).toFixed(2)}x empty); state dir ${(diskBytes(stateDir) / 2 ** 20).toFixed(1)} MiB (${files.join(', ')}); filled in ${filled.toFixed(0)} s`);
    }
  } finally {
    if (process.env.RESTART_BENCH_KEEP) console.log(`  kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * `fill DIR JOBS [BATCH] [--snapshot COUNT=DIR]...`: fills DIR (kept; resumed if interrupted) with
 * JOBS finished jobs, copying the stopped server's directory at each COUNT on the way.
 */
async function fillCommand(args: string[]): Promise<void> {
  const snapshots = new Map<number, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--snapshot') {
      const [count, dir] = args[++i].split('=');
      snapshots.set(Number(count), path.resolve(dir));
    } else {positional.push(args[i]);}
  }
  const [dir, jobs, batch] = positional;
  const seconds = await fillStateDir(path.resolve(dir), Number(jobs), { template: TEMPLATE, batch: Number(batch ?? 2_000), snapshots });
  console.log(`  ${dir}: ${filledCount(path.resolve(dir))} finished jobs (filled in ${seconds.toFixed(0)} s this run)`);
}

/**
 * `measure [--pkg PKG] [--rounds N] FULL_DIR...`: times restarts of the kept FULL_DIRs against an
 * empty state dir, in process and as a process from the project compiled into PKG
 * (default /var/tmp/restart-bench/pkg; `--recompile` compiles again), median of N rounds (5).
 */
async function measureCommand(args: string[]): Promise<void> {
  let pkg = '/var/tmp/restart-bench/pkg';
  let rounds = 5;
  let recompile = false;
  const fulls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--pkg') pkg = path.resolve(args[++i]);
    else if (args[i] === '--rounds') rounds = Number(args[++i]);
    else if (args[i] === '--recompile') recompile = true;
    else fulls.push(path.resolve(args[i]));
  }
  const cli = compiledCli(pkg, recompile);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serve-restart-'));
  const load = (): string => os.loadavg().map((value) => value.toFixed(1)).join(', ');
  console.log(`  load average before: ${load()} (${os.cpus().length} cores); compiled CLI ${cli}`);
  try {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    const nodeAlone = [0, 1, 2, 3, 4].map(() => processFloor(['-e', '0']));
    const cliVersion = [0, 1, 2, 3, 4].map(() => processFloor([cli, '--version']));
    const figures = await measureRestarts(cli, TEMPLATE, empty, fulls, rounds, path.join(root, 'scratch'));
    const ms = (values: number[]): string => `${(median(values) * 1000).toFixed(0)} ms`;
    for (const figure of figures) {
      const footprint = stateDirFootprint(figure.stateDir);
      console.log(`  ${figure.stateDir} (${filledCount(figure.stateDir)} finished jobs): ${(footprint.kib / 1024).toFixed(1)} MiB on disk (${footprint.files})`);
      console.log(`    in process: ${ms(figure.inProcess)} against ${ms(figure.emptyInProcess)} empty, `
        + `${medianRatio(figure.inProcess, figure.emptyInProcess).toFixed(2)}x (median of ${rounds} rounds' ratios)`);
      console.log(`    as a process (compiled): ${ms(figure.asProcess)} against ${ms(figure.emptyAsProcess)} empty, `
        + `${medianRatio(figure.asProcess, figure.emptyAsProcess).toFixed(2)}x`);
      const list = (values: number[]): string => values.map((value) => (value * 1000).toFixed(0)).join(' ');
      console.log(`    rounds, ms: in process ${list(figure.inProcess)} / empty ${list(figure.emptyInProcess)}; `
        + `as a process ${list(figure.asProcess)} / empty ${list(figure.emptyAsProcess)}`);
    }
    console.log(`  floor, median of 5: node -e 0 ${ms(nodeAlone)}, node ${cli} --version ${ms(cliVersion)}`);
    console.log(`  load average after: ${load()}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { fill: fillCommand, measure: measureCommand };

if (require.main === module && COMMANDS[process.argv[2]] !== undefined) {
  COMMANDS[process.argv[2]](process.argv.slice(3)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
