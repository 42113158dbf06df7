import { exitCodeForSignal } from '../../../../src/runtime/executors/common/signals';

describe('exitCodeForSignal', () => {
  test('TIME-2: SIGTERM ends a container with 143 and SIGKILL with 137, as Docker reports them', () => {
    expect(exitCodeForSignal('SIGTERM')).toBe(143);
    expect(exitCodeForSignal('SIGKILL')).toBe(137);
    expect(exitCodeForSignal('SIGINT')).toBe(130);
  });

  test('an unknown signal is an error naming it', () => {
    expect(() => exitCodeForSignal('SIGNOPE')).toThrow('signal: unknown signal "SIGNOPE"');
  });
});
