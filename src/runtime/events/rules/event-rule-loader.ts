import { EventBusDirectory } from './event-bus-directory';
import { BatchTargetParameters, DEFAULT_EVENT_BUS, EventRule, RuleTarget } from './event-rule';
import { EventsRoleChecker } from './events-role-check';
import { compileTargetInput, InputTransformerSettings } from './input-transformer';
import { Environment } from '../../core/model/arns';
import { IntrinsicResolver } from '../../template/intrinsic-resolver';
import { LoadedTemplate } from '../../template/template-loader';
import { compileEventPattern } from '../pattern/event-pattern';
import { parseScheduleExpression } from '../schedule/schedule-expression';
import { FunctionDirectory } from '../targets/function-directory';
import { targetKindOfArn } from '../targets/target-arn';
import { TargetKind } from '../targets/target-invocation';

/** Targets per rule (EventBridge quota, "Targets per rule: 5"). */
export const MAX_TARGETS_PER_RULE = 5;

const RULE_STATES: Record<string, boolean> = {
  ENABLED: true,
  ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS: true,
  DISABLED: false,
};

/** What the template's `AWS::Events::Rule` resources became. */
export interface LoadedEventRules {
  readonly rules: readonly EventRule[];
  /** Things a user should know at load (EVT-5 role problems), one sentence each, naming rule and target. */
  readonly warnings: readonly string[];
  readonly functions: FunctionDirectory;
  readonly buses: EventBusDirectory;
}

interface CfnRuleTarget {
  readonly Id?: unknown;
  readonly Arn?: unknown;
  readonly RoleArn?: unknown;
  readonly Input?: string;
  readonly InputPath?: string;
  readonly InputTransformer?: InputTransformerSettings;
  readonly BatchParameters?: {
    readonly JobDefinition?: unknown;
    readonly JobName?: unknown;
    readonly ArrayProperties?: { readonly Size?: unknown };
    readonly RetryStrategy?: { readonly Attempts?: unknown };
  };
}

/**
 * The loader step for events: reads every `AWS::Events::Rule` of a loaded template through the
 * template's one `IntrinsicResolver`, validates it the way `PutRule` / `PutTargets` would
 * (pattern, schedule, target input, Batch parameters) and resolves each target ARN to a template
 * resource (SNS `Ref` = topic ARN, Lambda and SQS `Fn::GetAtt Arn`, job queue ARN).
 *
 * @throws Error naming the stack, the rule's logical id, the field and the value when a rule is invalid
 */
