import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseBehaviors, readBehaviorsFile } from '../../../../src/runtime/api/host/behaviors-file';
import { JobExecutor } from '../../../../src/runtime/executors/job-executor';
import { LocalBatchRuntime } from '../../../../src/runtime/local-batch-runtime';

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'cli', 'fixtures', 'small-stack.template.json');

/** Runs one job of `jobName` on `hello` with the behaviours and returns its detail. */
function runOne(behaviors: unknown, jobName: string, retries: number = 1): ReturnType<LocalBatchRuntime['describeJob']> {
  const runtime = LocalBatchRuntime.fromTemplate(JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')), { executor: JobExecutor.simulated(parseBehaviors(behaviors, 60)) });
  const { jobId } = runtime.submitJob({ jobName, jobQueue: 'first-run-job-queue', jobDefinition: 'hello', retryStrategy: { attempts: retries } });
  runtime.runUntilIdle();
  return runtime.describeJob(jobId);
}

describe('--behaviors files', () => {
  test('#11 §2: without a behaviour every attempt succeeds after the default duration', () => {
    // WHEN
    const job = runOne({}, 'any');

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(job.stoppedAt! - job.startedAt!).toBe(60_000);
  });

  test('#11 §2, RETRY-3: byJobName wins over the default; perAttempt fails the first attempt and succeeds the second', () => {
    // GIVEN
    const behaviors = {
      defaultBehavior: { durationSeconds: 5.25 },
      byJobName: { flaky: { perAttempt: [{ exitCode: 3, durationSeconds: 1, reason: 'boom' }, { durationSeconds: 7 }] } },
    };

    // WHEN
    const flaky = runOne(behaviors, 'flaky', 2);
    const other = runOne(behaviors, 'other');

    // THEN
    expect(flaky.status).toBe('SUCCEEDED');
    expect(flaky.attempts!.map((a) => a.container?.exitCode)).toEqual([3, 0]);
    expect(flaky.stoppedAt! - flaky.startedAt!).toBe(7_000);
    expect(other.stoppedAt! - other.startedAt!).toBe(5_250);
  });

  test.each([
    [{ defaultBehavior: { durationSeconds: -1 } }, 'behaviors.defaultBehavior.durationSeconds: expected a number of seconds >= 0; got -1'],
    [{ byJobName: { x: { exitCode: 256 } } }, 'behaviors.byJobName.x.exitCode: expected an integer 0..255; got 256'],
    [{ byJobDefinition: { x: { speed: 1 } } }, 'behaviors.byJobDefinition.x.speed: unknown member; known: exitCode'],
    [{ byName: {} }, 'behaviors.byName: unknown member; known: defaultBehavior'],
    [[], 'behaviors: expected a JSON object; got []'],
  ])('#11 §2: %j is refused naming the field and the value', (json, message) => {
    expect(() => parseBehaviors(json, 60)).toThrow(message);
  });

  test('#11 §2: a missing or non-JSON file is an error naming the path', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'behaviors-'));
    fs.writeFileSync(path.join(dir, 'bad.json'), '{');

    // THEN
    expect(() => readBehaviorsFile(path.join(dir, 'missing.json'), 60)).toThrow(`--behaviors ${path.join(dir, 'missing.json')}: cannot read it (ENOENT)`);
    expect(() => readBehaviorsFile(path.join(dir, 'bad.json'), 60)).toThrow(`--behaviors ${path.join(dir, 'bad.json')}: not JSON`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('issue #25: "strict": true makes a key that matches nothing an error when the template loads; a non-boolean is refused', () => {
    // GIVEN
    const behaviors = parseBehaviors({ strict: true, byJobDefinition: { 'other-stack-job': {} } }, 60);

    // THEN
    expect(behaviors.strict).toBe(true);
    expect(() => LocalBatchRuntime.fromTemplate(JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')), { executor: JobExecutor.simulated(behaviors) }))
      .toThrow('byJobDefinition["other-stack-job"]');
    expect(() => parseBehaviors({ strict: 'yes' }, 60)).toThrow('behaviors.strict: expected true or false; got "yes"');
  });
});
