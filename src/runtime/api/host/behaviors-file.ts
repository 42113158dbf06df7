import * as fs from 'fs';
import { Duration } from 'aws-cdk-lib';
import { JobBehavior } from '../../executors/simulated/job-behavior';
import { SimulatedExecutorProps } from '../../executors/simulated/simulated-executor-props';

/**
 * `serve --behaviors FILE`: the simulated executor's options as JSON, e.g.
 * ```json
 * { "defaultBehavior": { "durationSeconds": 60 },
 *   "byJobDefinition": { "JobB-CPU-Intensive-Processing": { "durationSeconds": 600 } },
 *   "byJobName": { "flaky": { "perAttempt": [ { "exitCode": 1, "reason": "boom" }, { "durationSeconds": 5 } ] } },
 *   "byImage": {}, "byContainerName": { "sidecar": { "durationSeconds": 5 } }, "seed": 1, "strict": false }
 * ```
 * `strict`: a byJobDefinition or byImage key that matches nothing in the template is an error
 * instead of a warning (as `JobExecutor.simulated({ strict: true })`).
 * A behavior: `exitCode` (0 succeeds, the default), `durationSeconds`, `jitterSeconds`, `logLines`,
 * `reason` (failures only), `ignoresSigterm`; or `perAttempt`, a list of behaviors by attempt.
 */
export function readBehaviorsFile(file: string, defaultDurationSeconds: number): SimulatedExecutorProps {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`--behaviors ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`--behaviors ${file}: not JSON (${(error as Error).message})`);
  }
  return parseBehaviors(json, defaultDurationSeconds, file);
}

const TOP_MEMBERS = ['defaultBehavior', 'byJobDefinition', 'byJobName', 'byImage', 'byContainerName', 'seed', 'strict'];
const BEHAVIOR_MEMBERS = ['exitCode', 'durationSeconds', 'jitterSeconds', 'logLines', 'reason', 'ignoresSigterm', 'perAttempt'];

/** The options, with `defaultDurationSeconds` for every behavior that gives no duration. */
export function parseBehaviors(json: unknown, defaultDurationSeconds: number, where: string = 'behaviors'): SimulatedExecutorProps {
  const top = object(json, where);
  unknownMembers(top, TOP_MEMBERS, where);
  const byName = (member: string): Record<string, JobBehavior> | undefined => {
    if (top[member] === undefined) return undefined;
    const entries = Object.entries(object(top[member], `${where}.${member}`));
    return Object.fromEntries(entries.map(([key, value]) => [key, behavior(value, defaultDurationSeconds, `${where}.${member}.${key}`)]));
  };
  const seed = top.seed;
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) {
    throw new Error(`${where}.seed: expected an integer; got ${JSON.stringify(seed)}`);
  }
  if (top.strict !== undefined && typeof top.strict !== 'boolean') {
    throw new Error(`${where}.strict: expected true or false; got ${JSON.stringify(top.strict)}`);
  }
  return {
    strict: top.strict as boolean | undefined,
    defaultBehavior: top.defaultBehavior === undefined
      ? JobBehavior.succeed({ duration: Duration.seconds(defaultDurationSeconds) })
      : behavior(top.defaultBehavior, defaultDurationSeconds, `${where}.defaultBehavior`),
    byJobDefinition: byName('byJobDefinition'),
    byJobName: byName('byJobName'),
    byImage: byName('byImage'),
    byContainerName: byName('byContainerName'),
    seed: seed as number | undefined,
  };
}

function behavior(json: unknown, defaultDurationSeconds: number, where: string): JobBehavior {
  const fields = object(json, where);
  unknownMembers(fields, BEHAVIOR_MEMBERS, where);
  if (fields.perAttempt !== undefined) {
    if (!Array.isArray(fields.perAttempt) || Object.keys(fields).length > 1) {
      throw new Error(`${where}.perAttempt: expected a list of behaviors, alone in its object; got ${JSON.stringify(fields)}`);
    }
    return JobBehavior.perAttempt(fields.perAttempt.map((each, index) => behavior(each, defaultDurationSeconds, `${where}.perAttempt[${index}]`)));
  }
  const exitCode = fields.exitCode ?? 0;
  if (typeof exitCode !== 'number' || !Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) {
    throw new Error(`${where}.exitCode: expected an integer 0..255; got ${JSON.stringify(exitCode)}`);
  }
  const duration = Duration.millis(Math.round((seconds(fields.durationSeconds, `${where}.durationSeconds`) ?? defaultDurationSeconds) * 1000));
  const jitterSeconds = seconds(fields.jitterSeconds, `${where}.jitterSeconds`);
  const jitter = jitterSeconds === undefined ? undefined : Duration.millis(Math.round(jitterSeconds * 1000));
  const logLines = fields.logLines;
  if (logLines !== undefined && (!Array.isArray(logLines) || logLines.some((line) => typeof line !== 'string'))) {
    throw new Error(`${where}.logLines: expected a list of strings; got ${JSON.stringify(logLines)}`);
  }
  for (const name of ['reason'] as const) {
    if (fields[name] !== undefined && typeof fields[name] !== 'string') throw new Error(`${where}.${name}: expected a string; got ${JSON.stringify(fields[name])}`);
  }
  if (fields.ignoresSigterm !== undefined && typeof fields.ignoresSigterm !== 'boolean') {
    throw new Error(`${where}.ignoresSigterm: expected true or false; got ${JSON.stringify(fields.ignoresSigterm)}`);
  }
  const common = { duration, jitter, logLines: logLines as string[] | undefined, ignoresSigterm: fields.ignoresSigterm as boolean | undefined };
  if (exitCode === 0) {
    if (fields.reason !== undefined) throw new Error(`${where}.reason: only a failing behavior (exitCode 1..255) has a reason`);
    return JobBehavior.succeed(common);
  }
  return JobBehavior.fail({ ...common, exitCode, reason: fields.reason as string | undefined });
}

function seconds(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${where}: expected a number of seconds >= 0; got ${JSON.stringify(value)}`);
  }
  return value;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: expected a JSON object; got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

function unknownMembers(fields: Record<string, unknown>, known: string[], where: string): void {
  const unknown = Object.keys(fields).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`${where}.${unknown[0]}: unknown member; known: ${known.join(', ')}`);
}
