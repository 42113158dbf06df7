import { BatchLocalServer } from '../../../../src/runtime/api/batch-local-server';
import { addEventRoutes } from '../../../../src/runtime/api/local/event-routes';
import { LocalEventBridge } from '../../../../src/runtime/events/local-event-bridge';
import { TargetKind } from '../../../../src/runtime/events/targets/target-invocation';
import { LocalBatchRuntime } from '../../../../src/runtime/local-batch-runtime';
import { Endpoint, fastSimulatedExecutor, pollUntil, rawRequest, startEndpoint } from '../endpoint-fixture';

/**
 * A rule on `source: ["my.app"]` that sends matching events to an SQS queue, and a rule on another
 * source. The loader wants at least one Batch resource, hence the job definition no rule uses.
 */
const TEMPLATE = {
  Resources: {
    Unused: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: { Type: 'container', ContainerProperties: { Image: 'busybox', Command: ['true'], ResourceRequirements: [{ Type: 'VCPU', Value: '1' }, { Type: 'MEMORY', Value: '512' }] } },
    },
    Inbox: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'inbox' } },
    MyAppRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: 'my-app-events',
        EventPattern: { source: ['my.app'] },
        Targets: [{ Id: 'ToInbox', Arn: { 'Fn::GetAtt': ['Inbox', 'Arn'] } }],
      },
    },
    OtherRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: 'other-events',
        EventPattern: { source: ['other.app'] },
        Targets: [{ Id: 'ToInbox', Arn: { 'Fn::GetAtt': ['Inbox', 'Arn'] } }],
      },
    },
  },
};

const myAppEntry = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Source: 'my.app', DetailType: 'Order Placed', Detail: JSON.stringify({ orderId: 42 }), ...extra,
});

