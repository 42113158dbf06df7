import { DEFAULT_ENVIRONMENT } from '../../../src/runtime/core/model/arns';
import { EventBridgeEvent } from '../../../src/runtime/events/event-bridge-event';
import { EventRule, RuleTarget } from '../../../src/runtime/events/rules/event-rule';
import { compileTargetInput } from '../../../src/runtime/events/rules/input-transformer';
import { targetKindOfArn } from '../../../src/runtime/events/targets/target-arn';
import { CfnTemplate, IntrinsicResolver } from '../../../src/runtime/template/intrinsic-resolver';
import { LoadedTemplate } from '../../../src/runtime/template/template-loader';

export const ENV = DEFAULT_ENVIRONMENT;
export const ARN_PREFIX = `arn:aws:batch:${ENV.region}:${ENV.account}`;

/** A resolver over a hand-written template of stack `S` in the default environment. */
export function resolverFor(resources: CfnTemplate['Resources'], conditions?: CfnTemplate['Conditions']): IntrinsicResolver {
  return new IntrinsicResolver({ Resources: resources, Conditions: conditions }, { stackName: 'S', environment: ENV, parameters: {} });
}

/** What `loadTemplate` returns, for a template whose Batch resources are not needed. */
export function loadedTemplate(resources: CfnTemplate['Resources'], conditions?: CfnTemplate['Conditions']): LoadedTemplate {
  return { stackName: 'S', resolver: resolverFor(resources, conditions), batchResources: new Map(), notModelled: [], warnings: [] };
}

/** A rule with the given targets (defaults: enabled, on the default bus, no pattern or schedule). */
export function rule(overrides: Partial<EventRule> = {}): EventRule {
  return {
    logicalId: 'Rule',
    name: 'rule-name',
    arn: `arn:aws:events:${ENV.region}:${ENV.account}:rule/rule-name`,
    eventBusName: 'default',
    enabled: true,
    targets: [],
    ...overrides,
  };
}

/** A target of the given ARN whose input is the whole event unless settings say otherwise. */
export function target(arn: string, overrides: Partial<RuleTarget> = {}): RuleTarget {
  return { id: 'Target0', arn, kind: targetKindOfArn(arn), input: compileTargetInput({}), ...overrides };
}

/** A minimal event. */
export function event(overrides: Partial<EventBridgeEvent> = {}): EventBridgeEvent {
  return {
    'version': '0',
    'id': 'e-1',
    'detail-type': 'Object Created',
    'source': 'aws.s3',
    'account': ENV.account,
    'time': '2020-01-01T00:00:00Z',
    'region': ENV.region,
    'resources': [],
    'detail': { bucket: { name: 'b' } },
    ...overrides,
  };
}
