import { CompiledTargetInput } from './input-transformer';
import { CompiledEventPattern } from '../pattern/event-pattern';
import { ScheduleExpression } from '../schedule/schedule-expression';
import { TargetKind } from '../targets/target-invocation';

/** The bus AWS services (AWS Batch included) send their events to. */
export const DEFAULT_EVENT_BUS = 'default';

/** An `AWS::Events::Rule` of the template, validated and compiled, as the runtime runs it. */
export interface EventRule {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  /** The canonical name of the rule's bus (`default` unless `EventBusName` says otherwise). */
  readonly eventBusName: string;
  /** `State` ENABLED (or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS); a DISABLED rule neither matches nor fires. */
  readonly enabled: boolean;
  readonly pattern?: CompiledEventPattern;
  readonly schedule?: ScheduleExpression;
  readonly targets: readonly RuleTarget[];
}

/** `BatchParameters` of a job-queue target (EVT-3): what the submitted job is. */
export interface BatchTargetParameters {
  readonly jobDefinition: string;
  readonly jobName: string;
  /** `ArrayProperties.Size`. */
  readonly arraySize?: number;
  /** `RetryStrategy.Attempts`. */
  readonly attempts?: number;
}

/** One entry of a rule's `Targets`. */
export interface RuleTarget {
  readonly id: string;
  readonly arn: string;
  readonly kind: TargetKind;
  /** The template resource the ARN resolves to, when the target is part of the template. */
  readonly logicalId?: string;
  readonly input: CompiledTargetInput;
  /** For a Batch job-queue target. */
  readonly batch?: BatchTargetParameters;
  /**
   * EVT-5: why EventBridge could not submit jobs with this target's role (a Batch target only);
   * undefined when it can, or when the role is outside the template and could not be checked.
   */
  readonly roleProblem?: string;
  /** For a Lambda target: the key its local handler is registered under (see `FunctionDirectory`). */
  readonly functionKey?: string;
}