describe('event routes on the endpoint (wall clock, as `batch-local serve` runs)', () => {
  let endpoint: Endpoint;

  beforeEach(async () => {
    // GIVEN an endpoint on an ephemeral port whose backend loaded the template, with an event bridge on it
    endpoint = await startEndpoint({ executor: fastSimulatedExecutor() });
    const loaded = endpoint.host.loadTemplate(TEMPLATE, 'EventsStack');
    addEventRoutes(endpoint.server.localRoutes, new LocalEventBridge(endpoint.host.backend, loaded, { virtual: false }));
  });

  afterEach(async () => {
    expect(endpoint.serverErrors).toEqual([]);
    await endpoint.close();
  });

  const post = (body: unknown): ReturnType<typeof rawRequest> => rawRequest(endpoint.url, 'POST', '/_local/put-events', JSON.stringify(body));
  const invocations = async (query = ''): Promise<any[]> => {
    const response = await rawRequest(endpoint.url, 'GET', `/_local/target-invocations${query}`);
    expect(response.status).toBe(200);
    return response.body.invocations;
  };

  test('EVT-3: an event put through POST /_local/put-events reaches the matching rule\'s SQS target', async () => {
    // WHEN
    const time = Date.UTC(2024, 0, 2, 3, 4, 5) / 1000;
    const put = await post({ Entries: [myAppEntry({ Resources: ['arn:aws:s3:::bucket'], Time: time })] });

    // THEN the answer is EventBridge's PutEvents response
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] });
    const eventId = put.body.Entries[0].EventId;
    // AND once the loop ran the delivery, the queue got the whole event
    const delivered = await pollUntil(() => invocations(), (list) => list.length > 0);
    expect(delivered).toEqual([expect.objectContaining({
      ruleName: 'my-app-events',
      ruleLogicalId: 'MyAppRule',
      targetId: 'ToInbox',
      kind: TargetKind.SQS_QUEUE,
      targetArn: 'arn:aws:sqs:us-east-1:123456789012:inbox',
      targetLogicalId: 'Inbox',
      eventId,
      succeeded: true,
    })]);
    const event = JSON.parse(delivered[0].input);
    expect(event).toMatchObject({
      'id': eventId,
      'source': 'my.app',
      'detail-type': 'Order Placed',
      'detail': { orderId: 42 },
      'resources': ['arn:aws:s3:::bucket'],
      'time': '2024-01-02T03:04:05Z',
    });
  });

  test('EVT-3: ?ruleName= keeps the invocations of that rule; an event no rule matches is accepted and delivered nowhere', async () => {
    // GIVEN one event per rule, and one no rule matches
    const put = await post({ Entries: [myAppEntry(), myAppEntry({ Source: 'other.app' }), myAppEntry({ Source: 'nobody.listens' })] });
    expect(put.body.FailedEntryCount).toBe(0);
    await pollUntil(() => invocations(), (list) => list.length >= 2);

    // WHEN / THEN
    expect((await invocations('?ruleName=other-events')).map((i) => i.eventId)).toEqual([put.body.Entries[1].EventId]);
    expect((await invocations('?ruleName=my-app-events')).map((i) => i.eventId)).toEqual([put.body.Entries[0].EventId]);
    expect(await invocations('?ruleName=no-such-rule')).toEqual([]);
    expect((await invocations()).map((i) => i.eventId)).not.toContain(put.body.Entries[2].EventId);
  });

  test('EVT-3: a bad entry is rejected on its own (ErrorCode, ErrorMessage), the others are put', async () => {
    // WHEN
    const put = await post({ Entries: [myAppEntry({ Detail: '[1, 2]' }), myAppEntry(), { DetailType: 'x', Detail: '{}' }] });

    // THEN
    expect(put.status).toBe(200);
    expect(put.body.FailedEntryCount).toBe(2);
    expect(put.body.Entries[0]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: expect.stringContaining('must be a JSON object') });
    expect(put.body.Entries[1]).toEqual({ EventId: expect.any(String) });
    expect(put.body.Entries[2]).toEqual({ ErrorCode: 'InvalidArgument', ErrorMessage: expect.stringContaining('source') });
    const delivered = await pollUntil(() => invocations(), (list) => list.length > 0);
    expect(delivered.map((i) => i.eventId)).toEqual([put.body.Entries[1].EventId]);
  });

  test.each([
    ['more than 10 entries', { Entries: Array.from({ length: 11 }, () => myAppEntry()) }, ['Entries', '11', '1 to 10']],
    ['no entries', { Entries: [] }, ['Entries', '0', '1 to 10']],
    ['no Entries member', {}, ['Entries', 'required']],
    ['a Detail that is not a string', { Entries: [myAppEntry({ Detail: { orderId: 42 } })] }, ['Entries[0].Detail', 'string', '{"orderId":42}']],
    ['Time as an ISO string', { Entries: [myAppEntry({ Time: '2024-01-02T03:04:05Z' })] }, ['Entries[0].Time', 'epoch seconds']],
    ['an unknown member', { Entries: [myAppEntry({ Sauce: 'x' })] }, ['Entries[0].Sauce', 'unknown']],
  ])('EVT-3: %s is a 400 ClientException naming the field', async (_name, body, parts) => {
    // WHEN
    const response = await post(body);

    // THEN nothing was put
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('ClientException');
    expect(response.body.__type).toBe('ClientException');
    for (const part of parts) expect(response.body.message).toContain(part);
    expect(await invocations()).toEqual([]);
  });

  test('EVT-3: a body that is not JSON, and an empty ruleName, are 400s', async () => {
    // WHEN
    const notJson = await rawRequest(endpoint.url, 'POST', '/_local/put-events', '{"Entries": [');
    const emptyRule = await rawRequest(endpoint.url, 'GET', '/_local/target-invocations?ruleName=');

    // THEN
    expect(notJson.status).toBe(400);
    expect(notJson.body.__type).toBe('ClientException');
    expect(emptyRule.status).toBe(400);
    expect(emptyRule.body.message).toContain('ruleName');
  });
});

describe('event routes on the LocalBatchRuntime facade (virtual time)', () => {
  test('EVT-3: the facade serves the routes; the delivery happens when the simulation advances', async () => {
    // GIVEN a virtual-time runtime and a server on its backend, with the facade as the events source
    const runtime = LocalBatchRuntime.fromTemplate(TEMPLATE, { executor: fastSimulatedExecutor() });
    const server = new BatchLocalServer(runtime._backend, { logError: (message) => { throw new Error(message); } });
    addEventRoutes(server.localRoutes, runtime);
    const url = await server.listen(0, '127.0.0.1');
    try {
      // WHEN an event is put, before and after the clock moves
      const put = await rawRequest(url, 'POST', '/_local/put-events', JSON.stringify({ Entries: [myAppEntry()] }));
      const before = await rawRequest(url, 'GET', '/_local/target-invocations');
      runtime.advance(1);
      const after = await rawRequest(url, 'GET', '/_local/target-invocations?ruleName=my-app-events');

      // THEN nothing is delivered until virtual time runs, then the SQS target got it
      expect(put.body.FailedEntryCount).toBe(0);
      expect(before.body).toEqual({ invocations: [] });
      expect(after.body.invocations).toEqual([
        expect.objectContaining({ eventId: put.body.Entries[0].EventId, kind: TargetKind.SQS_QUEUE, succeeded: true }),
      ]);
      expect(runtime.targetInvocations()).toEqual(after.body.invocations);
    } finally {
      await server.close();
      runtime.dispose();
    }
  });
});
