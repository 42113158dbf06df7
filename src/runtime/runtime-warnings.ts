import { IRuntimeLogger } from './runtime-logger';

/** console.warn, the default channel: a warning nobody reads in a test run is what issue #15 was about. */
export class ConsoleRuntimeLogger implements IRuntimeLogger {
  warn(message: string): void {
    console.warn(`cdk-batch-kit: ${message}`);
  }
}

/** The runtime's warnings: kept for `LocalBatchRuntime.warnings()` and passed on to the logger. */
export class RuntimeWarnings {
  private readonly messages: string[] = [];

  constructor(private readonly logger: IRuntimeLogger = new ConsoleRuntimeLogger()) {}

  report(messages: readonly string[]): void {
    for (const message of messages) {
      this.messages.push(message);
      this.logger.warn(message);
    }
  }

  all(): string[] {
    return [...this.messages];
  }
}
