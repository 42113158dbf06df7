import { EventsValidationException, TargetInputTransformError } from '../../../../src/runtime/events/events-errors';
import {
  compileTargetInput,
  TargetInputContext,
  TargetInputSettings,
  transformTargetInput,
  validateTargetInput,
} from '../../../../src/runtime/events/rules/input-transformer';

const CONTEXT: TargetInputContext = {
  ruleName: 'example',
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ingestionTimeEpochMs: Date.UTC(2015, 10, 11, 21, 29, 54, 321),
};

// The EC2 event of "Transforming Amazon EventBridge target input"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html).
const EC2_EVENT = {
  'version': '0',
  'id': '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  'source': 'aws.ec2',
  'account': '123456789012',
  'time': '2015-11-11T21:29:54Z',
  'region': 'us-east-1',
  'resources': ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  'detail': { 'instance-id': 'i-0123456789', 'state': 'RUNNING' },
};
const EC2_PATHS = { timestamp: '$.time', instance: '$.detail.instance-id', state: '$.detail.state' };
const ec2 = (template: string) => transformTargetInput({ InputTransformer: { InputPathsMap: EC2_PATHS, InputTemplate: template } },
  EC2_EVENT, CONTEXT);

describe('InputTransformer: the seed S3 example', () => {
  test('EVT-3: an S3 object event becomes Batch Parameters S3bucket and S3key', () => {
    // GIVEN the seed guide's transformer (AWS Batch User Guide, "使用 CloudWatch Events 输入转换器") and a
    // CloudTrail PutObject event
    const target: TargetInputSettings = {
      Id: 'batch-target',
      InputTransformer: {
        InputPathsMap: { S3BucketValue: '$.detail.requestParameters.bucketName', S3KeyValue: '$.detail.requestParameters.key' },
        InputTemplate: '{ "Parameters" : { "S3bucket": "<S3BucketValue>", "S3key": "<S3KeyValue>" }}',
      },
    };
    const event = {
      'version': '0',
      'id': 'e1',
      'detail-type': 'AWS API Call via CloudTrail',
      'source': 'aws.s3',
      'detail': { eventName: 'PutObject', requestParameters: { bucketName: 'my-input-bucket', key: 'incoming/data.csv' } },
    };
    // WHEN the event is transformed for the Batch target
    const received = transformTargetInput(target, event, CONTEXT);
    // THEN the target receives the Parameters the job definition's Ref::S3bucket and Ref::S3key need
    expect(received).toBe('{"Parameters":{"S3bucket":"my-input-bucket","S3key":"incoming/data.csv"}}');
    expect(JSON.parse(received).Parameters).toEqual({ S3bucket: 'my-input-bucket', S3key: 'incoming/data.csv' });
  });
});

describe('InputTransformer: the User Guide table', () => {
  test.each([
    ['simple string', '"instance <instance> is in <state>"', '"instance i-0123456789 is in RUNNING"'],
    ['string with escaped quotes', '"instance \\"<instance>\\" is in <state>"', '"instance \\"i-0123456789\\" is in RUNNING"'],
    ['simple JSON', '{\n  "instance" : <instance>,\n  "state": <state>\n}', '{"instance":"i-0123456789","state":"RUNNING"}'],
    ['JSON with strings and variables',
      '{\n "instance" : <instance>,\n "state": "<state>",\n "instanceStatus": "instance \\"<instance>\\" is in <state>"\n}',
      '{"instance":"i-0123456789","state":"RUNNING","instanceStatus":"instance \\"i-0123456789\\" is in RUNNING"}'],
    ['JSON with a mix of variables and static information',
      '{\n  "instance" : <instance>,\n  "state": [ 9, <state>, true ],\n  "Transformed" : "Yes"\n}',
      '{"instance":"i-0123456789","state":[9,"RUNNING",true],"Transformed":"Yes"}'],
    ['reserved variables in a string', '"<aws.events.rule-name> triggered"', '"example triggered"'],
  ])('EVT-3: %s', (_name, template, expected) => {
    // GIVEN a template from the guide's table and its EC2 event WHEN transformed THEN the output is the table's
    expect(ec2(template)).toBe(expected);
  });

  test('EVT-3: reserved variables in JSON', () => {
    // GIVEN the guide's template with rule ARN, rule name and the original event
    const received = JSON.parse(ec2('{"instance": <instance>, "state": <state>, "ruleArn": <aws.events.rule-arn>, '
      + '"ruleName": <aws.events.rule-name>, "originalEvent": <aws.events.event>, "json": <aws.events.event.json>, '
      + '"at": <aws.events.event.ingestion-time>}'));
    // THEN names are strings, aws.events.event is the envelope AWS delivers and .json is the whole event
    expect(received.ruleArn).toBe('arn:aws:events:us-east-2:123456789012:rule/example');
    expect(received.ruleName).toBe('example');
    expect(received.originalEvent).toEqual({
      version: '0',
      id: EC2_EVENT.id,
      detailType: EC2_EVENT['detail-type'],
      source: 'aws.ec2',
      account: '123456789012',
      time: EC2_EVENT.time,
      region: 'us-east-1',
      resources: EC2_EVENT.resources,
    });
    expect(received.json).toEqual(EC2_EVENT);
    expect(received.at).toBe('2015-11-11T21:29:54Z');
  });
});

