/**
 * The local console with 100,000 jobs in the store: time per console request (the dashboard's
 * overview, a queue's first page, filtered and deep pages, a job's view) measured as loopback round
 * trips to an in-process `BatchLocalServer` (an upper bound of the server's time), and the time
 * Chromium takes to load the dashboard and the jobs page (navigation start to the table shown).
 * Goals (issue #26): at most 50 ms per request, at most 1 s per page load.
 *
 *   npm run bench -- console-requests
 *   npx ts-node -T --project bench/tsconfig.json bench/console-requests.ts [jobs] [requests]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { BatchLocalServer } from '../src/runtime/api/batch-local-server';
import { EndpointHost } from '../src/runtime/api/host/endpoint-host';
import { addClockRoutes } from '../src/runtime/api/local/clock-routes';
import { JobExecutor } from '../src/runtime/executors/job-executor';
import { JobBehavior } from '../src/runtime/executors/simulated/job-behavior';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Wall time of loopback round trips, and the CPU time this process spent on each (server and client
 * together, an upper bound of the server's): on a shared machine the CPU time is the steadier figure.
 */
async function timeRequests(url: string, requests: number): Promise<{ medianMs: number; p95Ms: number; cpuMedianMs: number; bytes: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests + 3; i++) {
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const response = await fetch(url);
    const text = await response.text();
    if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
    const used = process.cpuUsage(cpuStarted);
    if (i >= 3) { // 3 warm-up requests
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      cpu.push((used.user + used.system) / 1000);
    }
    bytes = text.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), cpuMedianMs: quantile(cpu, 0.5), bytes };
}

export async function main(jobCount: number = 100_000, requests: number = 30): Promise<void> {
  const host = EndpointHost.create({
    clock: 'virtual',
    executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.seconds(1), logLines: ['done'] }) }),
  });
  const backend = host.backend;
  backend.createComputeEnvironment({ computeEnvironmentName: 'ce', type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 256, subnets: ['subnet-1'], instanceTypes: ['c5.4xlarge'] } } as any);
  backend.createJobQueue({ jobQueueName: 'q', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'ce' }] });
  backend.registerJobDefinition({ jobDefinitionName: 'd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 512 } });
  const setup = Date.now();
  // Half the jobs finished, half waiting: the mix a long-running console sees.
  for (let i = 0; i < jobCount / 2; i++) backend.submitJob({ jobName: `done-${i % 100}-${i}`, jobQueue: 'q', jobDefinition: 'd', shareIdentifier: undefined });
  host.runUntilIdle();
  let sample = '';
  for (let i = 0; i < jobCount / 2; i++) sample = backend.submitJob({ jobName: `wait-${i % 100}-${i}`, jobQueue: 'q', jobDefinition: 'd' }).jobId;
  const server = new BatchLocalServer(backend);
  addClockRoutes(server.localRoutes, host);
  const url = await server.listen(0);
  console.log(`${jobCount} jobs in queue q (half SUCCEEDED, half SUBMITTED), set up in ${((Date.now() - setup) / 1000).toFixed(1)} s`);
  const middle = backend.jobsInQueue('q')[jobCount / 2].sequence;
  const routes: Array<[string, string]> = [
    ['dashboard overview', '/console/api/overview'],
    ['jobs, first page (50)', '/console/api/queues/q/jobs'],
    ['jobs, status SUCCEEDED', '/console/api/queues/q/jobs?status=SUCCEEDED'],
    ['jobs, name prefix', '/console/api/queues/q/jobs?prefix=done-7-'],
    ['jobs, page in the middle', `/console/api/queues/q/jobs?before=${middle}`],
    ['jobs, no match', '/console/api/queues/q/jobs?prefix=nothing'],
    ['job view (dependents scan)', `/console/api/jobs/${sample}`],
  ];
  try {
    for (const [label, route] of routes) {
      const figures = await timeRequests(url + route, requests);
      console.log(`  ${label.padEnd(28)} median ${figures.medianMs.toFixed(1).padStart(6)} ms   p95 ${figures.p95Ms.toFixed(1).padStart(6)} ms   `
        + `CPU median ${figures.cpuMedianMs.toFixed(1).padStart(5)} ms   ${figures.bytes} bytes`);
    }
    if (fs.existsSync(CHROMIUM)) await pageLoads(url);
    else console.log(`  (no Chromium at ${CHROMIUM}: page loads not measured)`);
  } finally {
    await server.close();
    host.dispose();
  }
}

/** Chromium: navigation to the dashboard and the jobs page until their tables show (median of 5, warm browser). */
async function pageLoads(url: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'console-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await context.newPage();
    for (const [label, route, selector] of [['dashboard', '/console/', '#queues'], ['jobs page', '/console/queues/q', '#jobs']]) {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const started = Date.now();
        await page.goto(url + route);
        await page.locator(selector).waitFor();
        if (i > 0) times.push(Date.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`  Chromium page load, ${label.padEnd(10)} median ${quantile(times, 0.5)} ms   max ${times[times.length - 1]} ms`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 30)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
