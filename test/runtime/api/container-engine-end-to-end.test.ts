import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BatchEnvironment, JobExecutor, LocalBatchRuntime } from '../../../src';
import { serve, ServeHandle } from '../../../src/cli/commands/serve';
import { recordingIo } from '../../cli/cli-fixture';
import { BUSYBOX_IMAGE, describeWithRealEngine } from '../executors/fixtures/real-engine';

const run = promisify(execFile);

/*
 * The seed's print-color array job (each child prints the colour its AWS_BATCH_JOB_ARRAY_INDEX picks)
 * and the hello-world job, from a synthesized CDK stack whose job definitions run the busybox image,
 * through a real container engine: via the LocalBatchRuntime facade, and via boto3 against
 * `batch-local serve --executor docker`.
 */
const COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'indigo', 'violet'];
const EXPECTED_LINES = COLORS.map((color) => `My favorite color of the rainbow is ${color}.`);
// busybox has no sed and no /tmp/colors.txt: the colour list is the script's positional parameters.
const PRINT_COLOR = `set -- ${COLORS.join(' ')}; shift "$AWS_BATCH_JOB_ARRAY_INDEX"; echo "My favorite color of the rainbow is $1."`;

function buildStack(): { stack: Stack; environment: BatchEnvironment } {
  const app = new App();
  const stack = new Stack(app, 'ContainerEndToEnd');
  const environment = new BatchEnvironment(stack, 'Batch');
  const image = ecs.ContainerImage.fromRegistry(BUSYBOX_IMAGE);
  environment.addJobDefinition('HelloWorld', { image, command: ['echo', 'hello world'], jobDefinitionName: 'hello-world' });
  environment.addJobDefinition('PrintColor', { image, command: ['sh', '-c', PRINT_COLOR], jobDefinitionName: 'print-color' });
  return { stack, environment };
}

// Real containers on a shared machine: a generous ceiling per test, never a timing assertion.
jest.setTimeout(240_000);

describeWithRealEngine('print-color and hello-world on a real container engine', () => {
  let workRoot: string;
  beforeAll(() => { workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'container-e2e-')); });
  afterAll(() => fs.rmSync(workRoot, { recursive: true, force: true }));

  test('ARR-1, ARR-2, LOG-1: through the LocalBatchRuntime facade', async () => {
    // GIVEN
    const { stack, environment } = buildStack();
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.docker({ workRoot }) });
    try {
      // WHEN
      const hello = runtime.submitJob({ jobName: 'hello-world', jobQueue: environment.jobQueue.jobQueueArn, jobDefinition: 'hello-world' });
      const colors = runtime.submitJob({ jobName: 'print-color', jobQueue: environment.jobQueue.jobQueueArn, jobDefinition: 'print-color', arrayProperties: { size: 7 } });
      const [helloJob, parent] = await Promise.all([runtime.waitForJob(hello.jobId), runtime.waitForJob(colors.jobId)]);
      // THEN
      expect([helloJob.status, parent.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      expect(runtime.getJobLogs(hello.jobId)).toEqual(['hello world']);
      expect(COLORS.flatMap((_, index) => runtime.getJobLogs(`${colors.jobId}:${index}`))).toEqual(EXPECTED_LINES);
    } finally {
      runtime.dispose();
    }
  });

  test('ARR-1, ARR-2, LOG-1: through boto3 against batch-local serve --executor docker', async () => {
    // GIVEN the synthesized template served with the container executor
    const templateFile = path.join(workRoot, 'template.json');
    fs.writeFileSync(templateFile, JSON.stringify(Template.fromStack(buildStack().stack).toJSON()));
    const io = recordingIo();
    const handle: ServeHandle = await serve({ template: templateFile, port: 0, host: '127.0.0.1', executor: 'docker', engine: 'auto', json: true }, io);
    const script = `
import boto3, json, sys, time
url = sys.argv[1]
batch = boto3.client('batch', endpoint_url=url)
logs = boto3.client('logs', endpoint_url=url)
queue = batch.describe_job_queues()['jobQueues'][0]['jobQueueName']
def wait(job_id):
    deadline = time.time() + 120
    while time.time() < deadline:
        job = batch.describe_jobs(jobs=[job_id])['jobs'][0]
        if job['status'] in ('SUCCEEDED', 'FAILED'):
            return job['status']
        time.sleep(0.2)
    return 'TIMED OUT'
def lines(job_id):
    stream = batch.describe_jobs(jobs=[job_id])['jobs'][0]['container']['logStreamName']
    return [e['message'] for e in logs.get_log_events(logGroupName='/aws/batch/job', logStreamName=stream)['events']]
hello = batch.submit_job(jobName='hello-world', jobQueue=queue, jobDefinition='hello-world')['jobId']
colors = batch.submit_job(jobName='print-color', jobQueue=queue, jobDefinition='print-color', arrayProperties={'size': 7})['jobId']
result = {'hello': [wait(hello), lines(hello)], 'colors': wait(colors), 'lines': sum((lines('%s:%d' % (colors, i)) for i in range(7)), [])}
print(json.dumps(result))
`;
    fs.writeFileSync(path.join(workRoot, 'e2e.py'), script);
    try {
      // WHEN
      const { stdout } = await run('python3', ['e2e.py', handle.url], {
        cwd: workRoot,
        env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDLOCAL', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1' },
      });
      const result = JSON.parse(stdout);
      // THEN
      expect(JSON.parse(io.stdout.join(''))).toMatchObject({ executor: 'docker' });
      expect(result.hello).toEqual(['SUCCEEDED', ['hello world']]);
      expect(result.colors).toBe('SUCCEEDED');
      expect(result.lines).toEqual(EXPECTED_LINES);
    } finally {
      await handle.close();
    }
  });
});
