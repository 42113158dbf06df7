import { encodeSignal, encodeSpawn, parseHelperEvent, SpawnRequest } from '../../../../src/runtime/executors/process/spawn-helper-protocol';

/** The fields of one encoded message, checking its length prefix counts the payload's bytes. */
function fields(message: string): string[] {
  const newline = message.indexOf('\n');
  const payload = message.slice(newline + 1);
  expect(Number(message.slice(0, newline))).toBe(Buffer.byteLength(payload, 'utf8'));
  return payload.split('\0');
}

const request: SpawnRequest = {
  id: 7, file: 'sh', args: ['-c', 'echo "$1"', 'ünïcode\nline'], env: { PATH: '/bin', EMPTY: '' }, cwd: '/w/job.1/work', uid: 65534, gid: 65534,
};

describe('spawn helper protocol', () => {
  test('LIFE-2: a spawn request carries every argument as it is (no shell, newlines and UTF-8 intact), the environment and the user', () => {
    // WHEN
    const encoded = fields(encodeSpawn({ ...request, directories: ['/w/job.1', '/w/job.1/work'], removeDirectories: true }));
    // THEN
    expect(encoded).toEqual([
      'S', '7', 'sh', '/w/job.1/work', '65534', '65534', '', '1', '2', '/w/job.1', '/w/job.1/work',
      '3', '-c', 'echo "$1"', 'ünïcode\nline', 'PATH=/bin', 'EMPTY=',
    ]);
  });

  test('fields not given are empty: no directory, cgroup, user or working directory', () => {
    expect(fields(encodeSpawn({ id: 1, file: 'true', args: [], env: {} }))).toEqual(['S', '1', 'true', '', '', '', '', '', '0', '0']);
  });

  test('a NUL byte, which no process can be given, is refused naming the argument or variable', () => {
    expect(() => encodeSpawn({ ...request, args: ['ok', 'bad\0value'] })).toThrow(/argument 2 \("bad\\u0000value"\) contains a NUL byte/);
    expect(() => encodeSpawn({ ...request, env: { GOOD: 'x', BAD: 'a\0b' } })).toThrow(/environment variable BAD contains a NUL byte/);
    expect(() => encodeSpawn({ ...request, directories: ['/w/\0'] })).toThrow(/directory "\/w\/\\u0000" contains a NUL byte/);
  });

  test('a variable name with "=" is refused: the process would see another name', () => {
    expect(() => encodeSpawn({ ...request, env: { 'A=B': 'c' } })).toThrow(/environment variable name "A=B" contains '='/);
  });

  test('TIME-2: a signal request names the job and the signal', () => {
    expect(fields(encodeSignal(3, 'SIGTERM'))).toEqual(['K', '3', 'SIGTERM']);
  });

  test('LOG-1: helper events are parsed; a line keeps its tabs; an exit has a code or a signal', () => {
    expect(parseHelperEvent('L\t12\t1\ta\tb')).toEqual({ kind: 'line', id: 12, stream: 'stderr', text: 'a\tb' });
    expect(parseHelperEvent('L\t12\t0\t')).toEqual({ kind: 'line', id: 12, stream: 'stdout', text: '' });
    expect(parseHelperEvent('X\t3\t0\t')).toEqual({ kind: 'exit', id: 3, code: 0 });
    expect(parseHelperEvent('X\t3\t\tSIGKILL')).toEqual({ kind: 'exit', id: 3, signal: 'SIGKILL' });
    expect(parseHelperEvent('E\t4\tENOENT\texec\tspawn x ENOENT')).toEqual({ kind: 'error', id: 4, code: 'ENOENT', stage: 'exec', message: 'spawn x ENOENT' });
    expect(parseHelperEvent('E\t4\tEACCES\tsetup\tcannot create its directory: EACCES: permission denied, mkdir \'/w\''))
      .toEqual({ kind: 'error', id: 4, code: 'EACCES', stage: 'setup', message: 'cannot create its directory: EACCES: permission denied, mkdir \'/w\'' });
  });

  test('anything else a helper prints is ignored, not misread', () => {
    expect(parseHelperEvent('')).toBeUndefined();
    expect(parseHelperEvent('Use of uninitialized value')).toBeUndefined();
    expect(parseHelperEvent('Q\t1\t2')).toBeUndefined();
  });
});
