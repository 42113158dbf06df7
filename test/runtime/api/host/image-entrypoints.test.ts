import { ImageEntrypointRunner, parseEntrypoint } from '../../../../src/runtime/api/host/image-entrypoints';
import { AttemptSink, ContainerLaunch, JobRunner } from '../../../../src/runtime/core/executor';

describe('ImageEntrypointRunner', () => {
  const started: string[][] = [];
  const inner: JobRunner = { realTime: true, start: (launch) => { started.push(launch.command); return { stop: () => undefined }; } };
  const runner = new ImageEntrypointRunner(inner, new Map([['repo/print-color', ['sh', '/w/print-color.sh']]]));
  const launch = (image: string | undefined, command: string[]): ContainerLaunch => ({ image, command } as unknown as ContainerLaunch);

  test('a listed image runs its entrypoint followed by the command; other images run the command as is', () => {
    // WHEN
    runner.start(launch('repo/print-color', []), {} as AttemptSink);
    runner.start(launch('repo/print-color', ['--verbose']), {} as AttemptSink);
    runner.start(launch('busybox', ['echo', 'hi']), {} as AttemptSink);
    runner.start(launch(undefined, ['true']), {} as AttemptSink);

    // THEN
    expect(started).toEqual([['sh', '/w/print-color.sh'], ['sh', '/w/print-color.sh', '--verbose'], ['echo', 'hi'], ['true']]);
    expect(runner.realTime).toBe(true);
  });

  test('fields a launch computes lazily (getters) reach the inner runner', () => {
    // GIVEN
    let seen: ContainerLaunch | undefined;
    const capture = new ImageEntrypointRunner({ realTime: false, start: (l) => { seen = l; return { stop: () => undefined }; } }, new Map([['img', ['entry']]]));
    class Lazy { get jobId(): string { return 'job:3'; } get image(): string { return 'img'; } get command(): string[] { return ['arg']; } get attempt(): number { return 2; } }

    // WHEN
    capture.start(new Lazy() as unknown as ContainerLaunch, {} as AttemptSink);

    // THEN
    expect([seen!.jobId, seen!.attempt, seen!.image, seen!.command]).toEqual(['job:3', 2, 'img', ['entry', 'arg']]);
  });

  test('PLAT-2, PLAT-3: GIVEN a task container WHEN it runs through the entrypoint runner THEN its container name reaches the inner runner, and so does the task\'s end', () => {
    // GIVEN
    let seen: ContainerLaunch | undefined;
    const ended: string[] = [];
    const capture = new ImageEntrypointRunner({
      realTime: true,
      start: (l) => { seen = l; return { stop: () => undefined }; },
      taskEnded: (jobId, attempt) => { ended.push(`${jobId}#${attempt}`); },
    }, new Map([['img', ['entry']]]));

    // WHEN
    capture.start({ image: 'img', command: ['arg'], containerName: 'main' } as unknown as ContainerLaunch, {} as AttemptSink);
    capture.taskEnded('job', 2);

    // THEN
    expect(seen!.containerName).toBe('main');
    expect(ended).toEqual(['job#2']);
  });

  test('parseEntrypoint splits IMAGE=COMMAND; a spec without both parts is an error naming the expected form', () => {
    expect(parseEntrypoint('a.dkr.ecr/x:1=sh ./run.sh  arg')).toEqual(['a.dkr.ecr/x:1', ['sh', './run.sh', 'arg']]);
    expect(() => parseEntrypoint('just-an-image')).toThrow('expected IMAGE=COMMAND');
    expect(() => parseEntrypoint('=cmd')).toThrow('expected IMAGE=COMMAND');
    expect(() => parseEntrypoint('img=  ')).toThrow('expected IMAGE=COMMAND');
  });
});
