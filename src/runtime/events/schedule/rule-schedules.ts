import { CheckpointPart } from '../../core/checkpoint/checkpoint-part';
import { ScheduledEvent } from '../../core/event-heap';
import { EventLoop } from '../../core/event-loop';
import { EventRule } from '../rules/event-rule';

/** Told when a scheduled rule fires. */
export interface ScheduleFireListener {
  onScheduleFired(rule: EventRule, epochMs: number): void;
}

/**
 * Longest single wait armed on the loop in real time: Node timers overflow past 2^31-1 ms (~24.8
 * days) and fire at once, so a far fire time is reached in steps of at most a day.
 */
const MAX_REAL_TIME_WAIT_MS = 24 * 3600 * 1000;

interface ScheduleState {
  readonly rule: EventRule;
  /** The next fire time not yet armed on the loop; undefined when the schedule has run out. */
  next?: number;
  /** The event on the loop and the fire time it stands for (a real-time wait may wake before it). */
  armed?: { readonly event: ScheduledEvent; readonly next: number };
}

/** What a checkpoint keeps of a rule's schedule. */
interface SavedSchedule {
  readonly rule: string;
  readonly next?: number;
  readonly armed?: { readonly time: number; readonly sequence: number; readonly next: number };
}

/**
 * EVT-4: fires the ENABLED scheduled rules on the runtime's clock. A rate schedule counts from the
 * rule's creation (the template load); cron fires on whole UTC minutes.
 *
 * A schedule never ends, so it must not keep a virtual-time simulation busy: in virtual time a fire
 * time is put on the loop only once the clock is allowed to reach it (`allowUntil`, called by the
 * runtime's `advance(seconds)`). `runUntilIdle()` and `waitForJob()` therefore finish the work already
 * started without firing further schedules. In real time every schedule is armed as it comes.
 * Only the next fire time of each rule is ever on the loop.
 */
export class RuleSchedules {
  private readonly states: ScheduleState[] = [];
  private horizon: number;

  /**
   * @param realTime whether the loop runs on the system clock (schedules armed without a horizon)
   * @param anchorEpochMs the rules' creation time, the start of rate schedules
   */
  constructor(
    rules: readonly EventRule[],
    private readonly loop: EventLoop,
    private readonly listener: ScheduleFireListener,
    private readonly realTime: boolean,
    private readonly anchorEpochMs: number,
  ) {
    this.horizon = realTime ? Number.POSITIVE_INFINITY : anchorEpochMs;
    for (const rule of rules) {
      if (!rule.enabled || !rule.schedule) continue;
      const state: ScheduleState = { rule, next: rule.schedule.nextFireTime(anchorEpochMs, anchorEpochMs) };
      this.states.push(state);
      this.arm(state);
    }
  }

  /** Virtual time: lets schedules fire up to `untilEpochMs` (inclusive). */
  allowUntil(untilEpochMs: number): void {
    if (untilEpochMs <= this.horizon) return;
    this.horizon = untilEpochMs;
    for (const state of this.states) this.arm(state);
  }

  /** The number of scheduled rules that may still fire. */
  get activeSchedules(): number {
    return this.states.filter((state) => state.next !== undefined).length;
  }

  /**
   * Checkpoint (serve --state-dir): each rule's next fire time, armed or waiting for the horizon.
   * The armed event is standing (it never keeps the runtime from a rest point: a schedule never
   * ends); the restore re-arms it at its time with its sequence, so it fires as it would have.
   */
  checkpointPart(): CheckpointPart {
    return {
      key: 'events.schedules',
      save: () => [{
        horizon: Number.isFinite(this.horizon) ? this.horizon : null,
        rules: this.states.map((state): SavedSchedule => ({
          rule: state.rule.name,
          ...(state.next !== undefined ? { next: state.next } : {}),
          ...(state.armed && !state.armed.event.cancelled && !state.armed.event.popped
            ? { armed: { time: state.armed.event.time, sequence: state.armed.event.sequence, next: state.armed.next } } : {}),
        })),
      }],
      clear: () => {
        for (const state of this.states) {
          state.armed?.event.cancel();
          state.armed = undefined;
          state.next = undefined;
        }
      },
      restore: ([chunk]) => {
        const saved = chunk as { horizon: number | null; rules: SavedSchedule[] };
        if (saved.rules.length !== this.states.length || saved.rules.some((rule, i) => rule.rule !== this.states[i].rule.name)) {
          throw new Error(`the checkpoint's scheduled rules (${saved.rules.map((rule) => rule.rule).join(', ') || 'none'}) are not the template's (${this.states.map((state) => state.rule.name).join(', ') || 'none'})`);
        }
        this.horizon = saved.horizon ?? Number.POSITIVE_INFINITY;
        saved.rules.forEach((rule, i) => {
          const state = this.states[i];
          state.next = rule.next;
          if (rule.armed) {
            const next = rule.armed.next;
            state.armed = { event: this.loop.restoreStanding(rule.armed.time, rule.armed.sequence, () => this.wake(state, next)), next };
          }
        });
      },
    };
  }

  private arm(state: ScheduleState): void {
    const next = state.next;
    if (next === undefined || next > this.horizon) return;
    state.next = undefined; // armed: no longer waiting for the horizon
    const wakeAt = this.realTime ? Math.min(next, this.loop.now() + MAX_REAL_TIME_WAIT_MS) : next;
    state.armed = { event: this.loop.at(wakeAt, () => this.wake(state, next), true), next };
  }

  private wake(state: ScheduleState, next: number): void {
    state.armed = undefined;
    if (this.loop.now() < next) {
      state.next = next; // a real-time step towards a far fire time
      this.arm(state);
      return;
    }
    this.listener.onScheduleFired(state.rule, next);
    // From now, not from `next`: a real-time loop that was held up does not catch up on missed fires.
    state.next = state.rule.schedule!.nextFireTime(Math.max(next, this.loop.now()), this.anchorEpochMs);
    this.arm(state);
  }
}
