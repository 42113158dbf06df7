import { createHash, randomInt } from 'crypto';
import * as path from 'path';
import { BatchLocalServer } from './batch-local-server';
import { RequestLogListener } from './http/request-log';
import { bridgeEvents } from '../assembly/runtime-assembly';
import { EndpointClockMode, EndpointHost } from './host/endpoint-host';
import { parseEntrypoint } from './host/image-entrypoints';
import { readTemplateFile } from './host/template-file';
import { addClockRoutes } from './local/clock-routes';
import { addEventRoutes } from './local/event-routes';
import { DEFAULT_VIRTUAL_EPOCH_MS } from '../core/clock';
import { SeededIdGenerator } from '../core/id-generator';
import { ContainerEngine } from '../executors/docker/container-engine';
import { JobExecutor } from '../executors/job-executor';
import { ProcessExecutorProps } from '../executors/process/process-executor-props';
import { SimulatedExecutorProps } from '../executors/simulated/simulated-executor-props';
import { PodVolumeSources } from '../executors/workspace/pod-volume-sources';
import { CheckpointPolicy } from '../persistence/checkpointer';
import { DurableState, RestoreSummary } from '../persistence/durable-state';
import { RecordingIdGenerator } from '../persistence/recording-id-generator';
import { PERSISTENT_VOLUMES_DIR } from '../persistence/state-dir-layout';
import { LoadedTemplate } from '../template/template-loader';

/** What `createRuntime` assembles an endpoint from (the CLI's `serve` options, parsed). */
export interface CreateRuntimeOptions {
  /** Template file or cdk.out directory. */
  readonly templateFile: string;
  readonly stackName?: string;
  readonly parameters?: Record<string, string>;
  /** Values of `Fn::ImportValue` exports (CFN-4). @default - none: placeholders and a warning */
  readonly imports?: Record<string, string>;
  /** `process` (host processes), `docker` (containers) or `simulated` (behaviours). The virtual clock always simulates. */
  readonly executor: 'process' | 'simulated' | 'docker';
  /** For the `docker` executor: which engine's CLI runs the containers. @default 'auto' */
  readonly engine?: 'auto' | 'podman' | 'docker';
  /** For the `docker` executor: the image holding each multi-container task's network (PLAT-2). @default - the task's first image */
  readonly taskNetworkHolderImage?: string;
  /** The simulated executor's options (`--behaviors`, `--default-duration`). @default every attempt succeeds after 1 s */
  readonly behaviors?: SimulatedExecutorProps;
  /** `image=command` ENTRYPOINT mappings for the process executor. */
  readonly entrypoints?: string[];
  /** The process executor's options (e.g. `--run-here`'s working directory and user). @default - its defaults */
  readonly processExecutor?: ProcessExecutorProps;
  /**
   * PLAT-3: where pods' secrets and persistent volume claims come from. Claims default to
   * `<stateDir>/persistent-volumes` with a state directory (they outlive restarts, as the jobs do).
   * @default - no secrets; claims in the executor's work root
   */
  readonly podVolumes?: PodVolumeSources;
  /** @default 'wall' */
  readonly clock?: 'wall' | 'virtual';
  /** Where errors the server could not answer are reported. */
  readonly logError?: (message: string) => void;
  /** Told of each answered request (serve --verbose). @default - none */
  readonly requestLog?: RequestLogListener;
  /**
   * Journal every accepted change to this directory and restore from it on start. With the process
   * or docker executor, attempts are played back from the journal and those live at a crash fail as
   * on a lost host (see DurableState). @default - in memory only
   */
  readonly stateDir?: string;
  /** What else a restart must match to replay (e.g. the behaviours file's hash). @default - none */
  readonly fingerprint?: Record<string, string>;
  /** Warnings (torn journal tail, stale lock, behaviour keys that match nothing). @default console.error */
  readonly warn?: (message: string) => void;
  /** Host names the server accepts besides loopback and the bound address (`serve --allow-host`). @default - none */
  readonly allowedHosts?: readonly string[];
  /** With `stateDir`: when to checkpoint and compact the journal (see Checkpointer). @default every 1 MiB (or the last checkpoint's size), at the next rest point */
  readonly checkpoint?: CheckpointPolicy;
  /** LIFE-4: how long finished jobs stay describable, seconds. @default 7 days */
  readonly finishedJobRetentionSeconds?: number;
}

/** An assembled endpoint, not yet listening. */
export interface LocalRuntime {
  readonly host: EndpointHost;
  readonly server: BatchLocalServer;
  readonly loaded: LoadedTemplate;
  /** Effective executor (the virtual clock forces `simulated`). */
  readonly executor: 'process' | 'simulated' | 'docker';
  /** With a state directory: what the restart restored. */
  readonly restored?: RestoreSummary;
  /** Whether changes are journaled (`stateDir` given). */
  readonly durable: boolean;
  /** Stops timers and, when durable, writes the journal's tail and releases the state directory (the server is closed by its owner). */
  dispose(): Promise<void>;
}

