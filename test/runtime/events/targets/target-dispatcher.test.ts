import { compileTargetInput } from '../../../../src/runtime/events/rules/input-transformer';
import { ILocalFunctionHandler } from '../../../../src/runtime/events/targets/local-function-handler';
import { TargetDispatcher } from '../../../../src/runtime/events/targets/target-dispatcher';
import { TargetInvocation, TargetKind } from '../../../../src/runtime/events/targets/target-invocation';
import { T0, testBackend } from '../../core/fixtures';
import { ARN_PREFIX, event, rule, target } from '../events-unit-fixtures';

const QUEUE = `${ARN_PREFIX}:job-queue/queue`;
const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:fn';

function dispatcher(handlers: Record<string, ILocalFunctionHandler> = {}): { dispatcher: TargetDispatcher; invocations: TargetInvocation[]; backend: ReturnType<typeof testBackend>['backend'] } {
  const { backend } = testBackend();
  const invocations: TargetInvocation[] = [];
  return {
    backend,
    invocations,
    dispatcher: new TargetDispatcher({ backend, handlerFor: (key) => handlers[key], record: (i) => invocations.push(i) }),
  };
}

describe('TargetDispatcher', () => {
  test('EVT-3: an SNS target records the message with rule, target, event id and runtime time', () => {
    // GIVEN an SNS target WHEN an event is dispatched THEN the whole event is recorded as the message
    const { dispatcher: d, invocations } = dispatcher();
    const sns = target('arn:aws:sns:us-east-1:123456789012:alerts', { logicalId: 'Topic' });
    d.invoke(rule(), sns, event());
    expect(invocations).toEqual([{
      ruleName: 'rule-name',
      ruleArn: rule().arn,
      ruleLogicalId: 'Rule',
      targetId: 'Target0',
      targetArn: sns.arn,
      kind: TargetKind.SNS_TOPIC,
      targetLogicalId: 'Topic',
      eventId: 'e-1',
      time: T0,
      input: JSON.stringify(event()),
      succeeded: true,
    }]);
  });

  test('EVT-3: a Batch target submits a job with the transformed Parameters', () => {
    // GIVEN a job-queue target with an input transformer
    const { dispatcher: d, invocations, backend } = dispatcher();
    const batch = target(QUEUE, {
      batch: { jobDefinition: 'job', jobName: 'from-event' },
      input: compileTargetInput({ Id: 'T', InputTransformer: { InputPathsMap: { b: '$.detail.bucket.name' }, InputTemplate: '{"Parameters":{"input":<b>}}' } }),
    });
    // WHEN dispatched
    d.invoke(rule(), batch, event());
    // THEN a job was submitted with input=b and the invocation names it
    expect(invocations[0]).toMatchObject({ succeeded: true, input: '{"Parameters":{"input":"b"}}' });
    const [job] = backend.describeJobs([invocations[0].submittedJobId!]);
    expect(job).toMatchObject({ jobName: 'from-event', parameters: { input: 'b' }, status: 'SUBMITTED' });
  });

  test('EVT-5: a Batch target with a role problem submits nothing and records why', () => {
    const { dispatcher: d, invocations, backend } = dispatcher();
    d.invoke(rule(), target(QUEUE, { batch: { jobDefinition: 'job', jobName: 'j' }, roleProblem: 'RoleArn is missing' }), event());
    expect(invocations[0]).toMatchObject({ succeeded: false, error: 'not submitted: RoleArn is missing' });
    expect([...backend.allJobs()]).toEqual([]);
  });

  test('EVT-3: a SubmitJob the backend refuses is a failed invocation naming the reason', () => {
    const { dispatcher: d, invocations } = dispatcher();
    d.invoke(rule(), target(QUEUE, { batch: { jobDefinition: 'missing-definition', jobName: 'j' } }), event());
    expect(invocations[0]).toMatchObject({ succeeded: false, error: expect.stringContaining('missing-definition') });
  });

  test('EVT-3: a Lambda target runs its handler with the parsed input; without one it is only recorded', () => {
    // GIVEN a handler for key "fn"
    const received: unknown[] = [];
    const { dispatcher: d, invocations } = dispatcher({ fn: { handle: (e) => received.push(e) } });
    // WHEN a JSON and a text input are delivered, and one to a function without handler
    d.invoke(rule(), target(FUNCTION, { functionKey: 'fn' }), event());
    d.invoke(rule(), target(FUNCTION, { functionKey: 'fn', input: compileTargetInput({ InputTransformer: { InputTemplate: 'bucket <aws.events.rule-name>' } }) }), event());
    d.invoke(rule(), target(FUNCTION, { functionKey: 'other' }), event());
    // THEN the handler got the object and the text; all three were recorded as delivered
    expect(received).toEqual([event(), 'bucket rule-name']);
    expect(invocations.map((i) => i.succeeded)).toEqual([true, true, true]);
  });

  test('EVT-3: an input EventBridge would drop is a failed invocation with an empty input', () => {
    const { dispatcher: d, invocations } = dispatcher();
    d.invoke(rule(), target('arn:aws:sqs:us-east-1:1:q', { input: compileTargetInput({ InputPath: '$.detail.missing' }) }), event());
    expect(invocations[0]).toMatchObject({ kind: TargetKind.SQS_QUEUE, succeeded: false, input: '', error: expect.stringContaining('selects nothing') });
  });
});
