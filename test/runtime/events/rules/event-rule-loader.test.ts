import { loadEventRules } from '../../../../src/runtime/events/rules/event-rule-loader';
import { TargetKind } from '../../../../src/runtime/events/targets/target-invocation';
import { CfnTemplate } from '../../../../src/runtime/template/intrinsic-resolver';
import { ARN_PREFIX, ENV, loadedTemplate } from '../events-unit-fixtures';

const QUEUE: CfnTemplate['Resources'] = { Queue: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'q' } } };
const TRUSTED_ROLE: CfnTemplate['Resources'] = {
  Role: {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'events.amazonaws.com' } }] },
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSBatchServiceEventTargetRole'],
    },
  },
};

function load(resources: CfnTemplate['Resources']): ReturnType<typeof loadEventRules> {
  return loadEventRules(loadedTemplate(resources), ENV);
}

function ruleWith(properties: Record<string, unknown>): CfnTemplate['Resources'] {
  return { Rule: { Type: 'AWS::Events::Rule', Properties: properties } };
}

describe('loadEventRules', () => {
  test('EVT-3: a pattern rule resolves each target ARN to its template resource and kind', () => {
    // GIVEN a rule with SNS (Ref), SQS, Lambda (GetAtt Arn) and job queue targets
    const { rules } = load({
      ...QUEUE,
      ...TRUSTED_ROLE,
      Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
      Sqs: { Type: 'AWS::SQS::Queue', Properties: {} },
      Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
      ...ruleWith({
        Name: 'failed-jobs',
        EventPattern: { source: ['aws.batch'] },
        Targets: [
          { Id: 'Sns', Arn: { Ref: 'Topic' } },
          { Id: 'Sqs', Arn: { 'Fn::GetAtt': ['Sqs', 'Arn'] } },
          { Id: 'Fn', Arn: { 'Fn::GetAtt': ['Fn', 'Arn'] } },
          { Id: 'Batch', Arn: { Ref: 'Queue' }, RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, BatchParameters: { JobDefinition: 'd', JobName: 'j', ArrayProperties: { Size: 3 }, RetryStrategy: { Attempts: 2 } } },
        ],
      }),
    });
    // WHEN loaded THEN the rule has its name, default-bus ARN, and classified targets
    const [rule] = rules;
    expect(rule).toMatchObject({ logicalId: 'Rule', name: 'failed-jobs', arn: `arn:aws:events:${ENV.region}:${ENV.account}:rule/failed-jobs`, eventBusName: 'default', enabled: true });
    expect(rule.pattern?.matches({ source: 'aws.batch' })).toBe(true);
    expect(rule.targets.map((t) => [t.id, t.kind, t.logicalId])).toEqual([
      ['Sns', TargetKind.SNS_TOPIC, 'Topic'],
      ['Sqs', TargetKind.SQS_QUEUE, 'Sqs'],
      ['Fn', TargetKind.LAMBDA_FUNCTION, 'Fn'],
      ['Batch', TargetKind.BATCH_JOB_QUEUE, 'Queue'],
    ]);
    expect(rule.targets[2].functionKey).toBe('Fn');
    expect(rule.targets[3]).toMatchObject({ arn: `${ARN_PREFIX}:job-queue/q`, batch: { jobDefinition: 'd', jobName: 'j', arraySize: 3, attempts: 2 }, roleProblem: undefined });
  });

  test('EVT-3: State DISABLED is honoured; a rule on a custom bus gets a bus-qualified ARN', () => {
    const { rules } = load({
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
      ...ruleWith({ Name: 'r', State: 'DISABLED', EventBusName: { Ref: 'Bus' }, EventPattern: '{"source":["x"]}', Targets: [] }),
    });
    expect(rules[0]).toMatchObject({ enabled: false, eventBusName: 'orders', arn: `arn:aws:events:${ENV.region}:${ENV.account}:rule/orders/r` });
  });

  test('EVT-4: a scheduled rule gets its parsed schedule', () => {
    const { rules } = load(ruleWith({ ScheduleExpression: 'rate(1 hour)', Targets: [] }));
    expect(rules[0].schedule).toMatchObject({ kind: 'rate', periodMs: 3_600_000 });
    expect(rules[0].name).toMatch(/^S-Rule-[0-9A-Z]{12}$/);
  });

  test('EVT-5: a Batch target without a role, or with an untrusting one, is reported and unusable', () => {
    const { rules, warnings } = load({
      ...QUEUE,
      Bad: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
      ...ruleWith({
        ScheduleExpression: 'rate(1 day)',
        Targets: [
          { Id: 'NoRole', Arn: { Ref: 'Queue' }, BatchParameters: { JobDefinition: 'd', JobName: 'j' } },
          { Id: 'BadRole', Arn: { Ref: 'Queue' }, RoleArn: { 'Fn::GetAtt': ['Bad', 'Arn'] }, BatchParameters: { JobDefinition: 'd', JobName: 'j' } },
        ],
      }),
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^rule Rule, target NoRole: RoleArn is missing/),
      expect.stringMatching(/^rule Rule, target BadRole: role Bad does not trust events\.amazonaws\.com/),
    ]);
    expect(rules[0].targets.map((t) => t.roleProblem !== undefined)).toEqual([true, true]);
  });

  test.each([
    ['no pattern nor schedule', { Targets: [] }, 'S/Rule (AWS::Events::Rule): a rule needs an EventPattern, a ScheduleExpression or both'],
    ['an unknown State', { State: 'PAUSED', ScheduleExpression: 'rate(1 day)' }, 'State: "PAUSED" is not one of ENABLED'],
    ['an invalid pattern', { EventPattern: { source: 'aws.batch' } }, 'Event pattern is not valid. Reason: "source" must be an object or an array'],
    ['an invalid schedule', { ScheduleExpression: 'rate(1 hours)' }, 'Parameter ScheduleExpression is not valid: "rate(1 hours)"'],
    ['a schedule on a custom bus', { ScheduleExpression: 'rate(1 day)', EventBusName: 'default2' }, 'EventBusName: no event bus "default2"'],
    ['six targets', { ScheduleExpression: 'rate(1 day)', Targets: Array(6).fill({ Id: 'a', Arn: 'arn:aws:sns:r:a:t' }) }, 'Targets: 6 targets given; a rule has at most 5'],
    ['a target without Arn', { ScheduleExpression: 'rate(1 day)', Targets: [{ Id: 'a' }] }, 'Targets[0]: Id and Arn are required'],
    ['a Batch target without BatchParameters', { ScheduleExpression: 'rate(1 day)', Targets: [{ Id: 'a', Arn: `${ARN_PREFIX}:job-queue/q` }] }, 'Targets[0].BatchParameters: a job queue target needs JobDefinition and JobName'],
    ['two input settings', { ScheduleExpression: 'rate(1 day)', Targets: [{ Id: 'a', Arn: 'arn:aws:sns:r:a:t', Input: '{}', InputPath: '$.detail' }] }, 'Only one of Input, InputPath, or InputTransformer'],
  ])('EVT-3: %s is refused naming the rule and the field', (_name, properties, message) => {
    // GIVEN an invalid rule WHEN loaded THEN the error names stack, rule and problem
    expect(() => load(ruleWith(properties))).toThrow(message);
  });

  test('EVT-3: a schedule on a custom bus is refused', () => {
    expect(() => load({
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
      ...ruleWith({ ScheduleExpression: 'rate(1 day)', EventBusName: 'orders' }),
    })).toThrow('ScheduleExpression: scheduled rules are supported only on the default event bus, not on orders');
  });

  test('EVT-3: a rule the runtime cannot resolve is skipped with a warning; the others load', () => {
    // GIVEN a rule whose target ARN uses an intrinsic the runtime does not resolve, and a plain one
    // (Fn::ImportValue resolves since CFN-4: to the given value or a placeholder)
    const { rules, warnings } = load({
      Imported: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['x'] }, Targets: [{ Id: 't', Arn: { 'Fn::Transform': { Name: 'AWS::Include' } } }] } },
      ...ruleWith({ ScheduleExpression: 'rate(1 day)' }),
    });
    // WHEN loaded THEN only the plain rule is there, and the warning names the skipped one and why
    expect(rules.map((r) => r.logicalId)).toEqual(['Rule']);
    expect(warnings).toEqual([expect.stringMatching(/^rule Imported skipped: .*Fn::Transform/)]);
  });

  test('EVT-3: a rule whose Condition is false is not loaded', () => {
    const resources = { Rule: { Type: 'AWS::Events::Rule', Condition: 'Never', Properties: { ScheduleExpression: 'rate(1 day)' } } };
    const loaded = loadedTemplate(resources, { Never: { 'Fn::Equals': ['a', 'b'] } });
    expect(loadEventRules(loaded, ENV).rules).toEqual([]);
  });
});
