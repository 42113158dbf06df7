import { describeExecFailure } from '../../../../src/runtime/executors/process/process-attempt';

describe('describeExecFailure', () => {
  test('a name found nowhere on PATH is "not found", even when execvp reported EACCES for an unreadable directory', () => {
    expect(describeExecFailure('no-such-tool', 'ENOENT', '/usr/bin')).toBe('executable file not found in $PATH');
    expect(describeExecFailure('no-such-tool', 'EACCES', '/root/bin:/usr/bin')).toBe('executable file not found in $PATH');
  });

  test('a file that exists but cannot be executed is "permission denied"', () => {
    expect(describeExecFailure('passwd', 'EACCES', '/etc')).toMatch(/^permission denied/);
    expect(describeExecFailure('/etc/passwd', 'EACCES', '/usr/bin')).toMatch(/^permission denied/);
  });

  test('a missing path is "no such file or directory"', () => {
    expect(describeExecFailure('/opt/missing/tool', 'ENOENT', '/usr/bin')).toBe('no such file or directory');
  });
});
