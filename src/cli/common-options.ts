import * as fs from 'fs';
import { Command, Option } from 'commander';
import { load as parseYaml } from 'js-yaml';
import {
  ContainerEngine, DockerExecutorProps, EndpointHost, JobExecutor, LoadedTemplate, parseEntrypoint, PodVolumeSources, ProcessExecutorProps,
  readBehaviorsFile,
  SimulatedExecutorProps,
} from '../runtime/cli-surface';

/** Options every command that loads a template shares. */
export interface TemplateOptions {
  readonly template?: string;
  readonly cdkOut?: string;
  readonly stack?: string;
  readonly parameter?: string[];
  /** `--import NAME=VALUE`: values of `Fn::ImportValue` exports (CFN-4). */
  readonly import?: string[];
  /** `--imports FILE`: a JSON or YAML map of export name to value, or `aws cloudformation list-exports` output. */
  readonly imports?: string;
}

export interface ExecutorOptions {
  readonly executor: 'process' | 'simulated' | 'docker';
  /** For `--executor docker`: which engine's CLI runs the containers. */
  readonly engine?: 'auto' | 'podman' | 'docker';
  /** For `--executor docker`: the image of the container holding each multi-container task's network (PLAT-2). */
  readonly taskNetworkHolderImage?: string;
  readonly entrypoint?: string[];
  /** For the process executor: run jobs in the current directory as the current user (local development). */
  readonly runHere?: boolean;
  /** JSON file of the simulated executor's options (see behaviors-file.ts). */
  readonly behaviors?: string;
  /** A behaviour key that matches nothing in the template is an error, not a warning. */
  readonly strictBehaviors?: boolean;
  /** PLAT-3: `--kubernetes-secrets-dir`: `<dir>/<secretName>/<key>` files standing for the cluster's secrets. */
  readonly kubernetesSecretsDir?: string;
  /** PLAT-3: `--persistent-volumes-dir`: one directory per persistent volume claim, kept across jobs. */
  readonly persistentVolumesDir?: string;
}

export function addTemplateOptions(command: Command): Command {
  return command
    .addOption(new Option('-t, --template <file>', 'CloudFormation template (JSON) to load').conflicts('cdkOut'))
    .addOption(new Option('-c, --cdk-out <dir>', 'cloud assembly directory (cdk.out) to load'))
    .option('-s, --stack <name>', 'with --cdk-out: the stack to load (needed when it has several). With --template: the stack\'s name, '
      + 'which generated names and ARNs include (default: the file name without .template.json, .json, .yaml or .yml, '
      + 'made a valid stack name, e.g. batch.v2.json -> "batch-v2")')
    .option('-P, --parameter <name=value>', 'value of a template parameter; lists comma-separated (repeatable)', collect, [])
    .option('--import <name=value>', 'value of an export the template reads with Fn::ImportValue (repeatable)', collect, [])
    .option('--imports <file>', 'export values: a JSON or YAML map of name to value, or `aws cloudformation list-exports` output');
}

export function addExecutorOptions(command: Command): Command {
  return command
    .addOption(new Option('-e, --executor <kind>',
      'how jobs run: process (host processes), docker (each job\'s image in a container engine) or simulated (nothing runs; jobs succeed after 1 s)')
      .choices(['process', 'docker', 'simulated']).default('process'))
    .addOption(new Option('--engine <engine>', 'with --executor docker: the engine CLI to use (auto: podman if it answers, else docker)')
      .choices(['auto', 'podman', 'docker']).default('auto'))
    .option('--task-network-holder-image <image>', 'with --executor docker: the image whose `sleep` holds a multi-container task\'s '
      + 'network namespace (default: the task\'s first image; give e.g. busybox when that image has no sleep)')
    .option('--entrypoint <image=command>', "run COMMAND as IMAGE's ENTRYPOINT (the process executor pulls no images; repeatable)", collect, [])
    .option('--run-here', 'with the process executor: run jobs in the current directory as the current user, for local development; '
      + 'without it each attempt runs in its own empty directory, as nobody when batch-local runs as root')
    .option('--kubernetes-secrets-dir <dir>', 'EKS pods\' secret volumes: DIR/<secretName>/<key> files stand for the cluster\'s secrets '
      + '(mounted read-only; a missing secret fails the pod unless the volume is optional)')
    .option('--persistent-volumes-dir <dir>', 'EKS pods\' persistentVolumeClaim volumes: DIR/<claimName>, one directory per claim kept across jobs '
      + '(default: under --state-dir for serve with one, else in the executor\'s work root)');
}