export function loadEventRules(loaded: LoadedTemplate, environment: Environment): LoadedEventRules {
  const resolver = loaded.resolver;
  const buses = new EventBusDirectory(resolver, environment);
  const functions = new FunctionDirectory(resolver);
  const roles = new EventsRoleChecker(resolver);
  const resourcesByArn = targetResourcesByArn(resolver);
  const warnings: string[] = [];
  const rules: EventRule[] = [];
  for (const [logicalId, resource] of Object.entries(resolver.template.Resources ?? {})) {
    if (resource.Type !== 'AWS::Events::Rule' || !resolver.resourceExists(logicalId)) continue;
    const where = `${loaded.stackName}/${logicalId} (AWS::Events::Rule)`;
    let props: Record<string, any>;
    try {
      props = resolver.resolve(resource.Properties ?? {}, `${logicalId}.Properties`) as Record<string, any>;
    } catch (error) {
      // An intrinsic the runtime cannot resolve (e.g. Fn::ImportValue of another stack's topic) is a
      // limit of the runtime, not a fault of the rule: the rest of the template still loads.
      warnings.push(`rule ${logicalId} skipped: ${(error as Error).message}`);
      continue;
    }
    try {
      rules.push(loadRule(logicalId, props));
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
  }
  return { rules, warnings, functions, buses };

  function loadRule(logicalId: string, props: Record<string, any>): EventRule {
    const name = resolver.physicalName(logicalId);
    const eventBusName = buses.canonical(props.EventBusName === undefined ? undefined : String(props.EventBusName));
    if (eventBusName === undefined) {
      throw new Error(`EventBusName: no event bus ${JSON.stringify(props.EventBusName)} in the template; known: ${buses.names().join(', ')}`);
    }
    const state = props.State === undefined ? 'ENABLED' : String(props.State);
    if (!(state in RULE_STATES)) {
      throw new Error(`State: ${JSON.stringify(state)} is not one of ${Object.keys(RULE_STATES).join(', ')}`);
    }
    if (props.EventPattern === undefined && props.ScheduleExpression === undefined) {
      throw new Error('a rule needs an EventPattern, a ScheduleExpression or both; it has neither');
    }
    if (props.ScheduleExpression !== undefined && eventBusName !== DEFAULT_EVENT_BUS) {
      throw new Error(`ScheduleExpression: scheduled rules are supported only on the default event bus, not on ${eventBusName}`);
    }
    const targetsIn = (props.Targets ?? []) as CfnRuleTarget[];
    if (targetsIn.length > MAX_TARGETS_PER_RULE) {
      throw new Error(`Targets: ${targetsIn.length} targets given; a rule has at most ${MAX_TARGETS_PER_RULE}`);
    }
    const env = environment;
    const arn = `arn:${env.partition}:events:${env.region}:${env.account}:rule/${eventBusName === DEFAULT_EVENT_BUS ? '' : `${eventBusName}/`}${name}`;
    return {
      logicalId,
      name,
      arn,
      eventBusName,
      enabled: RULE_STATES[state],
      pattern: props.EventPattern !== undefined ? compileEventPattern(props.EventPattern) : undefined,
      schedule: props.ScheduleExpression !== undefined ? parseScheduleExpression(String(props.ScheduleExpression)) : undefined,
      targets: targetsIn.map((target, index) => loadTarget(logicalId, target, index)),
    };
  }

  function loadTarget(ruleId: string, target: CfnRuleTarget, index: number): RuleTarget {
    const field = `Targets[${index}]`;
    if (target.Id === undefined || target.Arn === undefined) {
      throw new Error(`${field}: Id and Arn are required; got Id ${JSON.stringify(target.Id)}, Arn ${JSON.stringify(target.Arn)}`);
    }
    const id = String(target.Id);
    const arn = String(target.Arn);
    const kind = targetKindOfArn(arn);
    const input = compileTargetInput({ Id: id, Input: target.Input, InputPath: target.InputPath, InputTransformer: target.InputTransformer });
    const base = { id, arn, kind, input, logicalId: resourcesByArn.get(arn) };
    if (kind === TargetKind.LAMBDA_FUNCTION) return { ...base, functionKey: functions.keyOfTarget(arn) };
    if (kind !== TargetKind.BATCH_JOB_QUEUE) return base;
    const batch = batchParameters(target, field);
    const check = roles.check(target.RoleArn === undefined ? undefined : String(target.RoleArn), arn, jobDefinitionArn(batch.jobDefinition));
    if (check.message) warnings.push(`rule ${ruleId}, target ${id}: ${check.message}`);
    return { ...base, batch, roleProblem: check.usable ? undefined : check.message };
  }

  function jobDefinitionArn(definition: string): string {
    const env = environment;
    return definition.startsWith('arn:') ? definition : `arn:${env.partition}:batch:${env.region}:${env.account}:job-definition/${definition}`;
  }
}

function batchParameters(target: CfnRuleTarget, field: string): BatchTargetParameters {
  const parameters = target.BatchParameters;
  if (parameters?.JobDefinition === undefined || parameters.JobName === undefined) {
    throw new Error(`${field}.BatchParameters: a job queue target needs JobDefinition and JobName; got ${JSON.stringify(parameters ?? null)}`);
  }
  const size = parameters.ArrayProperties?.Size;
  const attempts = parameters.RetryStrategy?.Attempts;
  return {
    jobDefinition: String(parameters.JobDefinition),
    jobName: String(parameters.JobName),
    arraySize: size === undefined ? undefined : Number(size),
    attempts: attempts === undefined ? undefined : Number(attempts),
  };
}

/** ARN → logical id of every resource a target can point at, computed as the template's intrinsics resolve it. */
function targetResourcesByArn(resolver: IntrinsicResolver): Map<string, string> {
  const arnOf: Record<string, (logicalId: string) => unknown> = {
    'AWS::SNS::Topic': (id) => resolver.ref(id, id),
    'AWS::SQS::Queue': (id) => resolver.getAtt(id, 'Arn', id),
    'AWS::Lambda::Function': (id) => resolver.getAtt(id, 'Arn', id),
    'AWS::Batch::JobQueue': (id) => resolver.ref(id, id),
  };
  const byArn = new Map<string, string>();
  for (const [logicalId, resource] of Object.entries(resolver.template.Resources ?? {})) {
    const arn = arnOf[resource.Type];
    if (arn && resolver.resourceExists(logicalId)) byArn.set(String(arn(logicalId)), logicalId);
  }
  return byArn;
}
