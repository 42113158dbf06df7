/**
 * Fills a `serve --state-dir` with finished jobs for the restart bench (#21 §2): a virtual-clock
 * server runs the jobs in batches submitted by 16 concurrent clients, each batch run to the end
 * (`run-until-idle`, a rest point) and followed by 8 days (LIFE-4 purges it at the next request).
 * The count reached is written next to the directory (`DIR.filled`) after every batch, so an
 * interrupted fill resumes where it stopped, and a copy of the stopped server's directory can be
 * kept on the way (`snapshots`: a 100,000-job state from the 1,000,000-job fill).
 */
import * as fs from 'fs';
import * as http from 'http';
import { startServe } from './serve-process';

const EIGHT_DAYS = 8 * 24 * 3600;
const CLIENTS = 16;

export function request(agent: http.Agent, url: string, route: string, body: unknown): Promise<any> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = http.request(`${url}${route}`, {
      method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) },
    }, (response) => {
      let answer = '';
      response.on('data', (chunk) => { answer += chunk; });
      response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(answer)) : reject(new Error(`${route}: HTTP ${response.statusCode} ${answer}`))));
    });
    call.on('error', reject);
    call.end(text);
  });
}

export interface FillOptions {
  /** The template every server of the run loads. */
  readonly template: string;
  /** Jobs per batch. */
  readonly batch: number;
  /** Extra `serve` options (e.g. `--checkpoint-every`). */
  readonly extra?: string[];
  /** Job count → directory: when the fill reaches the count, the server is stopped and its state dir copied there. */
  readonly snapshots?: Map<number, string>;
}

/** The number of jobs an earlier, interrupted fill of `stateDir` finished (0 if none). */
export function filledCount(stateDir: string): number {
  const file = `${stateDir}.filled`;
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : 0;
}

/** Runs jobs to the end on a durable server in `stateDir` until it holds `jobs` finished ones; returns the seconds it took. */
export async function fill(stateDir: string, jobs: number, options: FillOptions): Promise<number> {
  const started = Date.now();
  let done = filledCount(stateDir);
  if (done > 0) console.log(`    resuming ${stateDir} at ${done} jobs`);
  const args = ['--template', options.template, '--clock', 'virtual', '--state-dir', stateDir, ...(options.extra ?? [])];
  let server = await startServe(args);
  let agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    while (done < jobs) {
      const size = Math.min(options.batch, jobs - done);
      let next = 0;
      const client = async (): Promise<void> => {
        while (next < size) {
          next++;
          await request(agent, server.url, '/v1/submitjob', { jobName: 'restart', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      await request(agent, server.url, '/_local/clock/run-until-idle', {});
      await request(agent, server.url, '/_local/clock/advance', { seconds: EIGHT_DAYS });
      done += size;
      fs.writeFileSync(`${stateDir}.filled`, `${done}\n`);
      if (done % (options.batch * 25) === 0) console.log(`    ${done} jobs run (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      const copy = options.snapshots?.get(done);
      if (copy !== undefined && done < jobs) {
        // A clean stop, so the copy is what a stopped server leaves (the lock released), then go on.
        agent.destroy();
        await server.stop();
        fs.rmSync(copy, { recursive: true, force: true });
        fs.cpSync(stateDir, copy, { recursive: true });
        fs.writeFileSync(`${copy}.filled`, `${done}\n`);
        console.log(`    ${done} jobs: state dir copied to ${copy}`);
        server = await startServe(args);
        agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
      }
    }
  } finally {
    agent.destroy();
    await server.stop();
  }
  const copy = options.snapshots?.get(done);
  if (copy !== undefined) {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(stateDir, copy, { recursive: true });
  }
  return (Date.now() - started) / 1000;
}