/** PLAT-3: where pods' secrets and claims come from, as the options give them. */
export function podVolumeSources(options: ExecutorOptions): PodVolumeSources {
  return { kubernetesSecretsDirectory: options.kubernetesSecretsDir, persistentVolumesDirectory: options.persistentVolumesDir };
}

/**
 * The process executor's props the options ask for. `--run-here` is one flag rather than a directory and
 * a user option: local development wants both (a root runtime's default user, nobody, may not write in
 * the user's directory), and the facade's ProcessExecutorProps offers each on its own.
 */
export function processExecutorProps(options: ExecutorOptions): ProcessExecutorProps {
  if (!options.runHere) return {};
  if (options.executor !== 'process') throw new Error(`--run-here works with --executor process only (not ${options.executor})`);
  return { workingDirectory: process.cwd(), defaultUser: 'root' };
}

/** The docker executor's props the options ask for; the docker-only options given to another executor are an error. */
export function dockerExecutorProps(options: ExecutorOptions): DockerExecutorProps {
  if (options.taskNetworkHolderImage !== undefined && options.executor !== 'docker') {
    throw new Error(`--task-network-holder-image works with --executor docker only (not ${options.executor})`);
  }
  return { engine: (options.engine ?? 'auto') as ContainerEngine, taskNetworkHolderImage: options.taskNetworkHolderImage };
}

/**
 * commander's `requiredOption`, checked after unknown options instead of before: a mistyped option
 * (`--templte x`) is then reported as unknown with commander's suggestion (`--template`), not as some
 * other option missing. The message and error code are commander's own.
 */
export function addRequiredOption(command: Command, flags: string, description: string, parse?: (value: string) => unknown): Command {
  const option = new Option(flags, description);
  if (parse) option.argParser(parse);
  command.addOption(option);
  // preAction hooks run after commander has checked for unknown options.
  return command.hook('preAction', (thisCommand) => {
    if (thisCommand.getOptionValue(option.attributeName()) === undefined) {
      thisCommand.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue' });
    }
  });
}

/** The simulated executor's behaviours, the same on every command that runs jobs (serve, run). */
export function addBehaviorOptions(command: Command): Command {
  return command
    .option('--behaviors <file>', 'JSON of the simulated executor\'s behaviours (defaultBehavior, byJobDefinition, byJobName, byImage, byContainerName, seed, strict); '
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
  const host = EndpointHost.create({ executor, entrypoints, warn, podVolumes: podVolumeSources(options) });
  try {
    return {
      host,
      loaded: host.loadTemplateFile(templateSource(options), options.stack, keyValues('--parameter', options.parameter ?? []), importsOf(options)),
    };
  } catch (error) {
    host.dispose();
    throw error;
  }
}

function executorFor(options: ExecutorOptions): JobExecutor {
  const dockerProps = dockerExecutorProps(options); // checked whichever executor runs
  switch (options.executor) {
    case 'simulated': return JobExecutor.simulated(behaviorsFromOptions(options) ?? {});
    case 'docker': return JobExecutor.docker(dockerProps);
    default: return JobExecutor.process(processExecutorProps(options));
  }
}

/**
 * CFN-4: export values from `--imports FILE` (a map of name to value, or the `Exports` list that
 * `aws cloudformation list-exports` prints), then `--import NAME=VALUE`, which wins.
 */
export function importsOf(options: TemplateOptions): Record<string, string> {
  const fromFile: Record<string, string> = {};
  if (options.imports !== undefined) {
    if (!fs.existsSync(options.imports)) throw new Error(`--imports ${options.imports}: no such file`);
    const parsed = parseYaml(fs.readFileSync(options.imports, 'utf8')) as unknown;
    const exports = (parsed as { Exports?: unknown })?.Exports;
    if (Array.isArray(exports)) {
      for (const entry of exports as Array<{ Name?: unknown; Value?: unknown }>) fromFile[String(entry.Name)] = String(entry.Value);
    } else if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [name, value] of Object.entries(parsed)) fromFile[name] = Array.isArray(value) ? value.join(',') : String(value);
    } else {
      throw new Error(`--imports ${options.imports}: expected a map of export name to value, or {"Exports": [{"Name", "Value"}]}`);
    }
  }
  return { ...fromFile, ...keyValues('--import', options.import ?? []) };
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

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
