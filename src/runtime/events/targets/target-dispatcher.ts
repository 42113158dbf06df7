import { submitJobRequestForTarget } from './batch-job-queue-target';
import { EventBridgeEvent } from '../event-bridge-event';
import { ILocalFunctionHandler } from './local-function-handler';
import { TargetInvocation, TargetKind } from './target-invocation';
import { BatchBackend } from '../../core/backend';
import { TargetInvoker } from '../rules/event-bus';
import { EventRule, RuleTarget } from '../rules/event-rule';

/** Where the dispatcher reaches the rest of the runtime. */
export interface TargetDispatcherContext {
  readonly backend: BatchBackend;
  /** The local handler standing in for a Lambda function, by its `FunctionDirectory` key. */
  handlerFor(functionKey: string): ILocalFunctionHandler | undefined;
  record(invocation: TargetInvocation): void;
}

/**
 * Hands one event to one target of a matched rule and records what was delivered (EVT-3): SNS,
 * SQS and other targets are recorded; a Lambda target also runs its registered local handler; a
 * Batch job-queue target submits a job through the backend's one `submitJob`. A failure (an input
 * EventBridge would drop, a refused SubmitJob, a handler error) is recorded, never thrown: EventBridge
 * reports failed invocations in metrics, not to the event's producer.
 */
export class TargetDispatcher implements TargetInvoker {
  constructor(private readonly context: TargetDispatcherContext) {}

  invoke(rule: EventRule, target: RuleTarget, event: EventBridgeEvent): void {
    const now = this.context.backend.loop.now();
    const base = {
      ruleName: rule.name,
      ruleArn: rule.arn,
      ruleLogicalId: rule.logicalId,
      targetId: target.id,
      targetArn: target.arn,
      kind: target.kind,
      targetLogicalId: target.logicalId,
      eventId: event.id,
      time: now,
    };
    let input = '';
    try {
      input = target.input.render(event as unknown as Record<string, unknown>, { ruleName: rule.name, ruleArn: rule.arn, ingestionTimeEpochMs: now });
      const submittedJobId = this.deliver(target, input);
      this.context.record(compact({ ...base, input, succeeded: true, submittedJobId }));
    } catch (error) {
      this.context.record(compact({ ...base, input, succeeded: false, error: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Performs the delivery; returns the submitted job's id for a Batch target. */
  private deliver(target: RuleTarget, input: string): string | undefined {
    switch (target.kind) {
      case TargetKind.BATCH_JOB_QUEUE:
        if (target.roleProblem !== undefined) throw new Error(`not submitted: ${target.roleProblem}`);
        return this.context.backend.submitJob(submitJobRequestForTarget(target, input)).jobId;
      case TargetKind.LAMBDA_FUNCTION: {
        const handler = target.functionKey !== undefined ? this.context.handlerFor(target.functionKey) : undefined;
        handler?.handle(parseJsonOrText(input));
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

/** Lambda receives JSON; a text input (from a text template) reaches the handler as a string. */
function parseJsonOrText(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

function compact(invocation: TargetInvocation): TargetInvocation {
  const result: Record<string, unknown> = { ...invocation };
  for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];
  return result as unknown as TargetInvocation;
}
