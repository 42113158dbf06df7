import { recordingIo } from './cli-fixture';
import { JobProgressView } from '../../src/cli/job-progress';

describe('JobProgressView', () => {
  test('ARR-3: on a terminal, a bar of finished children with the counts per state', () => {
    // GIVEN
    const io = recordingIo(true);
    let drawn = '';
    io.progressStream.on('data', (chunk) => { drawn += chunk; });
    const view = new JobProgressView(io, 'render', 3, false);

    // WHEN
    view.update('PENDING', { RUNNING: 1, SUCCEEDED: 2 });
    view.stop();

    // THEN
    expect(drawn).toContain('2/3 children finished | PENDING (RUNNING 1, SUCCEEDED 2)');
    expect(io.stderr).toEqual([]);
  });

  test('a log line printed while the bar is drawn first erases the bar\'s line, then saves the cursor below it, so the two do not mix', () => {
    // GIVEN
    const io = recordingIo(true);
    let drawn = '';
    io.progressStream.on('data', (chunk) => { drawn += chunk; });
    const view = new JobProgressView(io, 'job', 1, false);
    const before = drawn.length;

    // WHEN
    let drawnBeforePrint = '';
    view.printAbove(() => {
      drawnBeforePrint = drawn.slice(before);
      io.out('a log line');
    });
    const drawnAfterPrint = drawn.slice(before + drawnBeforePrint.length);
    view.stop();

    // THEN: erase line, column 1; the line; save cursor (the bar's stop() restores to here, below the line)
    expect(drawnBeforePrint).toBe('\x1b[2K\x1b[1G');
    expect(io.stdout).toEqual(['a log line']);
    expect(drawnAfterPrint).toBe('\x1b7');
    expect(drawn.slice(0, before)).toContain('\x1b7'); // cli-progress saved it at its start
  });

  test('elsewhere, one line per change of the job\'s state and log lines printed as they are', () => {
    // GIVEN
    const io = recordingIo(false);
    const view = new JobProgressView(io, 'job', 1, false);

    // WHEN
    view.update('RUNNABLE');
    view.update('RUNNABLE');
    view.printAbove(() => io.out('a log line'));
    view.update('SUCCEEDED');
    view.stop();

    // THEN
    expect(io.stderr).toEqual(['job: RUNNABLE', 'job: SUCCEEDED']);
    expect(io.stdout).toEqual(['a log line']);
  });
});