/**
 * The one place that assembles a runtime for an endpoint: executor, clock, host, template, the
 * server with its local routes (events, clock). `batch-local serve` and tests build through it, so
 * an option means the same everywhere.
 */
export function createRuntime(options: CreateRuntimeOptions): LocalRuntime {
  const virtual = options.clock === 'virtual';
  const executorKind = virtual ? 'simulated' : options.executor;
  const executor = executorFor(executorKind, options);
  const read = readTemplateFile(options.templateFile, options.stackName);
  let durable: DurableState | undefined;
  let ids: RecordingIdGenerator | undefined;
  if (options.stateDir !== undefined) {
    durable = DurableState.open(options.stateDir, {
      clock: virtual ? 'virtual' : 'wall-replayable',
      fingerprint: {
        template: sha256(JSON.stringify(read.template)),
        stack: read.stackName,
        parameters: JSON.stringify(options.parameters ?? {}),
        ...(options.imports && Object.keys(options.imports).length > 0 ? { imports: JSON.stringify(options.imports) } : {}),
        // A journal of real attempts replays only with the runner that plays them back (and vice versa).
        ...(executorKind === 'simulated' ? {} : { executor: executorKind }),
        ...options.fingerprint,
      },
      startEpochMs: virtual ? DEFAULT_VIRTUAL_EPOCH_MS : Date.now(),
      // Virtual runs are reproducible (seed 1, as without a state dir); wall runs get fresh ids.
      seed: virtual ? 1 : randomInt(1, 2 ** 31),
      warn: options.warn ?? ((message: string) => console.error(message)),
      checkpoint: options.checkpoint,
    });
    ids = new RecordingIdGenerator(new SeededIdGenerator(durable.header.seed));
  }
  const clock: EndpointClockMode = virtual ? 'virtual' : durable ? 'wall-replayable' : 'wall';
  const warn = options.warn ?? ((message: string) => console.error(message));
  const host = EndpointHost.create({
    warn,
    executor,
    entrypoints: new Map((options.entrypoints ?? []).map(parseEntrypoint)),
    clock,
    ids,
    startEpochMs: durable?.header.startEpochMs,
    wrapRunner: durable ? (runner) => durable!.wrapRunner(runner) : undefined,
    finishedJobRetentionSeconds: options.finishedJobRetentionSeconds,
    podVolumes: {
      ...options.podVolumes,
      persistentVolumesDirectory: options.podVolumes?.persistentVolumesDirectory
        ?? (options.stateDir !== undefined ? path.join(path.resolve(options.stateDir), PERSISTENT_VOLUMES_DIR) : undefined),
    },
  });
  try {
    const loaded = host.loadTemplate(read.template, read.stackName, options.parameters ?? {}, {
      imports: options.imports, nestedTemplates: read.nestedTemplates,
    });
    for (const warning of loaded.warnings) (options.warn ?? ((message) => console.error(message)))(warning);
    ids?.take(); // the template's ids are made again by loading it: not part of any request
    const server = new BatchLocalServer(host.backend, {
      logError: options.logError, journal: durable, allowedHosts: options.allowedHosts, requestLog: options.requestLog,
    });
    // The template's EventBridge rules run against the same backend; their deliveries are readable and
    // events can be injected through the local-only routes (/_local/put-events, /_local/target-invocations).
    const events = bridgeEvents(host.backend, loaded, host.clockMode);
    addEventRoutes(server.localRoutes, events);
    durable?.addCheckpointPart(events.schedulesCheckpointPart());
    addClockRoutes(server.localRoutes, host);
    const restored = durable?.attach(host, server, ids!);
    if (restored) server.console.showRestored(restored);
    return {
      host,
      server,
      loaded,
      executor: executorKind,
      restored,
      durable: durable !== undefined,
      dispose: async () => {
        for (const warning of host.finalWarnings()) warn(`warning: ${warning}`);
        await durable?.checkpointBeforeClose();
        host.dispose();
        await durable?.close();
      },
    };
  } catch (error) {
    host.dispose();
    durable?.abandon();
    throw error;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function executorFor(kind: CreateRuntimeOptions['executor'], options: CreateRuntimeOptions): JobExecutor {
  switch (kind) {
    case 'simulated': return JobExecutor.simulated(options.behaviors ?? {});
    case 'docker': return JobExecutor.docker({ engine: (options.engine ?? 'auto') as ContainerEngine, taskNetworkHolderImage: options.taskNetworkHolderImage });
    default: return JobExecutor.process(options.processExecutor ?? {});
  }
}
