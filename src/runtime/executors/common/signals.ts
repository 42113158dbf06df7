import { constants } from 'os';

/**
 * The exit code a container reports when a signal ended it: 128 + the signal number, as Docker and
 * ECS report it (137 for SIGKILL, 143 for SIGTERM).
 */
export function exitCodeForSignal(signal: NodeJS.Signals | string): number {
  const number = (constants.signals as Record<string, number | undefined>)[signal];
  if (number === undefined) {
    throw new Error(`signal: unknown signal ${JSON.stringify(signal)}`);
  }
  return 128 + number;
}