describe('InputTransformer: the API reference examples', () => {
  test.each([
    ['placeholders in plain text are pasted as they are', '<instance> is in state <state>', 'i-0123456789 is in state RUNNING'],
    ['quote marks around a placeholder are the template\'s own', '<instance> is in state "<state>"', 'i-0123456789 is in state "RUNNING"'],
    ['JSON with variables in quotes or out', '{"myInstance": <instance>,"myStatus": "<instance> is in state \\"<state>\\""}',
      '{"myInstance":"i-0123456789","myStatus":"i-0123456789 is in state \\"RUNNING\\""}'],
  ])('EVT-3: %s', (_name, template, expected) => {
    expect(ec2(template)).toBe(expected);
  });
});

// Outputs recorded from AWS for the detail {"command":"update-account","payload":{"acc_id":"0a787ecb-4015",
// "sf_id":"baz"},"listsingle":["HIGH"],"listmulti":["ACTIVE","INACTIVE"],"valid":true}.
describe('InputTransformer: value rendering', () => {
  const EVENT = {
    'detail-type': 'core.update-account-command',
    'time': '2022-07-13T13:48:01Z',
    'detail': {
      command: 'update-account',
      payload: { acc_id: '0a787ecb-4015', sf_id: 'baz' },
      listsingle: ['HIGH'],
      listmulti: ['ACTIVE', 'INACTIVE'],
      valid: true,
      count: 3,
      nothing: null,
    },
  };
  const PATHS = {
    userId: '$.detail.payload.acc_id',
    payload: '$.detail.payload',
    listsingle: '$.detail.listsingle',
    listmulti: '$.detail.listmulti',
    valid: '$.detail.valid',
    missing: '$.detail.notinmessage',
    count: '$.detail.count',
    nothing: '$.detail.nothing',
  };
  const render = (template: string) => transformTargetInput(
    { Id: 't1', InputTransformer: { InputPathsMap: PATHS, InputTemplate: template } }, EVENT, CONTEXT);

  test.each([
    ['text: object without quote marks', '"Payload of <payload> for <userId>"', '"Payload of {acc_id:0a787ecb-4015,sf_id:baz} for 0a787ecb-4015"'],
    ['text: lists without quote marks', '"<listsingle> and <listmulti>"', '"[HIGH] and [ACTIVE,INACTIVE]"'],
    ['text: boolean, number and null', '"Command is <valid>! <count> <nothing>"', '"Command is true! 3 null"'],
    ['text: a path that matches nothing is empty', '"detail <missing>"', '"detail "'],
    ['text: special leading characters stay text', '"{[/Check <userId>"', '"{[/Check 0a787ecb-4015"'],
    ['JSON: object value', '{"method": "PUT", "path": "users-service/users/<userId>", "bod": <payload>}',
      '{"method":"PUT","path":"users-service/users/0a787ecb-4015","bod":{"acc_id":"0a787ecb-4015","sf_id":"baz"}}'],
    ['JSON: placeholder in a list', '{"bod": [<userId>, "hardcoded"]}', '{"bod":["0a787ecb-4015","hardcoded"]}'],
    ['JSON: list value', '{"singlelistitem": <listsingle>}', '{"singlelistitem":["HIGH"]}'],
    ['JSON: repeated placeholder in one string', '{"multi_replacement": "users/<userId>/second/<userId>"}',
      '{"multi_replacement":"users/0a787ecb-4015/second/0a787ecb-4015"}'],
    ['JSON: quoted and bare give the same string', '{"a": "<userId>", "b": <userId>}', '{"a":"0a787ecb-4015","b":"0a787ecb-4015"}'],
    ['JSON: deep nesting', '{"nested": {"level1": {"level2": {"level3": "users/<userId>"}}}}',
      '{"nested":{"level1":{"level2":{"level3":"users/0a787ecb-4015"}}}}'],
    ['JSON: a bare path that matches nothing is ""', '{"command": <missing>}', '{"command":""}'],
    ['JSON: number, boolean and null stay typed', '{"c": <count>, "v": <valid>, "n": <nothing>, "s": "<count>"}',
      '{"c":3,"v":true,"n":null,"s":"3"}'],
    ['JSON: a top-level list template', '[<userId>, <count>]', '["0a787ecb-4015",3]'],
  ])('EVT-3: %s', (_name, template, expected) => {
    expect(render(template)).toBe(expected);
  });

  test.each([
    ['an object pasted inside a JSON string', '{"payload": "<payload>"}'],
    ['a list pasted inside a JSON string', '{"singlelistitem": "<listsingle>"}'],
    ['an object inside a longer JSON string', '{"not_valid": "users-service/users/<payload>", "bod": <payload>}'],
  ])('EVT-3: %s is not delivered', (_name, template) => {
    // GIVEN a JSON template that stops being JSON once the value is pasted
    // WHEN the event is transformed
    // THEN EventBridge would drop the invocation: the transformation fails, naming the target
    expect(() => render(template)).toThrow(TargetInputTransformError);
    expect(() => render(template)).toThrow('InputTemplate for target t1 produced invalid JSON for this event');
  });
});

