/**
 * Soak of `batch-local serve --state-dir` with the process executor (#21 §3): 16 concurrent clients
 * for D seconds (default 600) run a mix of operations: SubmitJob (plain, arrays of 2-5, with a
 * dependency on a recent job, some sleeping 1 s so there is something to terminate), DescribeJobs,
 * ListJobs with a status or a JOB_NAME filter, CancelJob, TerminateJob, and GetLogEvents of finished
 * jobs. Submissions are paced (S top-level jobs a second, default 10) so the 4-vCPU queue keeps up.
 * Reports errors (any answer but 200, or no answer), p50/p99 latency per operation, the server's RSS
 * over time and its growth after warm-up (the first fifth), then waits for every job to finish,
 * SIGKILLs the server, restarts it on the same directory and checks that every acknowledged job
 * is there, in the state it had.
 *
 * SOAK_RETENTION_SECONDS=R runs the server with `--job-retention R` (LIFE-4): with the default 7 days
 * every finished job stays in memory, so RSS grows with the jobs by design; with a short retention
 * the retained state levels off and any remaining growth is a leak. A job whose stoppedAt is more
 * than R seconds old is then expected to be purged, before the kill or after the restart.
 *
 *   npm run bench -- serve-soak                     (SOAK_SECONDS=180 for a shorter run)
 *   npx ts-node -T --project bench/tsconfig.json bench/serve-soak.ts [seconds] [jobs-per-second]
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { startServe } from './support/serve-process';

const TEMPLATE = path.join(__dirname, '..', 'test', 'cli', 'fixtures', 'small-stack.template.json');
const CLIENTS = 16;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

interface Answer { readonly status: number; readonly body: any }

function call(agent: http.Agent, url: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${route}`, {
      method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers },
    }, (response) => {
      let answer = '';
      response.on('data', (chunk) => { answer += chunk; });
      response.on('end', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(answer);
        } catch {
          parsed = answer;
        }
        resolve({ status: response.statusCode ?? 0, body: parsed });
      });
    });
    request.on('error', reject);
    request.end(text);
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function stateDirBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function pick<T>(items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
}

export async function main(): Promise<void> {
  const direct = require.main === module;
  const seconds = Number((direct ? process.argv[2] : undefined) ?? process.env.SOAK_SECONDS ?? 600);
  const jobsPerSecond = Number((direct ? process.argv[3] : undefined) ?? process.env.SOAK_JOBS_PER_SECOND ?? 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serve-soak-'));
  const stateDir = path.join(dir, 'state');
  const retentionSeconds = process.env.SOAK_RETENTION_SECONDS === undefined ? undefined : Number(process.env.SOAK_RETENTION_SECONDS);
  const args = ['--template', TEMPLATE, '--executor', 'process', '--state-dir', stateDir,
    ...(retentionSeconds === undefined ? [] : ['--job-retention', String(retentionSeconds)])];
  // With a retention, a job found purged is expected once it stopped more than that long ago.
  // A job never seen stopped may be purged only if it was acknowledged more than R seconds before.
  const stoppedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const purgedBy = (id: string, at: number): boolean => retentionSeconds !== undefined
    && (stoppedAt.get(id) ?? ackedAt.get(id)!) + retentionSeconds * 1000 <= at;
  let server = await startServe(args);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies = new Map<string, number[]>();
  const errors: string[] = [];
  const acked: string[] = []; // every job id a SubmitJob answered (top-level)
  const finished: Array<{ jobId: string; stream: string }> = [];
  const rss: Array<[number, number]> = [];
  const started = Date.now();
  const end = started + seconds * 1000;
  let submitted = 0;

  const timed = async (operation: string, route: string, body: unknown, headers?: Record<string, string>): Promise<Answer | undefined> => {
    const t0 = process.hrtime.bigint();
    try {
      const answer = await call(agent, server.url, route, body, headers);
      const list = latencies.get(operation) ?? [];
      list.push(Number(process.hrtime.bigint() - t0) / 1e6);
      latencies.set(operation, list);
      if (answer.status !== 200) errors.push(`${operation}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      return answer;
    } catch (error) {
      errors.push(`${operation}: no answer (${(error as Error).message})`);
      return undefined;
    }
  };

  const operations: Array<[number, () => Promise<void>]> = [
    [4, async () => {
      // Paced: a client submits only while the run is behind its jobs-per-second budget.
      if (submitted >= ((Date.now() - started) / 1000) * jobsPerSecond) return;
      submitted++;
      const i = submitted;
      const dependency = i % 4 === 0 ? acked[acked.length - 1] : undefined;
      const answer = await timed('SubmitJob', '/v1/submitjob', {
        jobName: `soak-${i}`,
        jobQueue: 'first-run-job-queue',
        jobDefinition: i % 9 === 0 ? 'failing' : 'hello',
        ...(i % 5 === 0 ? { arrayProperties: { size: 2 + (i % 4) } } : {}),
        ...(dependency ? { dependsOn: [{ jobId: dependency }] } : {}),
        ...(i % 7 === 0 ? { containerOverrides: { command: ['sh', '-c', 'echo sleeping; sleep 1; echo awake'] } } : {}),
      });
      if (answer?.status === 200) {
        acked.push(answer.body.jobId);
        ackedAt.set(answer.body.jobId, Date.now());
      }
    }],
    [3, async () => {
      const ids = Array.from({ length: 20 }, () => pick(acked)).filter((id): id is string => id !== undefined);
      if (ids.length === 0) return;
      const answer = await timed('DescribeJobs', '/v1/describejobs', { jobs: [...new Set(ids)] });
      for (const job of answer?.body?.jobs ?? []) {
        if (job.stoppedAt !== undefined) stoppedAt.set(job.jobId, job.stoppedAt);
        const stream = job.container?.logStreamName;
        if (TERMINAL.has(job.status) && stream && finished.length < 5000) finished.push({ jobId: job.jobId, stream });
      }
    }],
    [2, async () => {
      const filter = Math.random() < 0.5
        ? { jobStatus: pick(['RUNNING', 'RUNNABLE', 'SUCCEEDED', 'FAILED'])! }
        : { filters: [{ name: 'JOB_NAME', values: [`soak-${Math.floor(Math.random() * 9) + 1}*`] }] };
      await timed('ListJobs', '/v1/listjobs', { jobQueue: 'first-run-job-queue', maxResults: 100, ...filter });
    }],
    [0.3, async () => {
      const jobId = acked[Math.max(0, acked.length - 1 - Math.floor(Math.random() * 20))];
      if (jobId) await timed('CancelJob', '/v1/canceljob', { jobId, reason: 'soak cancel' });
    }],
    [0.3, async () => {
      const jobId = acked[Math.max(0, acked.length - 1 - Math.floor(Math.random() * 20))];
      if (jobId) await timed('TerminateJob', '/v1/terminatejob', { jobId, reason: 'soak terminate' });
    }],
    [2, async () => {
      const done = pick(finished);
      if (done) {
        await timed('GetLogEvents', '/', { logGroupName: '/aws/batch/job', logStreamName: done.stream, limit: 50 },
          { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'application/x-amz-json-1.1' });
      }
    }],
  ];
  const weights = operations.reduce((sum, [weight]) => sum + weight, 0);
  const client = async (): Promise<void> => {
    while (Date.now() < end) {
      let draw = Math.random() * weights;
      const [, operation] = operations.find(([weight]) => (draw -= weight) < 0)!;
      await operation();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  // Checkpoints (#21 §2): which ones exist now, and the state dir's size, sampled with the RSS.
  const checkpoints: Array<[number, number, number]> = []; // [seconds, newest checkpoint number, state dir bytes]
  const sampleState = (): void => {
    const names = fs.existsSync(stateDir) ? fs.readdirSync(stateDir) : [];
    const newest = Math.max(0, ...names.map((name) => /^checkpoint-(\d+)\.jsonl$/.exec(name)).filter((m) => m).map((m) => Number(m![1])));
    checkpoints.push([(Date.now() - started) / 1000, newest, stateDirBytes(stateDir)]);
  };
  const loadAtStart = os.loadavg();
  const sampler = setInterval(() => {
    rss.push([(Date.now() - started) / 1000, rssMiB(server.child.pid!)]);
    sampleState();
  }, 5000);
  try {
    await Promise.all(Array.from({ length: CLIENTS }, client));
    clearInterval(sampler);
    // Drain: every acknowledged job to its end (2 minutes at most).
    const statuses = new Map<string, string>();
    const drainEnd = Date.now() + 120_000;
    while (Date.now() < drainEnd) {
      for (let start = 0; start < acked.length; start += 100) {
        const answer = await call(agent, server.url, '/v1/describejobs', { jobs: acked.slice(start, start + 100) });
        for (const job of answer.body.jobs ?? []) {
          statuses.set(job.jobId, job.status);
          if (job.stoppedAt !== undefined) stoppedAt.set(job.jobId, job.stoppedAt);
        }
      }
      if (acked.every((id) => TERMINAL.has(statuses.get(id) ?? '') || purgedBy(id, Date.now()))) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const unfinished = acked.filter((id) => statuses.has(id) && !TERMINAL.has(statuses.get(id)!));
    const missingBefore = acked.filter((id) => !statuses.has(id) && !purgedBy(id, Date.now()));
    const purgedBefore = acked.filter((id) => !statuses.has(id)).length - missingBefore.length;
    const rssBeforeKill = rssMiB(server.child.pid!);
    // SIGKILL, restart, account for every job.
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const restartStarted = Date.now();
    server = await startServe(args);
    const restartSeconds = (Date.now() - restartStarted) / 1000;
    const after = new Map<string, string>();
    for (let start = 0; start < acked.length; start += 100) {
      const answer = await call(agent, server.url, '/v1/describejobs', { jobs: acked.slice(start, start + 100) });
      for (const job of answer.body.jobs ?? []) after.set(job.jobId, job.status);
    }
    const describedAfter = Date.now();
    const lost = acked.filter((id) => statuses.has(id) && !after.has(id) && !purgedBy(id, describedAfter));
    const purged = acked.filter((id) => !after.has(id)).length - lost.length;
    const changed = acked.filter((id) => after.has(id) && statuses.get(id) !== after.get(id));

    const warm = rss.find(([t]) => t >= seconds / 5)?.[1] ?? rss[0]?.[1] ?? 0;
    const last = rss[rss.length - 1]?.[1] ?? 0;
    const requests = [...latencies.values()].reduce((sum, list) => sum + list.length, 0);
    console.log(`  ${seconds} s, ${CLIENTS} clients, ${requests} requests (${(requests / seconds).toFixed(0)}/s), ${acked.length} jobs submitted `
      + `(${jobsPerSecond}/s target, arrays and dependencies included), process executor, --state-dir`);
    console.log(`  errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}; jobs not finished after the drain: ${unfinished.length}; missing before the kill: ${missingBefore.length}`);
    for (const [operation, list] of [...latencies].sort()) {
      console.log(`  ${operation.padEnd(14)} ${String(list.length).padStart(7)} requests  p50 ${percentile(list, 50).toFixed(1)} ms  p99 ${percentile(list, 99).toFixed(1)} ms  max ${percentile(list, 100).toFixed(1)} ms`);
    }
    const all = [...latencies.values()].flat();
    console.log(`  all operations: p99 ${percentile(all, 99).toFixed(1)} ms`);
    console.log(`  RSS (MiB) every 5 s: ${rss.filter((_, i) => i % Math.max(1, Math.floor(rss.length / 12)) === 0).map(([t, m]) => `${t.toFixed(0)}s=${m.toFixed(0)}`).join(' ')}`);
    console.log(`  RSS after warm-up (${(seconds / 5).toFixed(0)} s) ${warm.toFixed(0)} MiB, at the end ${last.toFixed(0)} MiB (${(((last - warm) / warm) * 100).toFixed(1)} % growth), before the kill ${rssBeforeKill.toFixed(0)} MiB`);
    const taken = checkpoints.filter(([, n], i) => n > (i === 0 ? 0 : checkpoints[i - 1][1]));
    console.log(`  checkpoints during the soak: ${taken.length === 0 ? 'none' : taken.map(([t, n]) => `#${n} at ${t.toFixed(0)} s`).join(', ')}; `
      + `state dir ${checkpoints.filter((_, i) => i % Math.max(1, Math.floor(checkpoints.length / 8)) === 0).map(([t, , bytes]) => `${t.toFixed(0)}s=${(bytes / 2 ** 20).toFixed(1)}MiB`).join(' ')}`);
    console.log(`  load average (1/5/15 min) at the start ${loadAtStart.map((v) => v.toFixed(1)).join('/')}, at the end ${os.loadavg().map((v) => v.toFixed(1)).join('/')} (${os.cpus().length} CPUs)`);
    const stateBytes = stateDirBytes(stateDir);
    if (retentionSeconds !== undefined) {
      console.log(`  --job-retention ${retentionSeconds}: ${purgedBefore} jobs purged before the kill, ${purged} in all by the restart's check (stopped > ${retentionSeconds} s before)`);
    }
    console.log(`  SIGKILL and restart: ${restartSeconds.toFixed(1)} s to listening; ${acked.length - purged - lost.length}/${acked.length - purged} retained jobs back, ${lost.length} lost, `
      + `${changed.length} in another state; state dir ${(stateBytes / 2 ** 20).toFixed(1)} MiB (${fs.readdirSync(stateDir).sort().join(', ')})`);
    if (errors.length > 0 || lost.length > 0 || changed.length > 0 || missingBefore.length > 0) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    agent.destroy();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
