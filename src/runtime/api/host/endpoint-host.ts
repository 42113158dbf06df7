import { ImageEntrypointRunner } from './image-entrypoints';
import { readTemplateFile } from './template-file';
import { assembleRuntime, loadAssemblyTemplate, RuntimeClockMode } from '../../assembly/runtime-assembly';
import { BatchBackend } from '../../core/backend';
import { JobRunner } from '../../core/executor';
import { IdGenerator } from '../../core/id-generator';
import { Environment } from '../../core/model/arns';
import { RealTimeDriver } from '../../drivers/real-time-driver';
import { JobExecutor } from '../../executors/job-executor';
import { PodVolumeSources } from '../../executors/workspace/pod-volume-sources';
import { CfnTemplate } from '../../template/intrinsic-resolver';
import { NestedTemplateSource } from '../../template/nested-stacks';
import { LoadedTemplate } from '../../template/template-loader';
import { ApiError } from '../http/api-error';

/**
 * How the endpoint's time moves:
 * - `wall`: the system clock; timers fire events as real time passes (clients poll and wait);
 * - `virtual`: a virtual clock that moves only when a client asks (`POST /_local/clock/advance`,
 *   `/_local/clock/run-until-idle`), so a test skips a job's hour in microseconds;
 * - `wall-replayable`: a virtual clock that follows the wall clock (a timer advances it, and it
 *   catches up before every request). Behaves like `wall` for clients, but every event runs at its
 *   own scheduled time and the clock moves only between requests, so a journal of the requests
 *   with their times replays to the same state (durable serve, --state-dir).
 */
export type EndpointClockMode = RuntimeClockMode;

export interface EndpointHostOptions {
  /** How job containers run. @default JobExecutor.process() */
  readonly executor?: JobExecutor;
  /** Account, region and partition of the ARNs. @default 123456789012, us-east-1, aws */
  readonly environment?: Partial<Environment>;
  /** Image -> host command run as the image's ENTRYPOINT (ImageEntrypointRunner). @default - none */
  readonly entrypoints?: ReadonlyMap<string, readonly string[]>;
  /** How time moves (see EndpointClockMode). @default 'wall' */
  readonly clock?: EndpointClockMode;
  /** Start of virtual time, epoch ms. @default 2020-01-01T00:00:00Z for `virtual`, now for `wall-replayable` */
  readonly startEpochMs?: number;
  /** Job ids. @default seeded (reproducible) on the virtual clock, random UUIDs otherwise */
  readonly ids?: IdGenerator;
  /** Wraps the executor's runner (a durable endpoint journals and replays attempts through it). @default - the runner as is */
  readonly wrapRunner?: (runner: JobRunner) => JobRunner;
  /**
   * Receives what loading a template finds worth telling: simulated behaviour keys that match nothing
   * (the facade's warnings; with `strict` they throw instead). @default console.warn
   */
  readonly warn?: (message: string) => void;
  /** LIFE-4: how long finished jobs stay describable, runtime-clock seconds. @default 7 days */
  readonly finishedJobRetentionSeconds?: number;
  /** PLAT-3: where pods' secrets and persistent volume claims come from. @default - no secrets; claims in the executor's work root */
  readonly podVolumes?: PodVolumeSources;
}

/** Where a template's values from outside it come from (CFN-4, CFN-5). */
export interface TemplateSources {
  /** Values of `Fn::ImportValue` exports. @default - none */
  readonly imports?: Record<string, string>;
  /** Where nested stacks' templates are read. @default - nested stacks are not modelled */
  readonly nestedTemplates?: NestedTemplateSource;
}

/** What `GET /_local/clock` answers. */
export interface ClockState {
  readonly now: number;
  readonly mode: 'virtual' | 'wall';
  readonly pendingEvents: number;
}

/**
 * Guards `run-until-idle` against a simulation that never goes idle (a rate schedule fires forever):
 * far above what the seed's 10,000-child pipeline needs, low enough to answer within a minute.
 */
export const MAX_EVENTS_PER_CLOCK_REQUEST = 20_000_000;

/**
 * A backend for the endpoint and the CLI, on the wall clock (clients poll it in real time; a
 * RealTimeDriver fires the event loop's timers) or on a virtual clock that clients move through
 * the `/_local/clock` routes. Templates load through the same backend operations as API calls.
 */
export class EndpointHost {
  static create(options: EndpointHostOptions = {}): EndpointHost {
    return new EndpointHost(options);
  }

  readonly backend: BatchBackend;
  readonly clockMode: EndpointClockMode;
  private readonly driver?: RealTimeDriver;
  private readonly runner: JobRunner;
  private readonly warn: (message: string) => void;

