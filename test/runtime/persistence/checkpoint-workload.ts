import * as fs from 'fs';
import * as path from 'path';
import { SMALL_STACK } from '../../cli/cli-fixture';
import { rawRequest } from '../api/endpoint-fixture';

/** The small stack with instances always up (minvCpus 2), written into `dir`: its checkpoints carry instances (#21 §2). */
export function minvCpusStack(dir: string): string {
  const stack = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
  const ce = Object.values<any>(stack.Resources).find((resource) => resource.Type === 'AWS::Batch::ComputeEnvironment');
  ce.Properties.ComputeResources.MinvCpus = 2;
  const file = path.join(dir, 'min-vcpus.template.json');
  fs.writeFileSync(file, JSON.stringify(stack));
  return file;
}

/** A JSON POST to a running endpoint; the parsed body. */
export async function post(url: string, route: string, body: unknown): Promise<any> {
  const response = await rawRequest(url, 'POST', route, JSON.stringify(body));
  if (response.status !== 200) throw new Error(`POST ${route}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Submits `count` jobs named `prefix-i`, one after another (so ids come in a fixed order): every 5th
 * an array of 3, every 3rd after the job before it, every 7th on the failing definition with 2 attempts;
 * with `timeouts`, every 4th with a 60 s attempt timeout (TIME-2) and 2 attempts.
 */
export async function submitBatch(url: string, prefix: string, count: number, timeouts: boolean = false): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const previous = ids[ids.length - 1];
    const { jobId } = await post(url, '/v1/submitjob', {
      jobName: `${prefix}-${i}`,
      jobQueue: 'first-run-job-queue',
      jobDefinition: i % 7 === 6 ? 'failing' : 'hello',
      ...(i % 7 === 6 ? { retryStrategy: { attempts: 2 } } : {}),
      ...(i % 5 === 0 ? { arrayProperties: { size: 3 } } : {}),
      ...(i % 3 === 1 && previous ? { dependsOn: [{ jobId: previous }] } : {}),
      ...(timeouts && i % 4 === 3 ? { timeout: { attemptDurationSeconds: 60 }, retryStrategy: { attempts: 2 } } : {}),
      tags: { batch: prefix },
    });
    ids.push(jobId);
  }
  return ids;
}

/** Describes every job (array children included) and reads each attempt's log stream: what a restart must give back. */
export async function observe(url: string, ids: string[]): Promise<unknown> {
  const jobs: any[] = [];
  for (let start = 0; start < ids.length; start += 100) jobs.push(...(await post(url, '/v1/describejobs', { jobs: ids.slice(start, start + 100) })).jobs);
  const children = jobs.filter((job) => job.arrayProperties?.size).flatMap((job) => Array.from({ length: job.arrayProperties.size }, (_, i) => `${job.jobId}:${i}`));
  for (let start = 0; start < children.length; start += 100) jobs.push(...(await post(url, '/v1/describejobs', { jobs: children.slice(start, start + 100) })).jobs);
  const logs: Record<string, string[]> = {};
  for (const job of jobs) {
    for (const attempt of job.attempts ?? []) {
      const stream = attempt.container?.logStreamName;
      if (!stream) continue;
      const response = await rawRequest(url, 'POST', '/', JSON.stringify({ logGroupName: '/aws/batch/job', logStreamName: stream }),
        { 'X-Amz-Target': 'Logs_20140328.GetLogEvents', 'Content-Type': 'application/x-amz-json-1.1' });
      logs[stream] = response.status === 200 ? response.body.events.map((event: { message: string }) => event.message) : [`HTTP ${response.status}`];
    }
  }
  const listed = await post(url, '/v1/listjobs', { jobQueue: 'first-run-job-queue', filters: [{ name: 'JOB_NAME', values: ['*'] }] });
  const clock = (await rawRequest(url, 'GET', '/_local/clock')).body;
  return { jobs, logs, listed: listed.jobSummaryList.map((job: { jobId: string }) => job.jobId), clock };
}
