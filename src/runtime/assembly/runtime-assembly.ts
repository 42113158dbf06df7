import { BatchBackend } from '../core/backend';
import { InstanceCapacityOptions } from '../core/capacity/capacity-options';
import { Clock, DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from '../core/clock';
import { JobRunner } from '../core/executor';
import { IdGenerator, SeededIdGenerator } from '../core/id-generator';
import { DEFAULT_ENVIRONMENT, Environment } from '../core/model/arns';
import { RandomIdGenerator } from '../drivers/random-id-generator';
import { RealTimeDriver } from '../drivers/real-time-driver';
import { SystemClock } from '../drivers/system-clock';
import { driveOnWallClock } from '../drivers/wall-clock-driving';
import { LocalEventBridge } from '../events/local-event-bridge';
import { CfnTemplate } from '../template/intrinsic-resolver';
import { NestedTemplateSource } from '../template/nested-stacks';
import { loadTemplate, LoadedTemplate } from '../template/template-loader';

/**
 * How the runtime's time moves:
 * - `wall`: the system clock; a RealTimeDriver fires the event loop's timers as real time passes;
 * - `virtual`: a virtual clock that moves only when asked (the facade's `advance`, the endpoint's
 *   `/_local/clock` routes, a doctor probe's run until idle);
 * - `wall-replayable`: a virtual clock that follows the wall clock (a timer advances it), so a journal
 *   of requests with their times replays to the same state (durable serve).
 */
export type RuntimeClockMode = 'wall' | 'virtual' | 'wall-replayable';

/** The template a runtime loads as it is assembled. */
export interface AssemblyTemplate {
  readonly template: CfnTemplate;
  readonly stackName: string;
  readonly parameters?: Record<string, string>;
  /** Values of `Fn::ImportValue` exports (CFN-4). @default - none */
  readonly imports?: Record<string, string>;
  /** Where nested stacks' templates are read (CFN-5). @default - nested stacks are not modelled */
  readonly nestedTemplates?: NestedTemplateSource;
  /** Logical id -> construct path (a facade built from a Stack). @default - `aws:cdk:path` metadata */
  readonly constructPaths?: ReadonlyMap<string, string>;
  /** Collects every rejected resource instead of throwing on the first (doctor). @default - throw */
  readonly rejected?: Error[];
}

export interface RuntimeAssemblyOptions {
  /** How job containers run (a JobExecutor's runner, possibly wrapped). */
  readonly runner: JobRunner;
  readonly clock: RuntimeClockMode;
  /** Start of the virtual clock, epoch ms. @default 2020-01-01T00:00:00Z for `virtual`, now for `wall-replayable` */
  readonly startEpochMs?: number;
  /** Job ids. @default SeededIdGenerator(seed) on the virtual clock, random UUIDs otherwise */
  readonly ids?: IdGenerator;
  /** Seed of the default id generator on the virtual clock, and of the event bridge's ids. @default 1 */
  readonly seed?: number;
  /** @default DEFAULT_ENVIRONMENT */
  readonly environment?: Partial<Environment>;
  /** SCHED-1 scan depth. @default - the backend's default */
  readonly schedulerScanDepth?: number;
  /** Options of the instance-level capacity model. @default - the backend's defaults */
  readonly capacityOptions?: InstanceCapacityOptions;
  /** LIFE-4: how long finished jobs stay describable, runtime-clock seconds. @default - the backend's (7 days) */
  readonly finishedJobRetentionSeconds?: number;
  /** The template to load. @default - none: the caller loads one later (loadAssemblyTemplate) */
  readonly template?: AssemblyTemplate;
  /** Whether to run the template's EventBridge rules (LocalEventBridge); needs `template`. @default false */
  readonly events?: boolean;
  /**
   * Runs once the backend exists and before the template loads: what must observe the template's own
   * effects (a report collector sees minvCpus instances launch) attaches here.
   */
  readonly beforeLoad?: AssemblyHook;
  /** Runs after the template loads and before the event bridge is built (unmanaged instances, warnings). */
  readonly afterLoad?: AssemblyLoadHook;
}

export interface AssemblyHook {
  (backend: BatchBackend): void;
}

export interface AssemblyLoadHook {
  (backend: BatchBackend, loaded: LoadedTemplate): void;
}

/** What every face (facade, serve, run, doctor) runs on. */
export interface RuntimeAssembly {
  readonly backend: BatchBackend;
  readonly clockMode: RuntimeClockMode;
  /** Whether time moves only when asked (no wall-clock driver). */
  readonly virtual: boolean;
  readonly runner: JobRunner;
  /** Fires the event loop's timers on the wall clock; absent on the virtual clock. */
  readonly driver?: RealTimeDriver;
  readonly loaded?: LoadedTemplate;
  readonly events?: LocalEventBridge;
}

/**
 * The one place the runtime is put together: clock, id generator, backend, wall-clock driver,
 * template and event bridge, always in this order, so the facade, `batch-local serve`/`run` (via
 * EndpointHost) and `doctor` behave alike. The order matters for reproducibility: anything that
 * schedules events (the driver, minvCpus launches, scheduled rules) does so in the same sequence.
 */
export function assembleRuntime(options: RuntimeAssemblyOptions): RuntimeAssembly {
  const clockMode = options.clock;
  const virtual = clockMode === 'virtual';
  const clock: Clock = clockMode === 'wall'
    ? new SystemClock()
    : new VirtualClock(options.startEpochMs ?? (virtual ? DEFAULT_VIRTUAL_EPOCH_MS : Date.now()));
  const backend = new BatchBackend({
    clock,
    ids: options.ids ?? (virtual ? new SeededIdGenerator(options.seed ?? 1) : new RandomIdGenerator()),
    runner: options.runner,
    environment: environmentOf(options.environment),
    schedulerScanDepth: options.schedulerScanDepth,
    capacityOptions: options.capacityOptions,
    finishedJobRetentionSeconds: options.finishedJobRetentionSeconds,
  });
  options.beforeLoad?.(backend);
  // On the virtual clock nothing fires on its own: time moves only when asked.
  const driver = virtual ? undefined : driveOnWallClock(backend);
  if (options.template === undefined) return { backend, clockMode, virtual, runner: options.runner, driver };
  const loaded = loadAssemblyTemplate(backend, options.template);
  options.afterLoad?.(backend, loaded);
  const events = options.events ? bridgeEvents(backend, loaded, clockMode, options.seed) : undefined;
  return { backend, clockMode, virtual, runner: options.runner, driver, loaded, events };
}

/**
 * The template's EventBridge rules on an assembled backend: for a runtime assembled without its
 * template (EndpointHost), once the template is loaded. Event ids are seeded on the virtual clock.
 */
export function bridgeEvents(backend: BatchBackend, loaded: LoadedTemplate, clockMode: RuntimeClockMode, seed?: number): LocalEventBridge {
  return new LocalEventBridge(backend, loaded, { virtual: clockMode === 'virtual', seed });
}

/** Loads a template into an assembled backend through the API's operations (validation included). */
export function loadAssemblyTemplate(backend: BatchBackend, template: AssemblyTemplate): LoadedTemplate {
  return loadTemplate(backend, template.template, template.stackName, template.parameters ?? {}, {
    constructPaths: template.constructPaths,
    rejected: template.rejected,
    imports: template.imports,
    nestedTemplates: template.nestedTemplates,
  });
}

/** Fields left undefined keep their default (a spread would overwrite them with undefined). */
function environmentOf(given: Partial<Environment> = {}): Environment {
  return {
    account: given.account ?? DEFAULT_ENVIRONMENT.account,
    region: given.region ?? DEFAULT_ENVIRONMENT.region,
    partition: given.partition ?? DEFAULT_ENVIRONMENT.partition,
  };
}
