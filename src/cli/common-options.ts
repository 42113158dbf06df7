import { Command, Option } from 'commander';
import { ContainerEngine, EndpointHost, JobExecutor, LoadedTemplate, parseEntrypoint } from '../runtime/cli-surface';

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
}

export function addTemplateOptions(command: Command): Command {
  return command
    .addOption(new Option('-t, --template <file>', 'CloudFormation template (JSON) to load').conflicts('cdkOut'))
    .addOption(new Option('-c, --cdk-out <dir>', 'cloud assembly directory (cdk.out) to load'))
    .option('-s, --stack <name>', 'stack of the cloud assembly to load (needed when it has several)')
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
export function hostWithTemplate(options: TemplateOptions & ExecutorOptions): { host: EndpointHost; loaded: LoadedTemplate } {
  const executor = executorFor(options);
  const entrypoints = new Map((options.entrypoint ?? []).map(parseEntrypoint));
  const host = EndpointHost.create({ executor, entrypoints });
  try {
    return { host, loaded: host.loadTemplateFile(templateSource(options), options.stack, keyValues('--parameter', options.parameter ?? [])) };
  } catch (error) {
    host.dispose();
    throw error;
  }
}

function executorFor(options: ExecutorOptions): JobExecutor {
  switch (options.executor) {
    case 'simulated': return JobExecutor.simulated();
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

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
