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

  test('parseEntrypoint splits IMAGE=COMMAND; a spec without both parts is an error naming the expected form', () => {
    expect(parseEntrypoint('a.dkr.ecr/x:1=sh ./run.sh  arg')).toEqual(['a.dkr.ecr/x:1', ['sh', './run.sh', 'arg']]);
    expect(() => parseEntrypoint('just-an-image')).toThrow('expected IMAGE=COMMAND');
    expect(() => parseEntrypoint('=cmd')).toThrow('expected IMAGE=COMMAND');
    expect(() => parseEntrypoint('img=  ')).toThrow('expected IMAGE=COMMAND');
  });
});
