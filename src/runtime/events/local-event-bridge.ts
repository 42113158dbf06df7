import { jobStateChangeContent } from './job-state-change-event';
import { PutEventsEntry, PutEventsResult, PutEventsResultEntry } from './put-events/put-events-entry';
import { validatePutEventsEntry, validatePutEventsRequest } from './put-events/put-events-validation';
import { EventBus } from './rules/event-bus';
import { DEFAULT_EVENT_BUS, EventRule } from './rules/event-rule';
import { loadEventRules, LoadedEventRules } from './rules/event-rule-loader';
import { RuleSchedules } from './schedule/rule-schedules';
import { fairShareTargetWarnings } from './targets/fair-share-targets';
import { ILocalFunctionHandler } from './targets/local-function-handler';
import { TargetDispatcher } from './targets/target-dispatcher';
import { TargetInvocation } from './targets/target-invocation';
import { BatchBackend } from '../core/backend';
import { CheckpointPart } from '../core/checkpoint/checkpoint-part';
import { IdGenerator, SeededIdGenerator } from '../core/id-generator';
import { RandomIdGenerator } from '../drivers/random-id-generator';
import { LoadedTemplate } from '../template/template-loader';

/** How the runtime's EventBridge is set up. */
export interface LocalEventBridgeOptions {
  /** Whether the runtime runs in virtual time (seeded event ids, schedules bounded by `advance`). */
  readonly virtual: boolean;
  /** The runtime's seed; event ids are drawn from a generator of their own so job ids do not move. @default 1 */
  readonly seed?: number;
}

/** Added to the runtime's seed so event ids and job ids come from different streams. */
const EVENT_ID_SEED_OFFSET = 0x45564e54; // 'EVNT'

/**
 * The runtime's EventBridge (spec section 10): the template's rules, the buses they listen on, the
 * job state change events of the backend (EVT-1), scheduled rules (EVT-4), `putEvents`, and the
 * record of every target invocation.
 */
export class LocalEventBridge {
  private readonly loaded: LoadedEventRules;
  private readonly bus: EventBus;
  private readonly schedules: RuleSchedules;
  private readonly invocations: TargetInvocation[] = [];
  private readonly handlers = new Map<string, ILocalFunctionHandler>();
  /** FS-3: rules that submit to a fair-share queue (every submission refused). */
  readonly fairShareWarnings: readonly string[];

  constructor(backend: BatchBackend, template: LoadedTemplate, options: LocalEventBridgeOptions) {
    this.loaded = loadEventRules(template, backend.environment);
    this.fairShareWarnings = fairShareTargetWarnings(this.loaded.rules, backend.registry);
    const ids: IdGenerator = options.virtual
      ? new SeededIdGenerator((options.seed ?? 1) + EVENT_ID_SEED_OFFSET)
      : new RandomIdGenerator();
    const dispatcher = new TargetDispatcher({
      backend,
      handlerFor: (key) => this.handlers.get(key),
      record: (invocation) => this.invocations.push(invocation),
    });
    this.bus = new EventBus(this.loaded.rules, { loop: backend.loop, environment: backend.environment, ids, dispatcher });
    // EVT-1: AWS Batch sends its events to the default bus. Without a rule there, nobody could see
    // them, so the (DescribeJobs-sized) events are not built at all.
    if (this.bus.hasPatternRules(DEFAULT_EVENT_BUS)) {
      backend.addJobStateListener({
        onJobStateChange: (job) => this.bus.put(jobStateChangeContent(job), DEFAULT_EVENT_BUS),
      });
    }
    this.schedules = new RuleSchedules(this.loaded.rules, backend.loop, {
      onScheduleFired: (rule, epochMs) => this.bus.fireSchedule(rule, epochMs),
    }, !options.virtual, backend.loop.now());
  }

  /** The rules loaded from the template. */
  get rules(): readonly EventRule[] {
    return this.loaded.rules;
  }

  /** EVT-5 findings and other things the template's rules should tell the user. */
  get warnings(): string[] {
    return [...this.loaded.warnings, ...this.fairShareWarnings];
  }

  /** Virtual time: scheduled rules may fire up to this time (the runtime's `advance`). */
  allowSchedulesUntil(epochMs: number): void {
    this.schedules.allowUntil(epochMs);
  }

  /** Checkpoint (serve --state-dir): the scheduled rules' next fires (EVT-4), re-armed at a restore. */
  schedulesCheckpointPart(): CheckpointPart {
    return this.schedules.checkpointPart();
  }

  /** PutEvents: each accepted entry is delivered at the current runtime time, by a loop event. */
  putEvents(entries: PutEventsEntry[]): PutEventsResult {
    validatePutEventsRequest(entries);
    const results: PutEventsResultEntry[] = entries.map((entry) => {
      const judged = validatePutEventsEntry(entry, this.loaded.buses);
      if ('errorCode' in judged) return judged;
      return { eventId: this.bus.put(judged.content, judged.busName, judged.timeEpochMs) };
    });
    return { failedEntryCount: results.filter((r) => r.errorCode !== undefined).length, entries: results };
  }

  /** Every delivery so far, oldest first. */
  targetInvocations(): TargetInvocation[] {
    return [...this.invocations];
  }

  /**
   * Registers the handler standing in for a Lambda function: by logical id, function name or ARN.
   *
   * @throws Error naming the value and the functions known when no function goes by that name
   */
  registerFunctionHandler(nameOrLogicalId: string, handler: ILocalFunctionHandler): void {
    const key = this.loaded.functions.key(nameOrLogicalId);
    if (key === undefined) {
      throw new Error(`functionName: no Lambda function ${JSON.stringify(nameOrLogicalId)} in the template or among rule targets; known: ${this.loaded.functions.aliasList().join(', ') || '(none)'}`);
    }
    this.handlers.set(key, handler);
  }
}