  private constructor(options: EndpointHostOptions) {
    const created = (options.executor ?? JobExecutor.process())._createRunner(options.podVolumes);
    const base = options.wrapRunner ? options.wrapRunner(created) : created;
    const runner = options.entrypoints && options.entrypoints.size > 0 ? new ImageEntrypointRunner(base, options.entrypoints) : base;
    const assembly = assembleRuntime({
      runner,
      clock: options.clock ?? 'wall',
      startEpochMs: options.startEpochMs,
      ids: options.ids,
      environment: options.environment,
      finishedJobRetentionSeconds: options.finishedJobRetentionSeconds,
    });
    this.backend = assembly.backend;
    this.clockMode = assembly.clockMode;
    this.driver = assembly.driver;
    this.runner = runner;
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  /**
   * Loads the template, then lets the runner resolve its references against it, as the facade does:
   * a simulated behaviour key that matches nothing is a warning (an error with `strict`).
   */
  loadTemplate(template: CfnTemplate, stackName: string, parameters: Record<string, string> = {}, sources: TemplateSources = {}): LoadedTemplate {
    const loaded = loadAssemblyTemplate(this.backend, { template, stackName, parameters, ...sources });
    for (const warning of this.runner.bindRegistry?.(this.backend.registry) ?? []) this.warn(`warning: ${warning}`);
    return loaded;
  }

  /** Warnings only the jobs that ran can tell (behaviour keys by job name that no job used); ask when done. */
  finalWarnings(): string[] {
    return this.runner.finalWarnings?.() ?? [];
  }

  /** Loads a template file or a `cdk.out` directory (`stackName` picks the stack), nested stacks from beside it. */
  loadTemplateFile(file: string, stackName?: string, parameters: Record<string, string> = {}, imports: Record<string, string> = {}): LoadedTemplate {
    const read = readTemplateFile(file, stackName);
    return this.loadTemplate(read.template, read.stackName, parameters, { imports, nestedTemplates: read.nestedTemplates });
  }

  clockState(): ClockState {
    const loop = this.backend.loop;
    return { now: loop.now(), mode: this.clockMode === 'virtual' ? 'virtual' : 'wall', pendingEvents: loop.pendingEvents };
  }

  /**
   * Brings a wall-following virtual clock up to the wall clock (or to `epochMs`, replaying a
   * journal), running what fell due; a no-op on the other clocks. Called before every request, so a
   * request is applied at a time with nothing due left behind it: exactly what a replay reproduces.
   * On the virtual clock nothing runs between requests, live or replayed.
   */
  catchUp(epochMs: number = Date.now()): void {
    if (this.clockMode === 'wall-replayable') this.backend.loop.runUntil(epochMs);
  }

  /**
   * Virtual clock only: runs every event due within `ms` and moves the clock to its end.
   * @throws ApiError ClientException on the wall clock
   */
  advance(ms: number): ClockState {
    this.requireVirtual('advance');
    const loop = this.backend.loop;
    runBounded(() => loop.runUntil(loop.now() + ms, MAX_EVENTS_PER_CLOCK_REQUEST));
    return this.clockState();
  }

  /**
   * Virtual clock only: runs until no event is left, or until `maxMs` of virtual time has passed.
   * @throws ApiError ClientException on the wall clock, or when the simulation does not go idle
   */
  runUntilIdle(maxMs?: number): ClockState {
    this.requireVirtual('run-until-idle');
    const loop = this.backend.loop;
    const until = maxMs === undefined ? Number.POSITIVE_INFINITY : loop.now() + maxMs;
    // Event time by event time, so the clock stops at the last event rather than at the window's end.
    runBounded(() => {
      let events = 0;
      for (let next = loop.nextEventTime(); next !== undefined && next <= until; next = loop.nextEventTime()) {
        events += loop.runUntil(next, MAX_EVENTS_PER_CLOCK_REQUEST - events);
      }
      return events;
    });
    return this.clockState();
  }

  /** Stops the timer, so the process can exit once the server is closed. */
  dispose(): void {
    this.driver?.dispose();
  }

  private requireVirtual(route: string): void {
    if (this.clockMode !== 'virtual') {
      throw ApiError.client(`POST /_local/clock/${route}: the clock is in wall mode (it follows real time); start batch-local serve with --clock virtual to move time by request`);
    }
  }
}

function runBounded(run: () => number): void {
  try {
    run();
  } catch (error) {
    if (/without going idle/.test((error as Error).message)) {
      throw ApiError.client(`${(error as Error).message}; give maxSeconds to bound the run (more than ${MAX_EVENTS_PER_CLOCK_REQUEST} events in one request)`);
    }
    throw error;
  }
}
