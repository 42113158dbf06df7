/**
 * SubmitJob throughput of `batch-local serve` with `--state-dir` (every 200 after an fdatasync of
 * the journal, group-committed) against the same server without it, in the same run: both on the
 * virtual clock (jobs stay SUBMITTED, so only the request path is measured), C concurrent
 * keep-alive clients for S seconds per phase, phases alternated ROUNDS times; prints the medians
 * and their ratio (the goal is durable >= 50 % of in-memory). The state dir is under the OS temp
 * directory: on a tmpfs /tmp the fsync is nearly free, so give TMPDIR on a real disk to measure one.
 *
 *   npm run bench -- serve-durable
 *   npx ts-node -T --project bench/tsconfig.json bench/serve-durable.ts [seconds-per-phase] [concurrency] [rounds]
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { median, startServe } from './support/serve-process';

const TEMPLATE = path.join(__dirname, '..', 'test', 'cli', 'fixtures', 'small-stack.template.json');
const BODY = JSON.stringify({ jobName: 'bench', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });

function submit(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/v1/submitjob`, {
      method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(BODY)) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(BODY);
  });
}

/** Requests per second of `concurrency` clients submitting for `seconds`. */
async function phase(url: string, seconds: number, concurrency: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const end = Date.now() + seconds * 1000;
  let count = 0;
  const client = async (): Promise<void> => {
    while (Date.now() < end) {
      const status = await submit(agent, url);
      if (status !== 200) throw new Error(`SubmitJob answered HTTP ${status}`);
      count++;
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  return count / elapsed;
}

export async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5) || 5;
  const concurrency = Number(process.argv[3] ?? 16) || 16;
  const rounds = Number(process.argv[4] ?? 3) || 3;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serve-durable-'));
  const base = ['--template', TEMPLATE, '--clock', 'virtual'];
  try {
    const memory = await startServe(base);
    const durable = await startServe([...base, '--state-dir', path.join(dir, 'state')]);
    const figures = { memory: [] as number[], durable: [] as number[] };
    try {
      await phase(memory.url, 1, concurrency); // warm-up: JIT, connections
      await phase(durable.url, 1, concurrency);
      for (let round = 0; round < rounds; round++) {
        figures.memory.push(await phase(memory.url, seconds, concurrency));
        figures.durable.push(await phase(durable.url, seconds, concurrency));
        console.log(`  round ${round + 1}: in-memory ${figures.memory[round].toFixed(0)} req/s, --state-dir ${figures.durable[round].toFixed(0)} req/s`);
      }
    } finally {
      await memory.stop();
      await durable.stop();
    }
    const journalBytes = fs.statSync(path.join(dir, 'state', 'journal.jsonl')).size;
    const m = median(figures.memory);
    const d = median(figures.durable);
    console.log(`SubmitJob, ${concurrency} clients, ${seconds} s phases, median of ${rounds}: in-memory ${m.toFixed(0)} req/s, `
      + `--state-dir ${d.toFixed(0)} req/s (${((d / m) * 100).toFixed(0)} % of in-memory; goal >= 50 %); journal ${(journalBytes / 1e6).toFixed(1)} MB in ${dir}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
