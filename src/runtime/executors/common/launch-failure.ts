/**
 * A container that cannot be started, with the reason AWS gives such an attempt: `container.reason`
 * starts with the error kind (`CannotStartContainerError`, `ResourceInitializationError`), and the
 * statusReason is `Task failed to start`, followed here by why (issue 2 asks the runtime to say it; AWS
 * puts the why only in `container.reason`). Messages name the field, the value and what was expected.
 */
export class LaunchFailure extends Error {
  constructor(message: string, readonly kind: string = 'CannotStartContainerError') {
    super(message);
    this.name = 'LaunchFailure';
  }

  /** The attempt result of this failure. */
  toResult(): { reason: string; statusReason: string } {
    return { reason: `${this.kind}: ${this.message}`, statusReason: `Task failed to start: ${this.message}` };
  }
}

/** Any error met while preparing a launch, as a launch failure (an unexpected one keeps its message). */
export function asLaunchFailure(error: unknown): LaunchFailure {
  if (error instanceof LaunchFailure) return error;
  return new LaunchFailure(error instanceof Error ? error.message : String(error));
}
