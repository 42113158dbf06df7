/**
 * Event pattern test vectors (spec rule EVT-3), grouped by where they come from. Each group cites
 * the page its patterns and events are taken from; events are trimmed to the fields that matter.
 */
export interface PatternVector {
  readonly name: string;
  readonly pattern: unknown;
  readonly event: unknown;
  readonly matches: boolean;
}

const vector = (name: string, pattern: unknown, event: unknown, matches: boolean): PatternVector =>
  ({ name, pattern, event, matches });

// The EC2 state-change event of "Amazon EventBridge event patterns"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html).
const ec2 = (overrides: Record<string, unknown> = {}, detail: Record<string, unknown> = {}) => ({
  'version': '0',
  'id': '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  'source': 'aws.ec2',
  'account': '111122223333',
  'time': '2017-12-22T18:43:48Z',
  'region': 'us-west-1',
  'resources': ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  'detail': { 'instance-id': 'i-1234567890abcdef0', 'state': 'terminated', ...detail },
  ...overrides,
});
const EC2_TERMINATED = {
  'source': ['aws.ec2'],
  'detail-type': ['EC2 Instance State-change Notification'],
  'detail': { state: ['terminated'] },
};
// The Auto Scaling event with an empty string and a null ("Matching null values and empty strings",
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html).
const AUTOSCALING = {
  'version': '0',
  'id': '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  'source': 'aws.autoscaling',
  'account': '123456789012',
  'time': '2015-11-11T21:31:47Z',
  'region': 'us-east-1',
  'resources': [],
  'detail': { eventVersion: '', responseElements: null },
};
// The (truncated) Macie alert of "Amazon EventBridge event patterns", Value matching.
const macie = (riskScore: number, risk: number) => ({
  'detail-type': 'Macie Alert',
  'source': 'aws.macie',
  'detail': {
    'notification-type': 'ALERT_CREATED',
    'tags': ['Custom_Alert', 'Insider'],
    'risk-score': riskScore,
    'trigger': { 'alert-type': 'basic', risk },
  },
});
// The sample event of the content-filtering examples ("Content filtering in Amazon EventBridge event
// patterns", https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html,
// and the README of github.com/aws/event-ruler, the matcher behind EventBridge).
const filtering = (detail: Record<string, unknown> = {}) => ({
  'version': '0',
  'id': 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  'source': 'aws.ec2',
  'account': '012345679012',
  'time': '2017-10-02T16:24:49Z',
  'region': 'us-east-1',
  'resources': ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  'detail': {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    'state': 'running',
    ...detail,
  },
});
const detail = (fields: Record<string, unknown>) => ({ detail: fields });
const NUMERIC_DOC = detail({
  'c-count': [{ numeric: ['>', 0, '<=', 5] }],
  'd-count': [{ numeric: ['<', 10] }],
  'x-limit': [{ numeric: ['=', 3.018e2] }],
});
const OR_DOC = detail({
  $or: [
    { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
    { 'd-count': [{ numeric: ['<', 10] }] },
    { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
  ],
});
const COMPLEX_DOC = {
  time: [{ prefix: '2017-10-02' }],
  detail: {
    'state': [{ 'anything-but': 'initializing' }],
    'c-count': [{ numeric: ['>', 0, '<=', 5] }],
    'd-count': [{ numeric: ['<', 10] }],
    'x-limit': [{ 'anything-but': [100, 200, 300] }],
  },
};
// "$or" examples of the Event Ruler README.
const CLOUDWATCH_OR = {
  source: ['aws.cloudwatch'],
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
};
const OR_WITH_AND = {
  source: ['aws.cloudwatch'],
  $or: [
    { metricName: ['CPUUtilization', 'ReadLatency'] },
    { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
    { scope: ['Service'] },
  ],
};
const PARALLEL_OR = {
  $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
  detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
};
// Event Ruler README, "JSON Array Matching".
const EMPLOYEES = {
  employees: [{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' },
    { firstName: 'Peter', lastName: 'Jones' }],
};
// The Batch job state change event of the seed guide (AWS Batch User Guide, "AWS Batch 事件").
const batch = (status: string, overrides: Record<string, unknown> = {}) => ({
  'version': '0',
  'id': 'c8f9c4b5-76e5-d76a-f980-7011e206042b',
  'detail-type': 'Batch Job State Change',
  'source': 'aws.batch',
  'account': 'aws_account_id',
  'time': '2017-10-23T17:56:03Z',
  'region': 'us-east-1',
  'resources': ['arn:aws:batch:us-east-1:aws_account_id:job/4c7599ae-0a82-49aa-ba5a-4727fcce14a8'],
  'detail': {
    jobName: 'event-test',
    jobId: '4c7599ae-0a82-49aa-ba5a-4727fcce14a8',
    jobQueue: 'arn:aws:batch:us-east-1:aws_account_id:job-queue/HighPriority',
    status,
    attempts: [],
    createdAt: 1508781340401,
    retryStrategy: { attempts: 1 },
    dependsOn: [],
    parameters: {},
  },
  ...overrides,
});
const BATCH_FAILED = { 'detail-type': ['Batch Job State Change'], 'source': ['aws.batch'], 'detail': { status: ['FAILED'] } };

export const EVENT_PATTERN_VECTORS: readonly PatternVector[] = [
  // "Amazon EventBridge event patterns" (eb-event-patterns.html): structure, match values, data types.
  vector('EC2 termination pattern matches a terminated instance', EC2_TERMINATED, ec2(), true),
  vector('EC2 termination pattern ignores a running instance', EC2_TERMINATED, ec2({}, { state: 'running' }), false),
  vector('EC2 termination pattern ignores another source', EC2_TERMINATED, ec2({ source: 'aws.autoscaling' }), false),
  vector('value list is OR: aws.ec2 in [aws.ec2, aws.fargate]', { source: ['aws.ec2', 'aws.fargate'] }, ec2(), true),
  vector('value list is OR: aws.fargate in [aws.ec2, aws.fargate]', { source: ['aws.ec2', 'aws.fargate'] },
    ec2({ source: 'aws.fargate' }), true),
  vector('value list is OR: aws.ecs not in the list', { source: ['aws.ec2', 'aws.fargate'] }, ec2({ source: 'aws.ecs' }), false),
  vector('fields absent from the pattern are ignored', detail({ state: ['terminated'] }), ec2(), true),
  vector('field names are case-sensitive', { Source: ['aws.ec2'] }, ec2(), false),
  vector('string values match character by character, case included', { source: ['AWS.EC2'] }, ec2(), false),
  vector('field matching on responseElements null', {
    'source': ['aws.autoscaling'],
    'detail-type': ['EC2 Instance Launch Successful'],
    'detail': { responseElements: [null] },
  }, AUTOSCALING, true),
  vector('Macie: risk-score 80 and trigger.risk 8', { source: ['aws.macie'], detail: { 'risk-score': [80], 'trigger': { risk: [8] } } },
    macie(80, 8), true),
  vector('Macie: trigger.risk 7 fails the nested field', { source: ['aws.macie'], detail: { 'risk-score': [80], 'trigger': { risk: [8] } } },
    macie(80, 7), false),
  vector('nesting must be the same: detail.risk is not detail.trigger.risk', detail({ risk: [8] }), macie(80, 8), false),

  // "Matching null values and empty strings" (eb-event-patterns-null-values.html).
  vector('empty string matches ""', detail({ eventVersion: [''] }), AUTOSCALING, true),
  vector('null matches null', detail({ responseElements: [null] }), AUTOSCALING, true),
  vector('null does not match an empty string', detail({ eventVersion: [null] }), AUTOSCALING, false),
  vector('empty string does not match null', detail({ responseElements: [''] }), AUTOSCALING, false),
  vector('the string "null" is not null', detail({ responseElements: ['null'] }), AUTOSCALING, false),

  // "Arrays in Amazon EventBridge event patterns" (eb-event-patterns-arrays.html).
  vector('event array matches when it intersects the pattern list', {
    resources: [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
    ],
  }, {
    resources: [
      'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
    ],
  }, true),
  vector('event array without a common element does not match', { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] },
    { resources: ['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:x:autoScalingGroupName/ASGTerminate'] }, false),
  vector('an empty event array is absent for exists:true', { resources: [{ exists: true }] }, AUTOSCALING, false),
  vector('an empty event array is absent for exists:false', { resources: [{ exists: false }] }, AUTOSCALING, true),
  vector('an empty event array does not match [null]', { resources: [null] }, AUTOSCALING, false),
  vector('Macie tags array contains Insider', detail({ tags: ['Insider'] }), macie(80, 8), true),

  // "Content filtering in Amazon EventBridge event patterns" (eb-event-patterns-content-based-filtering.html):
  // prefix and suffix, with and without equals-ignore-case.
  vector('prefix 2017-10-02 on time', { time: [{ prefix: '2017-10-02' }] }, filtering(), true),
  vector('prefix 2017-10-03 on time', { time: [{ prefix: '2017-10-03' }] }, filtering(), false),
  vector('prefix works on strings only, not on the number 5', detail({ 'c-count': [{ prefix: '5' }] }), filtering(), false),
  vector('empty prefix matches any string', { source: [{ prefix: '' }] }, filtering(), true),
  vector('prefix equals-ignore-case EventB vs EVENTBRIDGE', detail({ service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }),
    filtering({ service: 'EVENTBRIDGE' }), true),
  vector('prefix equals-ignore-case EventB vs eventbus', detail({ service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }),
    filtering({ service: 'eventbus' }), true),
  vector('prefix equals-ignore-case EventB vs Events', detail({ service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }),
    filtering({ service: 'Events' }), false),
  vector('suffix .png on image.png', { FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' }, true),
  vector('suffix is case-sensitive: .png vs image.PNG', { FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' }, false),
  vector('suffix equals-ignore-case .png vs IMAGE.PnG', detail({ FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] }),
    filtering({ FileName: 'IMAGE.PnG' }), true),
  vector('suffix equals-ignore-case .png vs image.jpg', detail({ FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] }),
    filtering({ FileName: 'image.jpg' }), false),

  // Content filtering: anything-but (single, lists, prefix, suffix, equals-ignore-case, wildcard).
  vector('anything-but initializing vs running', detail({ state: [{ 'anything-but': 'initializing' }] }), filtering(), true),
  vector('anything-but initializing vs initializing', detail({ state: [{ 'anything-but': 'initializing' }] }),
    filtering({ state: 'initializing' }), false),
  vector('anything-but 123 vs 301.8', detail({ 'x-limit': [{ 'anything-but': 123 }] }), filtering(), true),
  vector('anything-but 123 vs 123', detail({ 'x-limit': [{ 'anything-but': 123 }] }), filtering({ 'x-limit': 123 }), false),
  vector('anything-but [stopped, overloaded] vs running', detail({ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }), filtering(), true),
  vector('anything-but [stopped, overloaded] vs stopped', detail({ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }),
    filtering({ state: 'stopped' }), false),
  vector('anything-but [100, 200, 300] vs 301.8', detail({ 'x-limit': [{ 'anything-but': [100, 200, 300] }] }), filtering(), true),
  vector('anything-but [100, 200, 300] vs 200', detail({ 'x-limit': [{ 'anything-but': [100, 200, 300] }] }),
    filtering({ 'x-limit': 200 }), false),
  vector('anything-but prefix init vs running', detail({ state: [{ 'anything-but': { prefix: 'init' } }] }), filtering(), true),
  vector('anything-but prefix init vs initializing', detail({ state: [{ 'anything-but': { prefix: 'init' } }] }),
    filtering({ state: 'initializing' }), false),
  vector('anything-but suffix .png vs file.txt', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'file.txt' }, true),
  vector('anything-but suffix .png vs file.png', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'file.png' }, false),
  vector('anything-but equals-ignore-case vs INITIALIZING', detail({ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }),
    filtering({ state: 'INITIALIZING' }), false),
  vector('anything-but equals-ignore-case vs running', detail({ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }),
    filtering(), true),
  vector('anything-but equals-ignore-case list vs Stopped', detail({ state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] }),
    filtering({ state: 'Stopped' }), false),
  vector('anything-but wildcard */lib/* vs /usr/lib/x', { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/lib/x' }, false),
  vector('anything-but wildcard */lib/* vs /usr/bin/x', { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/bin/x' }, true),
  vector('anything-but wildcard list vs /usr/bin/ls', { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] },
    { FilePath: '/usr/bin/ls' }, false),
  vector('anything-but wildcard list vs /home/me', { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] },
    { FilePath: '/home/me' }, true),
  vector('anything-but prefix list [init, post] vs post-init', detail({ state: [{ 'anything-but': { prefix: ['init', 'post'] } }] }),
    filtering({ state: 'post-init' }), false),
  vector('anything-but needs the field to exist', detail({ state: [{ 'anything-but': 'initializing' }] }), detail({}), false),
  vector('anything-but matches null, which is not the excluded value', detail({ state: [{ 'anything-but': 'initializing' }] }),
    detail({ state: null }), true),
  vector('anything-but a string matches a number', detail({ state: [{ 'anything-but': 'initializing' }] }), detail({ state: 12 }), true),
  vector('anything-but prefix matches a number (prefix only applies to strings)', detail({ state: [{ 'anything-but': { prefix: 'init' } }] }),
    detail({ state: 12 }), true),
  vector('anything-but over an event array: one element outside is enough', detail({ state: [{ 'anything-but': 'stopped' }] }),
    detail({ state: ['stopped', 'running'] }), true),
  vector('anything-but over an event array of only excluded values', detail({ state: [{ 'anything-but': 'stopped' }] }),
    detail({ state: ['stopped', 'stopped'] }), false),

  // Content filtering: numeric.
  vector('numeric example matches c-count 5, d-count 3, x-limit 301.8', NUMERIC_DOC, filtering(), true),
  vector('numeric > 0 is open: c-count 0 fails', NUMERIC_DOC, filtering({ 'c-count': 0 }), false),
  vector('numeric <= 5: c-count 6 fails', NUMERIC_DOC, filtering({ 'c-count': 6 }), false),
  vector('numeric < 10: d-count 10 fails', NUMERIC_DOC, filtering({ 'd-count': 10 }), false),
  vector('numeric = 3.018e2: x-limit 301.81 fails', NUMERIC_DOC, filtering({ 'x-limit': 301.81 }), false),
  vector('numeric only matches JSON numbers, not "5"', NUMERIC_DOC, filtering({ 'c-count': '5' }), false),
  vector('numeric does not match null', detail({ n: [{ numeric: ['>', 100] }] }), detail({ n: null }), false),
  vector('numeric >= 0 < 5 includes 0', detail({ n: [{ numeric: ['>=', 0, '<', 5] }] }), detail({ n: 0 }), true),
  vector('numeric >= 0 < 5 excludes 5', detail({ n: [{ numeric: ['>=', 0, '<', 5] }] }), detail({ n: 5 }), false),
  vector('numeric over an event array: any element', detail({ n: [{ numeric: ['<', 10] }] }), detail({ n: [20, 1] }), true),
  vector('numeric > 100 on 101.0', { number: [{ numeric: ['>', 100] }] }, { number: 101.0 }, true),

  // Content filtering: IP address matching.
  vector('cidr 10.0.0.0/24 contains 10.0.0.255', detail({ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }),
    detail({ sourceIPAddress: '10.0.0.255' }), true),
  vector('cidr 10.0.0.0/24 excludes 10.0.1.1', detail({ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }),
    detail({ sourceIPAddress: '10.0.1.1' }), false),
  vector('cidr ignores a non-address such as 10.0.0.256', detail({ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }),
    detail({ sourceIPAddress: '10.0.0.256' }), false),
  vector('cidr ignores numbers', detail({ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }), detail({ sourceIPAddress: 123 }), false),
  vector('cidr 10.0.0.0/8 (Event Ruler complex example) contains source-ip', detail({ 'source-ip': [{ cidr: '10.0.0.0/8' }] }), filtering(), true),
  vector('IPv6 cidr contains an address of its /64', detail({ ip: [{ cidr: '2001:db8:1234:1a00::/64' }] }),
    detail({ ip: '2001:0db8:1234:1a00:0000:0000:0000:0000' }), true),
  vector('IPv6 cidr excludes another /64', detail({ ip: [{ cidr: '2001:db8:1234:1a00::/64' }] }),
    detail({ ip: '2001:db8:123f:1a01::' }), false),

  // Content filtering: exists (leaf nodes only).
  vector('exists:true with detail.state present', detail({ state: [{ exists: true }] }), filtering(), true),
  vector('exists:true fails when the field is an object', detail({ state: [{ exists: true }] }), detail({ 'c-count': { c1: 100 } }), false),
  vector('exists:true fails on an object-valued field itself', detail({ 'c-count': [{ exists: true }] }), detail({ 'c-count': { c1: 100 } }), false),
  vector('exists:false with c-count missing', detail({ 'c-count': [{ exists: false }] }), detail({ state: ['initializing', 'running'] }), true),
  vector('exists:false when c-count is not a leaf', detail({ 'c-count': [{ exists: false }] }), detail({ 'c-count': { c1: 100 } }), true),
  vector('exists:false with c-count present', detail({ 'c-count': [{ exists: false }] }), filtering(), false),
  vector('exists:true counts a null value as present', detail({ responseElements: [{ exists: true }] }), AUTOSCALING, true),
  vector('exists:false when every parent is missing too', { detail: { level1: { level2: [{ exists: false }] } } }, { source: 'x' }, true),
  vector('exists inside a list of objects', { detail: { automations: { id: [{ exists: true }] } } },
    detail({ automations: [{ key1: 'value1' }, { id: 'match-does-exist' }, { key2: 'value2' }] }), true),

  // Content filtering / comparison operators: equals-ignore-case and wildcard.
  vector('equals-ignore-case alice vs ALICE', { Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' }, true),
  vector('equals-ignore-case alice vs Alicia', { Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' }, false),
  vector('equals-ignore-case only matches strings', { Name: [{ 'equals-ignore-case': '5' }] }, { Name: 5 }, false),
  vector('wildcard event-bus ARN in any account', { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus' }, true),
  vector('wildcard event-bus ARN in another region', { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/myEventBus' }, false),
  vector('wildcard dir/*.png vs dir/abc.png', detail({ FilePath: [{ wildcard: 'dir/*.png' }] }), detail({ FilePath: 'dir/abc.png' }), true),
  vector('wildcard dir/*.png vs dir/abc.jpg', detail({ FilePath: [{ wildcard: 'dir/*.png' }] }), detail({ FilePath: 'dir/abc.jpg' }), false),
  vector('wildcard * spans slashes: dir/sub/abc.png', detail({ FilePath: [{ wildcard: 'dir/*.png' }] }), detail({ FilePath: 'dir/sub/abc.png' }), true),
  vector('escaped \\* is a literal star', { k: [{ wildcard: 'a\\*b' }] }, { k: 'a*b' }, true),
  vector('escaped \\* does not match other text', { k: [{ wildcard: 'a\\*b' }] }, { k: 'axb' }, false),
  vector('wildcard only matches strings', { k: [{ wildcard: '1*' }] }, { k: 12 }, false),
  vector('wildcard /Users/*/doc.txt spans several directories', { k: [{ wildcard: '/Users/*/doc.txt' }] }, { k: '/Users/me/dir/doc.txt' }, true),

  // Content filtering: $or (Event Ruler README, "The $or Primitive").
  vector('$or of numeric conditions: all true', OR_DOC, filtering(), true),
  vector('$or of numeric conditions: none true', OR_DOC, filtering({ 'c-count': 0, 'd-count': 10, 'x-limit': 1 }), false),
  vector('$or of numeric conditions: only x-limit', OR_DOC, filtering({ 'c-count': 0, 'd-count': 10 }), true),
  vector('source AND (metricName OR namespace): namespace', CLOUDWATCH_OR, { source: 'aws.cloudwatch', namespace: 'AWS/ES' }, true),
  vector('source AND (metricName OR namespace): wrong source', CLOUDWATCH_OR, { source: 'aws.ec2', metricName: 'CPUUtilization' }, false),
  vector('source AND (metricName OR namespace): neither', CLOUDWATCH_OR, { source: 'aws.cloudwatch', scope: 'Service' }, false),
  vector('$or with an AND branch and a nested $or: metricId', OR_WITH_AND,
    { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', metricId: 1234 }, true),
  vector('$or with an AND branch: the nested $or fails', OR_WITH_AND,
    { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', metricId: 1 }, false),
  vector('parallel $or groups: both satisfied', PARALLEL_OR, { metricName: 'ReadLatency', detail: { source: 'aws.cloudwatch' } }, true),
  vector('parallel $or groups: only the first satisfied', PARALLEL_OR, { metricName: 'ReadLatency', detail: { source: 'aws.ec2' } }, false),

  // Content filtering: complex example combining matchers.
  vector('complex example matches', COMPLEX_DOC, filtering(), true),
  vector('complex example: x-limit 200 is excluded', COMPLEX_DOC, filtering({ 'x-limit': 200 }), false),
  vector('complex example: state initializing is excluded', COMPLEX_DOC, filtering({ state: 'initializing' }), false),
  vector('duplicate key: the last one is used', '{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}',
    detail({ location: 'eu-central-1' }), true),

  // "Comparison operators for use in event patterns" (eb-create-pattern-operators.html).
  vector('And: Location New York and Day Monday', { Location: ['New York'], Day: ['Monday'] }, { Location: 'New York', Day: 'Monday' }, true),
  vector('And: Day Tuesday fails', { Location: ['New York'], Day: ['Monday'] }, { Location: 'New York', Day: 'Tuesday' }, false),
  vector('Begins with: Region us-', { Region: [{ prefix: 'us-' }] }, { Region: 'us-east-1' }, true),
  vector('Anything-but begins with: Region not us-', { Region: [{ 'anything-but': { prefix: 'us-' } }] }, { Region: 'us-east-1' }, false),
  vector('Empty: LastName is empty', { LastName: [''] }, { LastName: '' }, true),
  vector('Or: PaymentType Credit or Debit', { PaymentType: ['Credit', 'Debit'] }, { PaymentType: 'Debit' }, true),
  vector('Or on fields: Location New York or Day Monday', { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    { Location: 'Paris', Day: 'Monday' }, true),
  vector('Exists / not-exists mixed in one list: missing field', { S: [{ 'anything-but': ['roses'] }, { exists: false }] }, {}, true),
  vector('Exists / not-exists mixed in one list: excluded value', { S: [{ 'anything-but': ['roses'] }, { exists: false }] }, { S: 'roses' }, false),

  // Event Ruler README, "JSON Array Matching": objects in arrays are matched element by element.
  vector('employees: Anna is one of the elements', { employees: { firstName: ['Anna'] } }, EMPLOYEES, true),
  vector('employees: Anna and Jones come from different elements', { employees: { firstName: ['Anna'], lastName: ['Jones'] } }, EMPLOYEES, false),
  vector('employees: Anna and Smith come from the same element', { employees: { firstName: ['Anna'], lastName: ['Smith'] } }, EMPLOYEES, true),
  vector('employees: arrays of arrays are flattened', { employees: { firstName: ['Peter'] } },
    { employees: [[EMPLOYEES.employees[0], EMPLOYEES.employees[1]], [EMPLOYEES.employees[2]]] }, true),

  // The seed guide: the Lambda listener and the SNS alert on FAILED jobs.
  vector('seed: Lambda listener {source:[aws.batch]} hears every Batch event', { source: ['aws.batch'] }, batch('RUNNABLE'), true),
  vector('seed: Lambda listener ignores EC2 events', { source: ['aws.batch'] }, ec2(), false),
  vector('seed: FAILED alert matches a FAILED job', BATCH_FAILED, batch('FAILED'), true),
  vector('seed: FAILED alert ignores RUNNABLE', BATCH_FAILED, batch('RUNNABLE'), false),
  vector('seed: FAILED alert ignores SUCCEEDED', BATCH_FAILED, batch('SUCCEEDED'), false),
  vector('seed: FAILED alert needs the Batch detail-type', BATCH_FAILED, batch('FAILED', { 'detail-type': 'Other' }), false),
  vector('seed: job queue by ARN suffix', detail({ jobQueue: [{ suffix: 'job-queue/HighPriority' }] }), batch('RUNNING'), true),
  vector('seed: pattern text as CloudFormation may hold it', JSON.stringify(BATCH_FAILED), JSON.stringify(batch('FAILED')), true),

  // JSON types never coerce.
  vector('300 matches 300.0 (same JSON number)', { n: [300] }, { n: 300.0 }, true),
  vector('300 does not match "300"', { n: [300] }, { n: '300' }, false),
  vector('true matches true', { b: [true] }, { b: true }, true),
  vector('true does not match "true"', { b: [true] }, { b: 'true' }, false),
  vector('false does not match true', { b: [false] }, { b: true }, false),
  vector('null does not match a missing field', { n: [null] }, {}, false),
  vector('a JSON string in the event is not parsed', detail({ k: ['v'] }), { detail: '{"k": "v"}' }, false),
  vector('a nested pattern does not match a scalar', detail({ state: ['x'] }), { detail: 'x' }, false),
  vector('unicode and trailing space match exactly', { s: ['emoji \u{1F680} '] }, { s: 'emoji \u{1F680} ' }, true),
];
