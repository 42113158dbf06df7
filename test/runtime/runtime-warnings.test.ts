import { App, Stack } from 'aws-cdk-lib';
import { BatchEnvironment, IRuntimeLogger, JobBehavior, JobExecutor, LocalBatchRuntime } from '../../src';
import { ConsoleRuntimeLogger, RuntimeWarnings } from '../../src/runtime/runtime-warnings';

/** A logger that keeps what it is told. */
class KeptWarnings implements IRuntimeLogger {
  readonly messages: string[] = [];
  warn(message: string): void {
    this.messages.push(message);
  }
}

function defaultStack(): Stack {
  const stack = new Stack(new App(), 'Batch');
  const batch = new BatchEnvironment(stack, 'Batch');
  batch.addJobDefinition('render', { command: ['render'] });
  return stack;
}

describe('runtime warnings', () => {
  test('issue #15: a behaviour key that matches nothing in a default BatchEnvironment is a warning, kept and logged', () => {
    // GIVEN the README's old snippet keys against a default BatchEnvironment
    const logger = new KeptWarnings();

    // WHEN
    const runtime = LocalBatchRuntime.fromStack(defaultStack(), {
      logger,
      executor: JobExecutor.simulated({ byJobDefinition: { flaky: JobBehavior.fail(), render: JobBehavior.fail() } }),
    });

    // THEN only the unmatched key is reported, naming the key, the definitions and their construct paths
    expect(runtime.warnings()).toHaveLength(1);
    expect(runtime.warnings()[0]).toMatch(/^JobExecutor\.simulated byJobDefinition\["flaky"\]: unknown job definition "flaky"; known: Batch-Batchrender\w+-\w+:1; or by logical id \(construct path\): Batchrender\w+ \(Batch\/Batch\/render\)\. Its behaviour is never used\.$/);
    expect(logger.messages).toEqual(runtime.warnings());
  });

  test('issue #15: a byJobDefinition key given as a construct id drives the jobs of that definition', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromStack(defaultStack(), {
      logger: new KeptWarnings(),
      executor: JobExecutor.simulated({ byJobDefinition: { render: JobBehavior.fail({ exitCode: 3 }) } }),
    });

    // WHEN
    const { jobId } = runtime.submitJob({ jobName: 'r', jobQueue: 'JobQueue', jobDefinition: 'render' });
    runtime.runUntilIdle();

    // THEN
    expect(runtime.describeJob(jobId).container?.exitCode).toBe(3);
    expect(runtime.warnings()).toEqual([]);
  });

  test('issue #15: strict makes an unmatched key an error when the template loads', () => {
    expect(() => LocalBatchRuntime.fromStack(defaultStack(), {
      executor: JobExecutor.simulated({ strict: true, byImage: { busybox: JobBehavior.fail() } }),
    })).toThrow('JobExecutor.simulated byImage["busybox"]: no job definition of the template uses image "busybox"');
  });

  test('issue #15: byJobName keys no job ran with are reported at dispose, once', () => {
    // GIVEN
    const logger = new KeptWarnings();
    const runtime = LocalBatchRuntime.fromStack(defaultStack(), {
      logger,
      executor: JobExecutor.simulated({ byJobName: { nightly: JobBehavior.fail(), used: JobBehavior.succeed() } }),
    });
    runtime.submitJob({ jobName: 'used', jobQueue: 'JobQueue', jobDefinition: 'render' });
    runtime.runUntilIdle();

    // WHEN
    runtime.dispose();
    runtime.dispose();

    // THEN
    expect(runtime.warnings()).toEqual(['JobExecutor.simulated byJobName["nightly"]: no job named "nightly" ran; its behaviour was never used.']);
    expect(logger.messages).toEqual(runtime.warnings());
  });

  test('issue #15: the default channel is console.warn, with the package name', () => {
    // GIVEN
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // WHEN
      const warnings = new RuntimeWarnings(new ConsoleRuntimeLogger());
      warnings.report(['a key matches nothing']);

      // THEN
      expect(spy).toHaveBeenCalledWith('cdk-batch-kit: a key matches nothing');
      expect(warnings.all()).toEqual(['a key matches nothing']);
    } finally {
      spy.mockRestore();
    }
  });
});
