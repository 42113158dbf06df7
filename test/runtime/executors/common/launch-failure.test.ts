import { asLaunchFailure, LaunchFailure } from '../../../../src/runtime/executors/common/launch-failure';

describe('LaunchFailure', () => {
  test('LIFE-5: a container that cannot start reports CannotStartContainerError and "Task failed to start"', () => {
    expect(new LaunchFailure('image: missing').toResult()).toEqual({ reason: 'CannotStartContainerError: image: missing', statusReason: 'Task failed to start: image: missing' });
    expect(new LaunchFailure('no secret', 'ResourceInitializationError').toResult().reason).toBe('ResourceInitializationError: no secret');
  });

  test('an unexpected error keeps its message', () => {
    const failure = new LaunchFailure('kept');
    expect(asLaunchFailure(failure)).toBe(failure);
    expect(asLaunchFailure(new Error('EACCES: permission denied')).message).toBe('EACCES: permission denied');
  });
});