describe('Input and InputPath', () => {
  const EVENT = { source: 'core', resources: ['r1', 'r2'], detail: { command: 'update-account', payload: { acc_id: 'a', sf_id: 'baz' } } };
  const receive = (target: TargetInputSettings) => transformTargetInput(target, EVENT, CONTEXT);

  test('EVT-3: without settings the target receives the whole event', () => {
    expect(JSON.parse(receive({}))).toEqual(EVENT);
  });

  test('EVT-3: Input is delivered exactly as written', () => {
    expect(receive({ Input: '{ "Parameters" : { "mode" : "nightly" } }' })).toBe('{ "Parameters" : { "mode" : "nightly" } }');
  });

  test.each([
    ['$.detail', '{"command":"update-account","payload":{"acc_id":"a","sf_id":"baz"}}'],
    ['$.detail.payload', '{"acc_id":"a","sf_id":"baz"}'],
    ['$.detail.payload.sf_id', '"baz"'],
    ['$.resources[1]', '"r2"'],
  ])('EVT-3: InputPath %s delivers %s', (inputPath, expected) => {
    expect(receive({ InputPath: inputPath })).toBe(expected);
  });

  test('EVT-3: an InputPath that selects nothing is a failed delivery', () => {
    expect(() => receive({ Id: 't9', InputPath: '$.detail.absent' })).toThrow(TargetInputTransformError);
    expect(() => receive({ Id: 't9', InputPath: '$.detail.absent' })).toThrow('InputPath $.detail.absent of target t9 selects nothing');
  });

  test('EVT-3: a compiled target renders many events', () => {
    const compiled = compileTargetInput({ InputPath: '$.detail.command' });
    expect(['a', 'b'].map((command) => compiled.render({ detail: { command } }, CONTEXT))).toEqual(['"a"', '"b"']);
  });
});

describe('validateTargetInput', () => {
  const transformer = (template: string, paths: Record<string, string> = { a: '$.detail.a' }): TargetInputSettings =>
    ({ Id: 't1', InputTransformer: { InputPathsMap: paths, InputTemplate: template } });
  const manyPaths = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '$.detail']));

  test.each([
    ['two settings', { Id: 't1', Input: '{}', InputPath: '$.detail' },
      'Only one of Input, InputPath, or InputTransformer must be provided for target t1.'],
    ['an unknown placeholder', transformer('"Event with not defined key <notdefinedkey>"'),
      'InputTemplate for target t1 contains invalid placeholder notdefinedkey.'],
    ['a placeholder as an object key', transformer('{<a>: 1}'), 'uses placeholder <a> as an object key'],
    ['a placeholder inside a quoted object key', transformer('{"key-<a>": 1}'), 'uses placeholder <a> as an object key'],
    ['a JSON template that is not JSON', transformer('{"a": <a>'), 'InputTemplate for target t1 is not valid JSON'],
    ['an empty template', transformer(''), 'InputTemplate for target t1 must be 1 to 8192 characters long; got 0'],
    ['a template over 8192 characters', transformer(`"${'x'.repeat(8192)}"`), 'must be 1 to 8192 characters long; got 8194'],
    ['a key outside A-Z a-z 0-9 _ -', transformer('"<a>"', { 'AWS.mine': '$.detail' }), 'InputPathsMap key "AWS.mine" for target t1'],
    ['more than 100 paths', transformer('"x"', manyPaths), 'InputPathsMap for target t1 has 101 entries; the limit is 100.'],
    ['a bracketed path', transformer('"<a>"', { a: "$['detail']" }), 'InputPathsMap["a"] for target t1 is not valid'],
    ['an InputPath without $', { Id: 't1', InputPath: 'detail' }, 'InputPath for target t1 is not valid: "detail" must start with "$"'],
    ['an InputPath over 256 characters', { Id: 't1', InputPath: `$.${'a'.repeat(255)}` }, 'the limit is 256'],
    ['an Input that is not JSON', { Id: 't1', Input: 'not json' }, 'Input for target t1 is not valid JSON'],
    ['an Input over 8192 characters', { Id: 't1', Input: `"${'x'.repeat(8191)}"` }, 'is 8193 characters long; the limit is 8192'],
  ])('EVT-3: %s is refused', (_name, target, message) => {
    // GIVEN settings PutTargets refuses WHEN validated THEN a ValidationException names target, setting and limit
    expect(() => validateTargetInput(target as TargetInputSettings)).toThrow(EventsValidationException);
    expect(() => validateTargetInput(target as TargetInputSettings)).toThrow(message);
  });

  test('EVT-3: predefined placeholders need no InputPathsMap', () => {
    expect(() => validateTargetInput({ InputTransformer: { InputTemplate: '{"e": <aws.events.event.json>}' } })).not.toThrow();
  });

  test('EVT-3: text that only looks like a tag is not a placeholder', () => {
    expect(ec2('"a < b and <not a placeholder> and <instance>"')).toBe('"a < b and <not a placeholder> and i-0123456789"');
  });
});
