import { Command, Option } from 'commander';
import { ContainerEngine, EndpointHost, JobExecutor, LoadedTemplate, parseEntrypoint, readBehaviorsFile, SimulatedExecutorProps } from '../runtime/cli-surface';

/** Options every command that loads a template shares. */
export interface TemplateOptions {
  readonly template?: string;
  readonly cdkOut?: string;
  readonly stack?: string;
  readonly parameter?: string[];
}

export interface ExecutorOptions {
  readonly executor: 'process' | 'simulated' | 'docker';
  /** For `--executor docker`: which engine's CLI runs the containers. */
  readonly engine?: 'auto' | 'podman' | 'docker';
  readonly entrypoint?: string[];
  /** JSON file of the simulated executor's options (see behaviors-file.ts). */
  readonly behaviors?: string;
  /** A behaviour key that matches nothing in the template is an error, not a warning. */
  readonly strictBehaviors?: boolean;
}

export function addTemplateOptions(command: Command): Command {
  return command
    .addOption(new Option('-t, --template <file>', 'CloudFormation template (JSON) to load').conflicts('cdkOut'))
    .addOption(new Option('-c, --cdk-out <dir>', 'cloud assembly directory (cdk.out) to load'))
    .option('-s, --stack <name>', 'with --cdk-out: the stack to load (needed when it has several). With --template: the stack\'s name, '
      + 'which generated names and ARNs include (default: the file name without .template.json or .json, e.g. template.json -> "template")')
    .option('-P, --parameter <name=value>', 'value of a template parameter (repeatable)', collect, []);
}

export function addExecutorOptions(command: Command): Command {
  return command
    .addOption(new Option('-e, --executor <kind>',
      'how jobs run: process (host processes), docker (each job\'s image in a container engine) or simulated (nothing runs; jobs succeed after 1 s)')
      .choices(['process', 'docker', 'simulated']).default('process'))
    .addOption(new Option('--engine <engine>', 'with --executor docker: the engine CLI to use (auto: podman if it answers, else docker)')
      .choices(['auto', 'podman', 'docker']).default('auto'))
    .option('--entrypoint <image=command>', "run COMMAND as IMAGE's ENTRYPOINT (the process executor pulls no images; repeatable)", collect, []);
}

/** The simulated executor's behaviours, the same on every command that runs jobs (serve, run). */
export function addBehaviorOptions(command: Command): Command {
  return command
    .option('--behaviors <file>', 'JSON of the simulated executor\'s behaviours (defaultBehavior, byJobDefinition, byJobName, byImage, seed, strict); '
      + 'a key that matches nothing in the template is a warning')
    .option('--strict-behaviors', 'a --behaviors key that matches nothing in the template is an error, not a warning', false);
}

/** --behaviors and --strict-behaviors drive the simulated executor only: given to another, they would be silently ignored. */
export function checkBehaviorsApply(options: ExecutorOptions, simulated: boolean, howToSimulate: string = '--executor simulated'): void {
  if (!simulated && (options.behaviors !== undefined || options.strictBehaviors)) {
    throw new Error(`--behaviors and --strict-behaviors apply to the simulated executor only (${howToSimulate}); `
      + `the ${options.executor} executor runs the job definitions' commands`);
  }
}

/**
 * The simulated executor's options from --behaviors and --strict-behaviors; undefined when neither
 * a file nor a default duration is given (the executor keeps its own defaults).
 */
export function behaviorsFromOptions(options: ExecutorOptions, defaultDurationSeconds?: number): SimulatedExecutorProps | undefined {
  const fromFile = options.behaviors !== undefined ? readBehaviorsFile(options.behaviors, defaultDurationSeconds ?? 1) : undefined;
  if (!options.strictBehaviors) return fromFile;
  return { ...fromFile, strict: true };
}

export function addJsonOption(command: Command): Command {
  return command.option('--json', 'print the result as JSON on stdout', false);
}

/** The template file or cdk.out directory the options name; an error when neither or both are given. */
export function templateSource(options: TemplateOptions): string {
  const source = options.template ?? options.cdkOut;
  if (source === undefined) throw new Error('give --template FILE or --cdk-out DIR');
  return source;
}

/** A wall-clock host with the template loaded (see EndpointHost). */
export function hostWithTemplate(
  options: TemplateOptions & ExecutorOptions,
  warn?: (message: string) => void,
): { host: EndpointHost; loaded: LoadedTemplate } {
  checkBehaviorsApply(options, options.executor === 'simulated');
  const executor = executorFor(options);
  const entrypoints = new Map((options.entrypoint ?? []).map(parseEntrypoint));
  const host = EndpointHost.create({ executor, entrypoints, warn });
  try {
    return { host, loaded: host.loadTemplateFile(templateSource(options), options.stack, keyValues('--parameter', options.parameter ?? [])) };
  } catch (error) {
    host.dispose();
    throw error;
  }
}

function executorFor(options: ExecutorOptions): JobExecutor {
  switch (options.executor) {
    case 'simulated': return JobExecutor.simulated(behaviorsFromOptions(options) ?? {});
    case 'docker': return JobExecutor.docker({ engine: (options.engine ?? 'auto') as ContainerEngine });
    default: return JobExecutor.process();
  }
}

/** `name=value` pairs as a map; the value may contain `=`. */
export function keyValues(option: string, pairs: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new Error(`${option} ${JSON.stringify(pair)}: expected NAME=VALUE`);
    result[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return result;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
