import { hostArgv, withoutTagOrDigest } from '../../../../src/runtime/executors/process/image-commands';

const images = {
  'my-repo/trainer': { entrypoint: ['python', '/app/train.py'], command: ['--epochs', '1'] },
  'tools:2': { command: ['run-default'] },
};

describe('hostArgv', () => {
  test('OVR-1: the image\'s entrypoint goes before the job\'s command; its default command only when the job has none', () => {
    expect(hostArgv('my-repo/trainer:latest', ['--epochs', '5'], images)).toEqual(['python', '/app/train.py', '--epochs', '5']);
    expect(hostArgv('my-repo/trainer:latest', [], images)).toEqual(['python', '/app/train.py', '--epochs', '1']);
    expect(hostArgv('tools:2', [], images)).toEqual(['run-default']);
  });

  test('an image without a mapping runs the command as it is', () => {
    expect(hostArgv('busybox', ['echo', 'x'], images)).toEqual(['echo', 'x']);
  });

  test('nothing to run fails the launch, naming the image', () => {
    expect(() => hostArgv('busybox', [], images)).toThrow('command: the job has no command and image "busybox" has no entry');
  });
});

describe('withoutTagOrDigest', () => {
  test.each([
    ['repo/name:tag', 'repo/name'],
    ['registry:5000/repo/name:tag', 'registry:5000/repo/name'],
    ['name@sha256:abc', 'name'],
    ['name', 'name'],
  ])('%p -> %p', (image, expected) => {
    expect(withoutTagOrDigest(image)).toBe(expected);
  });
});
