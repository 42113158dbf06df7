import { BatchLocalServer } from './batch-local-server';
import { EndpointClockMode, EndpointHost } from './host/endpoint-host';
import { parseEntrypoint } from './host/image-entrypoints';
import { readTemplateFile } from './host/template-file';
import { addClockRoutes } from './local/clock-routes';
import { addEventRoutes } from './local/event-routes';
import { LocalEventBridge } from '../events/local-event-bridge';
import { JobExecutor } from '../executors/job-executor';
import { SimulatedExecutorProps } from '../executors/simulated/simulated-executor-props';
import { LoadedTemplate } from '../template/template-loader';

/** What `createRuntime` assembles an endpoint from (the CLI's `serve` options, parsed). */
export interface CreateRuntimeOptions {
  /** Template file or cdk.out directory. */
  readonly templateFile: string;
  readonly stackName?: string;
  readonly parameters?: Record<string, string>;
  /** `process` (host processes) or `simulated` (behaviours). The virtual clock always simulates. */
  readonly executor: 'process' | 'simulated';
  /** The simulated executor's options (`--behaviors`, `--default-duration`). @default every attempt succeeds after 1 s */
  readonly behaviors?: SimulatedExecutorProps;
  /** `image=command` ENTRYPOINT mappings for the process executor. */
  readonly entrypoints?: string[];
  /** @default 'wall' */
  readonly clock?: 'wall' | 'virtual';
  /** Where errors the server could not answer are reported. */
  readonly logError?: (message: string) => void;
}

/** An assembled endpoint, not yet listening. */
export interface LocalRuntime {
  readonly host: EndpointHost;
  readonly server: BatchLocalServer;
  readonly loaded: LoadedTemplate;
  /** Effective executor (the virtual clock forces `simulated`). */
  readonly executor: 'process' | 'simulated';
  /** Stops timers (the server is closed by its owner). */
  dispose(): void;
}

/**
 * The one place that assembles a runtime for an endpoint: executor, clock, host, template, the
 * server with its local routes (events, clock). `batch-local serve` and tests build through it, so
 * an option means the same everywhere.
 */
export function createRuntime(options: CreateRuntimeOptions): LocalRuntime {
  const virtual = options.clock === 'virtual';
  const executorKind = virtual ? 'simulated' : options.executor;
  const executor = executorKind === 'simulated' ? JobExecutor.simulated(options.behaviors ?? {}) : JobExecutor.process();
  const clock: EndpointClockMode = virtual ? 'virtual' : 'wall';
  const host = EndpointHost.create({ executor, entrypoints: new Map((options.entrypoints ?? []).map(parseEntrypoint)), clock });
  try {
    const read = readTemplateFile(options.templateFile, options.stackName);
    const loaded = host.loadTemplate(read.template, read.stackName, options.parameters ?? {});
    const server = new BatchLocalServer(host.backend, { logError: options.logError });
    // The template's EventBridge rules run against the same backend; their deliveries are readable and
    // events can be injected through the local-only routes (/_local/put-events, /_local/target-invocations).
    addEventRoutes(server.localRoutes, new LocalEventBridge(host.backend, loaded, { virtual }));
    addClockRoutes(server.localRoutes, host);
    return { host, server, loaded, executor: executorKind, dispose: () => host.dispose() };
  } catch (error) {
    host.dispose();
    throw error;
  }
}
