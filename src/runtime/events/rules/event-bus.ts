import { EventBridgeEvent, eventBridgeEvent, EventContent } from '../event-bridge-event';
import { EventRule, RuleTarget } from './event-rule';
import { EventLoop } from '../../core/event-loop';
import { IdGenerator } from '../../core/id-generator';
import { Environment } from '../../core/model/arns';

/** Hands an event to one target of a rule (the `TargetDispatcher`). */
export interface TargetInvoker {
  invoke(rule: EventRule, target: RuleTarget, event: EventBridgeEvent): void;
}

/** What the bus needs from the runtime. */
export interface EventBusContext {
  readonly loop: EventLoop;
  readonly environment: Environment;
  /** Event ids: seeded (deterministic) in virtual time, random in real time. */
  readonly ids: IdGenerator;
  readonly dispatcher: TargetInvoker;
}

/**
 * The runtime's EventBridge buses: events are stamped when they are put and delivered by a loop
 * event at the same runtime time, so rule targets (a Batch target's SubmitJob, a local Lambda
 * handler) never run inside the job state change or API call that produced the event. At delivery
 * each ENABLED rule of the event's bus whose pattern matches (EVT-3) gets the event, target by
 * target, in template order; each rule sees each event once (EVT-2's "at least once", with no
 * duplicates locally).
 */
export class EventBus {
  private readonly patternRules = new Map<string, EventRule[]>();

  constructor(rules: readonly EventRule[], private readonly context: EventBusContext) {
    for (const rule of rules) {
      if (!rule.enabled || !rule.pattern) continue;
      const onBus = this.patternRules.get(rule.eventBusName) ?? [];
      onBus.push(rule);
      this.patternRules.set(rule.eventBusName, onBus);
    }
  }

  /** Whether any enabled rule matches events on this bus (when none does, producers may skip building events). */
  hasPatternRules(busName: string): boolean {
    return this.patternRules.has(busName);
  }

  /**
   * Stamps `content` with an id, the account, the region and `timeEpochMs` (default: now), and queues
   * its delivery on `busName`. Returns the event id.
   */
  put(content: EventContent, busName: string, timeEpochMs?: number): string {
    const { loop, environment, ids } = this.context;
    const event = eventBridgeEvent(content, ids.nextUuid(), timeEpochMs ?? loop.now(), environment);
    const rules = this.patternRules.get(busName);
    if (rules) loop.after(0, () => this.deliver(rules, event));
    return event.id;
  }

  /** EVT-4: a scheduled rule's event goes to that rule's targets only, at once (the caller is a loop event). */
  fireSchedule(rule: EventRule, epochMs: number): void {
    const { environment, ids } = this.context;
    const event = eventBridgeEvent(
      { source: 'aws.events', detailType: 'Scheduled Event', resources: [rule.arn], detail: {} },
      ids.nextUuid(), epochMs, environment);
    for (const target of rule.targets) this.context.dispatcher.invoke(rule, target, event);
  }

  private deliver(rules: readonly EventRule[], event: EventBridgeEvent): void {
    for (const rule of rules) {
      if (!rule.pattern!.matches(event)) continue;
      for (const target of rule.targets) this.context.dispatcher.invoke(rule, target, event);
    }
  }
}
