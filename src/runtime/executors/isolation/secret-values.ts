import { LaunchFailure } from '../common/launch-failure';

interface SecretShape {
  readonly name?: string;
  readonly valueFrom?: string;
}

/**
 * The job definition's `secrets` as environment variables, with values from the executor's
 * configuration (by `valueFrom`, else by variable name). A missing value fails the attempt as AWS does
 * when it cannot retrieve a secret; the message names the secret, never a value.
 */
export function resolveSecrets(secrets: unknown, values: Record<string, string>): Record<string, string> {
  if (secrets === undefined) return {};
  if (!Array.isArray(secrets)) throw new LaunchFailure('secrets: is not a list');
  const environment: Record<string, string> = {};
  (secrets as SecretShape[]).forEach((secret, index) => {
    if (!secret?.name) throw new LaunchFailure(`secrets[${index}].name: is missing`);
    const value = (secret.valueFrom !== undefined ? values[secret.valueFrom] : undefined) ?? values[secret.name];
    if (value === undefined) {
      throw new LaunchFailure(`unable to retrieve secret ${secret.name} from ${JSON.stringify(secret.valueFrom)}: no value in the executor's secretValues (give one by valueFrom or by name)`, 'ResourceInitializationError');
    }
    environment[secret.name] = value;
  });
  return environment;
}

/** Replaces secret values in log lines, so a job that prints a secret does not leak it into its logs. */
export class LogRedactor {
  static readonly MASK = '*****';
  private readonly values: string[];

  constructor(secretValues: readonly string[]) {
    // Longest first, so a secret that contains another is masked whole; empty values mask nothing.
    this.values = [...new Set(secretValues)].filter((v) => v !== '').sort((a, b) => b.length - a.length);
  }

  get active(): boolean {
    return this.values.length > 0;
  }

  redact(line: string): string {
    let result = line;
    for (const value of this.values) {
      if (result.includes(value)) result = result.split(value).join(LogRedactor.MASK);
    }
    return result;
  }
}
