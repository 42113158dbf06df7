import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { Endpoint, startEndpoint } from './endpoint-fixture';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { TemporaryWorkRoot } from '../../temporary-work-root';

const run = promisify(execFile);

/*
 * The AWS Batch User Guide's array-job tutorial ("print-color", seed pp. 46-48) run verbatim through
 * the AWS CLI v1 and boto3 against batch-local: the same JSON files, the same commands, plus
 * --endpoint-url. The image is mapped to its entrypoint script on the host (the process executor
 * pulls no images); the script reads colors.txt next to itself instead of /tmp/colors.txt.
 */
const IMAGE = 'aws_account_id.dkr.ecr.region.amazonaws.com/print-color';
const COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'indigo', 'violet'];
const JOB_DEF_JSON = `{
  "jobDefinitionName": "print-color",
  "type": "container",
  "containerProperties": {
    "image": "aws_account_id.dkr.ecr.region.amazonaws.com/print-color",
    "vcpus": 1,
    "memory": 250
  }
}
`;
const JOB_JSON = `{
  "jobName": "print-color",
  "jobQueue": "first-run-job-queue",
  "arrayProperties": {
    "size": 7
  },
  "jobDefinition": "print-color"
}
`;
const PRINT_COLOR_SH = `#!/bin/sh
LINE=$((AWS_BATCH_JOB_ARRAY_INDEX + 1))
COLOR=$(sed -n \${LINE}p "$(dirname "$0")/colors.txt")
echo My favorite color of the rainbow is $COLOR.
`;
const FIXTURE = path.join(__dirname, '..', '..', 'cli', 'fixtures', 'small-stack.template.json');
const CLIENT_ENV = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDLOCAL', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };

describe('the print-color array job tutorial, verbatim with --endpoint-url', () => {
  let workspace: string;
  let workRoot: TemporaryWorkRoot;
  let endpoint: Endpoint;

  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'print-color-'));
    fs.chmodSync(workspace, 0o755); // the process executor may run the job as another user (the container's)
    fs.writeFileSync(path.join(workspace, 'colors.txt'), `${COLORS.join('\n')}\n`);
    fs.writeFileSync(path.join(workspace, 'print-color.sh'), PRINT_COLOR_SH, { mode: 0o755 });
    fs.writeFileSync(path.join(workspace, 'print-color-job-def.json'), JOB_DEF_JSON);
    fs.writeFileSync(path.join(workspace, 'print-color-job.json'), JOB_JSON);
    workRoot = new TemporaryWorkRoot('print-color-work');
    endpoint = await startEndpoint({
      executor: JobExecutor.process({ workRoot: workRoot.path }),
      entrypoints: new Map([[IMAGE, ['sh', path.join(workspace, 'print-color.sh')]]]),
    });
    endpoint.host.loadTemplateFile(FIXTURE);
  });

  afterEach(async () => {
    await endpoint.close();
    fs.rmSync(workspace, { recursive: true, force: true });
    workRoot.remove();
  });

  test('ARR-1, ARR-2, LOG-1: the AWS CLI registers, submits an array of 7, waits for SUCCEEDED and reads each child\'s colour', async () => {
    // GIVEN
    const aws = async (...args: string[]): Promise<any> => {
      const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint.url, '--output', 'json'], { cwd: workspace, env: CLIENT_ENV });
      return stdout.trim() ? JSON.parse(stdout) : {};
    };

    // WHEN
    const registered = await aws('batch', 'register-job-definition', '--cli-input-json', 'file://print-color-job-def.json');
    const { jobId } = await aws('batch', 'submit-job', '--cli-input-json', 'file://print-color-job.json');
    let status = '';
    const deadline = Date.now() + 90_000;
    while (status !== 'SUCCEEDED' && status !== 'FAILED' && Date.now() < deadline) {
      status = (await aws('batch', 'describe-jobs', '--jobs', jobId)).jobs[0].status;
    }
    const children = (await aws('batch', 'describe-jobs', '--jobs', ...COLORS.map((_, i) => `${jobId}:${i}`))).jobs;
    const lines: string[] = [];
    for (const child of children) {
      const events = await aws('logs', 'get-log-events', '--log-group-name', '/aws/batch/job', '--log-stream-name', child.container.logStreamName);
      lines.push(...events.events.map((event: { message: string }) => event.message));
    }

    // THEN
    expect(registered).toMatchObject({ jobDefinitionName: 'print-color', revision: 1 });
    expect(children.map((child: any) => [child.status, child.statusReason])).toEqual(COLORS.map(() => ['SUCCEEDED', 'Essential container in task exited']));
    expect(status).toBe('SUCCEEDED');
    expect(lines).toEqual(COLORS.map((color) => `My favorite color of the rainbow is ${color}.`));
  }, 240_000);

  test('ARR-1, ARR-2, LOG-1: the same steps through boto3', async () => {
    // GIVEN
    const script = `
import boto3, json, sys, time
url = sys.argv[1]
batch = boto3.client('batch', endpoint_url=url)
logs = boto3.client('logs', endpoint_url=url)
batch.register_job_definition(**json.load(open('print-color-job-def.json')))
job_id = batch.submit_job(**json.load(open('print-color-job.json')))['jobId']
status = ''
deadline = time.time() + 90
while time.time() < deadline:
    status = batch.describe_jobs(jobs=[job_id])['jobs'][0]['status']
    if status in ('SUCCEEDED', 'FAILED'):
        break
    time.sleep(0.1)
children = batch.describe_jobs(jobs=['%s:%d' % (job_id, i) for i in range(7)])['jobs']
lines = []
for child in children:
    events = logs.get_log_events(logGroupName='/aws/batch/job', logStreamName=child['container']['logStreamName'])['events']
    lines += [event['message'] for event in events]
print(json.dumps({'status': status, 'lines': lines}))
`;
    fs.writeFileSync(path.join(workspace, 'tutorial.py'), script);

    // WHEN
    const { stdout } = await run('python3', ['tutorial.py', endpoint.url], { cwd: workspace, env: CLIENT_ENV });
    const result = JSON.parse(stdout);

    // THEN
    expect(result.status).toBe('SUCCEEDED');
    expect(result.lines).toEqual(COLORS.map((color) => `My favorite color of the rainbow is ${color}.`));
  }, 240_000);
});
