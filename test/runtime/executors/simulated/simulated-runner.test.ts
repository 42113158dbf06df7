import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { JobBehavior } from '../../../../src';
import { SimulatedRunner } from '../../../../src/runtime/executors/simulated/simulated-runner';
import { containerLaunch, RecordingSink } from '../fixtures/recording-sink';

function runnerOf(behavior: JobBehavior, seed?: number): SimulatedRunner {
  return new SimulatedRunner({ behaviorFor: () => behavior }, seed);
}

describe('SimulatedRunner', () => {
  test('LOG-1, LIFE-2: logs the behaviour\'s lines at start and exits with its code after its duration', () => {
    // GIVEN
    const sink = new RecordingSink('manual');
    // WHEN
    runnerOf(JobBehavior.fail({ exitCode: 2, duration: Duration.seconds(5), logLines: ['x'], reason: 'why' })).start(containerLaunch(), sink);
    // THEN
    expect(sink.lines).toEqual(['x']);
    expect(sink.exits).toEqual([]);
    expect(sink.runTimers()).toEqual([5000]);
    expect(sink.exits).toEqual([{ exitCode: 2, reason: 'why' }]);
  });

  test('TIME-2: SIGTERM ends the container at once with 143', () => {
    // GIVEN
    const sink = new RecordingSink('manual');
    const handle = runnerOf(JobBehavior.succeed({ duration: Duration.hours(1) })).start(containerLaunch(), sink);
    // WHEN
    handle.stop('SIGTERM');
    // THEN
    expect(sink.exits).toEqual([{ exitCode: 143 }]);
    expect(sink.runTimers()).toEqual([]); // the normal exit was cancelled
  });

  test('TIME-2: a container that ignores SIGTERM runs on until SIGKILL (137)', () => {
    // GIVEN
    const sink = new RecordingSink('manual');
    const handle = runnerOf(JobBehavior.succeed({ duration: Duration.hours(1), ignoresSigterm: true })).start(containerLaunch(), sink);
    // WHEN
    handle.stop('SIGTERM');
    const afterTerm = [...sink.exits];
    handle.stop('SIGKILL');
    // THEN
    expect(afterTerm).toEqual([]);
    expect(sink.exits).toEqual([{ exitCode: 137 }]);
  });

  test('a custom handler that throws fails the attempt with CannotStartContainerError, not the runtime', () => {
    // GIVEN
    const sink = new RecordingSink('manual');
    const behavior = JobBehavior.custom({ run: () => { throw new Error('handler bug'); } });
    // WHEN
    runnerOf(behavior).start(containerLaunch(), sink);
    // THEN
    expect(sink.exits).toEqual([{ reason: 'CannotStartContainerError: handler bug', statusReason: 'Task failed to start: handler bug' }]);
  });

  test('the handler gets the launch\'s command, environment and a seeded random draw', () => {
    // GIVEN
    const draws: number[][] = [[], []];
    for (const run of [0, 1]) {
      const runner = runnerOf(JobBehavior.custom({
        run: (ctx) => {
          draws[run].push(ctx.random);
          expect(ctx.command).toEqual(['echo', 'hi']);
          expect(ctx.environment.AWS_BATCH_JOB_ATTEMPT).toBe('2');
          return { exitCode: 0 };
        },
      }), 11);
      // WHEN
      for (let i = 0; i < 3; i++) runner.start(containerLaunch({ command: ['echo', 'hi'], attempt: 2 }), new RecordingSink('manual'));
    }
    // THEN
    expect(draws[0]).toHaveLength(3);
    expect(draws[1]).toEqual(draws[0]);
  });

  test('PLAT-3: GIVEN a pod container whose pod has a required secret WHEN the secrets directory lacks it THEN the attempt fails to start as on a real executor, and with the secret it runs', () => {
    // GIVEN
    const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'simulated-secrets-'));
    try {
      const launch = (secretName: string) => containerLaunch({
        containerName: 'main', container: { volumes: [{ name: 'creds', secret: { secretName, optional: false } }] },
      });
      fs.mkdirSync(path.join(secrets, 'present'));
      const runner = new SimulatedRunner({ behaviorFor: () => JobBehavior.succeed() }, 1, secrets);
      const missing = new RecordingSink('manual');
      const present = new RecordingSink('manual');

      // WHEN
      runner.start(launch('absent'), missing);
      runner.start(launch('present'), present);
      present.runTimers();

      // THEN
      expect(missing.exits).toEqual([{
        reason: expect.stringMatching(/^ResourceInitializationError: volume "creds": secret "absent" not found/),
        statusReason: expect.stringMatching(/^Task failed to start: volume "creds": secret "absent" not found: no directory /),
      }]);
      expect(present.exits).toEqual([{ exitCode: 0 }]);
    } finally {
      fs.rmSync(secrets, { recursive: true, force: true });
    }
  });

  test('#21 §2, TIME-2: a running attempt saved by a checkpoint and resumed ends as it would have: its end re-armed, SIGTERM ignored as before', () => {
    // GIVEN a running attempt that ignores SIGTERM, saved as data (through JSON, as a checkpoint writes it)
    const runner = runnerOf(JobBehavior.fail({ exitCode: 4, duration: Duration.hours(1), ignoresSigterm: true }));
    const handle = runner.start(containerLaunch(), new RecordingSink('manual'));
    const saved = JSON.parse(JSON.stringify(runner.saveAttempt(handle)));

    // WHEN a fresh runner resumes it and the restore re-arms its end
    const sink = new RecordingSink('manual');
    const resumed = runnerOf(JobBehavior.succeed()).resumeAttempt(containerLaunch(), sink, saved);
    const rearmed: Array<() => void> = [];
    resumed.resumeTimer!((action) => {
      rearmed.push(action);
      return { cancel: () => rearmed.splice(0) };
    });
    resumed.stop('SIGTERM');

    // THEN SIGTERM still does nothing, and the re-armed end gives the saved result (not the new runner's behaviour)
    expect(sink.exits).toEqual([]);
    rearmed[0]();
    expect(sink.exits).toEqual([{ exitCode: 4 }]);
    expect(sink.lines).toEqual([]); // its lines were logged when it started, before the checkpoint
  });

  test('#21 §2: a handle the runner did not start (a failed start) is not saved', () => {
    expect(runnerOf(JobBehavior.succeed()).saveAttempt({ stop: () => undefined })).toBeUndefined();
  });

  test('#21 §2: GIVEN a runner that drew jittered durations WHEN its state is checkpointed into a fresh runner THEN the fresh one draws what the first draws next', () => {
    // GIVEN
    const jittered = JobBehavior.succeed({ duration: Duration.seconds(100), jitter: Duration.seconds(50) });
    const first = runnerOf(jittered, 3);
    const durationOf = (runner: SimulatedRunner): number => {
      const sink = new RecordingSink('manual');
      runner.start(containerLaunch(), sink);
      return sink.runTimers()[0];
    };
    durationOf(first);

    // WHEN
    const fresh = runnerOf(jittered, 3);
    fresh.restoreState(JSON.parse(JSON.stringify(first.checkpointState())));

    // THEN
    expect(durationOf(fresh)).toBe(durationOf(first));
  });
});
