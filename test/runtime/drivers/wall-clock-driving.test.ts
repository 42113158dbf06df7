import { spawn } from 'child_process';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { readTemplateFile } from '../../../src/runtime/api/host/template-file';
import { BatchBackend } from '../../../src/runtime/core/backend';
import { RandomIdGenerator } from '../../../src/runtime/drivers/random-id-generator';
import { SystemClock } from '../../../src/runtime/drivers/system-clock';
import { driveOnWallClock } from '../../../src/runtime/drivers/wall-clock-driving';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { JobBehavior } from '../../../src/runtime/executors/simulated/job-behavior';
import { loadTemplate } from '../../../src/runtime/template/template-loader';
import { TS_NODE_REGISTER } from '../../ts-node-cache/ts-node-register';

const ROOT = path.join(__dirname, '..', '..', '..');
const SMALL_STACK = path.join(ROOT, 'test', 'cli', 'fixtures', 'small-stack.template.json');

describe('driveOnWallClock', () => {
  test('issue #15: the timer holds the process while a simulated job runs on the wall clock, and lets go once it is done', async () => {
    // GIVEN a wall-clock backend with the simulated executor (a running job is nothing but a timer)
    const backend = new BatchBackend({
      clock: new SystemClock(),
      ids: new RandomIdGenerator(),
      runner: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.millis(50) }) })._createRunner(),
    });
    const driver = driveOnWallClock(backend);
    const read = readTemplateFile(SMALL_STACK);
    loadTemplate(backend, read.template, read.stackName);
    try {
      // WHEN a job is submitted
      const { jobId } = backend.submitJob({ jobName: 'hello', jobQueue: 'first-run-job-queue', jobDefinition: 'hello' });
      const heldWhileRunning = driver.holdsProcess;
      const finished = new Promise<string>((resolve) => backend.addJobStateListener({
        onJobStateChange: (job) => {
          if (job.jobId === jobId && (job.status === 'SUCCEEDED' || job.status === 'FAILED')) resolve(job.status);
        },
      }));

      // THEN the process is held until it ends; then only housekeeping (scale-down) is left, which does not hold it
      expect(heldWhileRunning).toBe(true);
      expect(await finished).toBe('SUCCEEDED');
      await new Promise((resolve) => setImmediate(resolve)); // the driver re-arms after the event that ended the job
      expect(backend.hasActiveJobs()).toBe(false);
      expect(backend.loop.nextEventTime()).toBeDefined();
      expect(driver.holdsProcess).toBe(false);
    } finally {
      driver.dispose();
    }
  });

  test('issue #15: `batch-local run --executor simulated` waits for its job on the wall clock and then exits on its own', async () => {
    // GIVEN the CLI in its own process, where nothing but the runtime's timer keeps a simulated job alive
    const child = spawn(process.execPath, [
      ...TS_NODE_REGISTER, path.join(ROOT, 'src', 'cli', 'batch-local.ts'),
      'run', '--template', SMALL_STACK, '--executor', 'simulated', '--queue', 'Queue', '--definition', 'Hello', '--json',
    ], { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => stdout += chunk);
    child.stderr.on('data', (chunk) => stderr += chunk);
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);

    // WHEN it runs to its end
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(killer);

    // THEN the job ran to SUCCEEDED before the process exited (no early exit), and it exited by itself
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout).job.status).toBe('SUCCEEDED');
  }, 90_000);
});
