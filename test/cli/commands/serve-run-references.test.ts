import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BatchClient, DescribeJobsCommand, SubmitJobCommand } from '@aws-sdk/client-batch';
import { run } from '../../../src/cli/commands/run';
import { serve, ServeHandle } from '../../../src/cli/commands/serve';
import { recordingIo, SMALL_STACK } from '../cli-fixture';

/** The small stack as `cdk synth` writes it: each resource with its construct path in `aws:cdk:path` metadata. */
function templateWithPathMetadata(directory: string): string {
  const template = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
  for (const [logicalId, resource] of Object.entries<any>(template.Resources)) {
    resource.Metadata = { 'aws:cdk:path': `small-stack/Batch/${logicalId}/Resource` };
  }
  const file = path.join(directory, 'small-stack.template.json');
  fs.writeFileSync(file, JSON.stringify(template));
  return file;
}

describe('batch-local serve and run: one reference resolver', () => {
  let directory: string;
  let template: string;
  let handle: ServeHandle | undefined;
  let batch: BatchClient | undefined;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-local-references-'));
    template = templateWithPathMetadata(directory);
  });

  afterEach(async () => {
    batch?.destroy();
    await handle?.close();
    handle = undefined;
    fs.rmSync(directory, { recursive: true, force: true });
  });

  async function served(): Promise<BatchClient> {
    handle = await serve({ template, port: 0, host: '127.0.0.1', executor: 'simulated' }, recordingIo());
    batch = new BatchClient({ endpoint: handle.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    return batch;
  }

  test.each([
    ['a logical id', 'Queue', 'Hello'],
    ['a construct path', 'small-stack/Batch/Queue', 'small-stack/Batch/Hello/Resource'],
    ['a construct id', 'Batch/Queue', 'Hello'],
    ['a name', 'first-run-job-queue', 'hello'],
  ])('issue #15: serve accepts %s for the queue and job definition of SubmitJob, as run does', async (_kind, queue, definition) => {
    // GIVEN the endpoint on a template synthesized with path metadata
    const client = await served();

    // WHEN
    const { jobId } = await client.send(new SubmitJobCommand({ jobName: 'ref', jobQueue: queue, jobDefinition: definition }));
    const { jobs } = await client.send(new DescribeJobsCommand({ jobs: [jobId!] }));
    const ran = await run({ template, queue, definition, executor: 'simulated', json: true }, recordingIo());

    // THEN both resolved the same resources
    expect(jobs![0].jobQueue).toBe('arn:aws:batch:us-east-1:123456789012:job-queue/first-run-job-queue');
    expect(jobs![0].jobDefinition).toBe('arn:aws:batch:us-east-1:123456789012:job-definition/hello:1');
    expect(ran.result.job.jobQueue).toBe(jobs![0].jobQueue);
    expect(ran.result.job.jobDefinition).toBe(jobs![0].jobDefinition);
  }, 60_000);

  test('issue #15: an unknown queue is a ClientException at the endpoint listing names, logical ids and construct paths, and an error of run', async () => {
    // GIVEN
    const client = await served();

    // WHEN / THEN
    const expected = 'jobQueue: unknown job queue "JobQueue"; known: first-run-job-queue, broken-queue; '
      + 'or by logical id (construct path): Queue (small-stack/Batch/Queue), BrokenQueue (small-stack/Batch/BrokenQueue)';
    await expect(client.send(new SubmitJobCommand({ jobName: 'x', jobQueue: 'JobQueue', jobDefinition: 'hello' })))
      .rejects.toMatchObject({ name: 'ClientException', message: expected });
    await expect(run({ template, queue: 'JobQueue', definition: 'hello', executor: 'simulated' }, recordingIo())).rejects.toThrow(expected);
  }, 60_000);
});
