/**
 * Times restarts of kept state dirs (#21 §2): in process (`serve()` from the call to its first
 * answer) and as a whole process started from compiled JavaScript (`node PKG/lib/cli/batch-local.js
 * serve --state-dir ...`, from the spawn to the first successful HTTP answer), the way the issue
 * measured its 0.2 s empty restart. Each restart runs on a fresh copy of the directory (a restart
 * may checkpoint, compact or take over a lock; the kept directory stays as filled), and the
 * rounds alternate the empty directory with each full one so the machine's load, which moves
 * during a run, weighs on both sides of each ratio alike.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { request } from './restart-fill';
import { median } from './serve-process';
import { CliIo } from '../../src/cli/cli-io';
import { serve } from '../../src/cli/commands/serve';

const QUIET: CliIo = { interactive: false, progressStream: process.stderr, out: () => undefined, err: (text) => console.error(`    serve: ${text}`) };

/** A copy of `stateDir` (its lock left out) in `scratch`, which is emptied first. */
function freshCopy(stateDir: string, scratch: string): string {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  for (const name of fs.readdirSync(stateDir)) {
    if (name !== 'batch-local.lock') fs.copyFileSync(path.join(stateDir, name), path.join(scratch, name));
  }
  return scratch;
}

/** The first answer of a server: one DescribeJobQueues. */
async function firstAnswer(url: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    await request(agent, url, '/v1/describejobqueues', {});
  } finally {
    agent.destroy();
  }
}

/** Seconds from `serve()` to its first answer on a copy of `stateDir`, in this process. */
export async function inProcessRestart(template: string, stateDir: string, scratch: string): Promise<number> {
  const copy = freshCopy(stateDir, scratch);
  const started = process.hrtime.bigint();
  const handle = await serve({ template, port: 0, host: '127.0.0.1', executor: 'simulated', clock: 'virtual', stateDir: copy }, QUIET);
  await firstAnswer(handle.url);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await handle.close();
  return seconds;
}

/** Seconds from spawning `node CLI serve` on a copy of `stateDir` to its first answer; the process is then SIGKILLed. */
export function processRestart(cli: string, template: string, stateDir: string, scratch: string): Promise<number> {
  const copy = freshCopy(stateDir, scratch);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'serve', '--template', template, '--clock', 'virtual', '--state-dir', copy, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise<number>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      let printed: { endpoint: string };
      try {
        printed = JSON.parse(stdout); // --json prints one (indented) object once listening
      } catch {
        return; // not all of it yet
      }
      firstAnswer(printed.endpoint).then(
        () => resolve(Number(process.hrtime.bigint() - started) / 1e9),
        reject,
      ).finally(() => child.kill('SIGKILL'));
    });
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`${cli} serve exited ${code ?? signal} before answering: ${stderr}`));
    });
  }).finally(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
}

/** Seconds of `node ARGS` run to its exit: the floor of a process restart (Node's start; with the CLI's `--version`, its modules' loading too). */
export function processFloor(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status ?? result.signal}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** A state dir's size on disk (`du -sk`, KiB) and its files with their sizes in bytes. */
export function stateDirFootprint(stateDir: string): { kib: number; files: string } {
  const names = fs.existsSync(stateDir) ? fs.readdirSync(stateDir).filter((name) => name !== 'batch-local.lock').sort() : [];
  const blocks = names.reduce((sum, name) => sum + fs.statSync(path.join(stateDir, name)).blocks * 512, 0);
  const files = names.map((name) => `${name} ${(fs.statSync(path.join(stateDir, name)).size / 2 ** 20).toFixed(2)} MiB`).join(', ');
  return { kib: Math.round(blocks / 1024), files: files || 'no files' };
}

/** One state dir's figures over the rounds. */
export interface RestartFigures {
  readonly stateDir: string;
  /** Seconds of each round's restart, and of the empty restart run just before it. */
  readonly inProcess: number[];
  readonly emptyInProcess: number[];
  readonly asProcess: number[];
  readonly emptyAsProcess: number[];
}

/**
 * `rounds` rounds; in each, for every full dir: the empty dir then the full one, in process and
 * then as a process (so every full restart has an empty one next to it).
 */
export async function measureRestarts(
  cli: string, template: string, empty: string, fulls: string[], rounds: number, scratch: string,
): Promise<RestartFigures[]> {
  const figures = fulls.map((stateDir) => ({
    stateDir, inProcess: [] as number[], emptyInProcess: [] as number[], asProcess: [] as number[], emptyAsProcess: [] as number[],
  }));
  await inProcessRestart(template, empty, scratch); // warm-up: module loading, JIT
  await processRestart(cli, template, empty, scratch); // warm-up: the file cache
  for (let round = 0; round < rounds; round++) {
    for (const figure of figures) {
      figure.emptyInProcess.push(await inProcessRestart(template, empty, scratch));
      figure.inProcess.push(await inProcessRestart(template, figure.stateDir, scratch));
      figure.emptyAsProcess.push(await processRestart(cli, template, empty, scratch));
      figure.asProcess.push(await processRestart(cli, template, figure.stateDir, scratch));
    }
    console.log(`    round ${round + 1}/${rounds} done`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  return figures;
}

/** Median of the rounds' ratios full/empty (each against the empty restart just before it). */
export function medianRatio(full: number[], empty: number[]): number {
  return median(full.map((seconds, round) => seconds / empty[round]));
}
