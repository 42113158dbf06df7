import { VirtualClock } from '../../../../src/runtime/core/clock';
import { EventLoop } from '../../../../src/runtime/core/event-loop';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
import { EventBridgeEvent } from '../../../../src/runtime/events/event-bridge-event';
import { compileEventPattern } from '../../../../src/runtime/events/pattern/event-pattern';
import { EventBus } from '../../../../src/runtime/events/rules/event-bus';
import { EventRule } from '../../../../src/runtime/events/rules/event-rule';
import { parseScheduleExpression } from '../../../../src/runtime/events/schedule/schedule-expression';
import { ENV, rule, target } from '../events-unit-fixtures';

const T0 = Date.UTC(2020, 0, 1);
const SNS = 'arn:aws:sns:us-east-1:123456789012:t';

interface Delivery { rule: string; target: string; event: EventBridgeEvent }

function bus(rules: EventRule[]): { bus: EventBus; loop: EventLoop; deliveries: Delivery[] } {
  const loop = new EventLoop(new VirtualClock(T0));
  const deliveries: Delivery[] = [];
  const dispatcher = {
    invoke: (r: EventRule, t: { id: string }, event: EventBridgeEvent) => deliveries.push({ rule: r.logicalId, target: t.id, event }),
  };
  return { bus: new EventBus(rules, { loop, environment: ENV, ids: new SeededIdGenerator(3), dispatcher }), loop, deliveries };
}

const batchRule = rule({ logicalId: 'Batch', pattern: compileEventPattern({ source: ['aws.batch'] }), targets: [target(SNS, { id: 'A' }), target(SNS, { id: 'B' })] });
const content = { source: 'aws.batch', detailType: 'Batch Job State Change', detail: { status: 'FAILED' } };

describe('EventBus', () => {
  test('EVT-1: an event is delivered by a later loop event at the same time, never during put', () => {
    // GIVEN a rule for aws.batch with two targets
    const { bus: b, loop, deliveries } = bus([batchRule]);
    // WHEN an event is put
    const id = b.put(content, 'default');
    // THEN nothing is delivered until the loop runs; then both targets get it, in order, at T0
    expect(deliveries).toEqual([]);
    loop.runUntilIdle();
    expect(deliveries.map((d) => d.target)).toEqual(['A', 'B']);
    expect(deliveries[0].event).toMatchObject({ id, time: '2020-01-01T00:00:00Z', source: 'aws.batch' });
    expect(loop.now()).toBe(T0);
  });

  test('EVT-3: only matching, ENABLED rules of the event\'s bus receive it', () => {
    const { bus: b, loop, deliveries } = bus([
      batchRule,
      rule({ logicalId: 'Disabled', enabled: false, pattern: compileEventPattern({ source: ['aws.batch'] }), targets: [target(SNS)] }),
      rule({ logicalId: 'Other', pattern: compileEventPattern({ source: ['aws.s3'] }), targets: [target(SNS)] }),
      rule({ logicalId: 'CustomBus', eventBusName: 'orders', pattern: compileEventPattern({ source: ['aws.batch'] }), targets: [target(SNS)] }),
    ]);
    b.put(content, 'default');
    loop.runUntilIdle();
    expect(new Set(deliveries.map((d) => d.rule))).toEqual(new Set(['Batch']));
  });

  test('EVT-3: hasPatternRules tells whether a bus has any listener', () => {
    const { bus: b } = bus([batchRule, rule({ logicalId: 'Sched', schedule: parseScheduleExpression('rate(1 day)') })]);
    expect(b.hasPatternRules('default')).toBe(true);
    expect(b.hasPatternRules('orders')).toBe(false);
  });

  test('EVT-1: ids are deterministic for a seed; the event time may be given', () => {
    const first = bus([batchRule]);
    const second = bus([batchRule]);
    const ids = [first.bus.put(content, 'default'), first.bus.put(content, 'default', Date.UTC(2019, 0, 1))];
    expect([second.bus.put(content, 'default'), second.bus.put(content, 'default')]).toEqual(ids);
    first.loop.runUntilIdle();
    expect(first.deliveries[2].event.time).toBe('2019-01-01T00:00:00Z');
  });

  test('EVT-4: a schedule fires a Scheduled Event from aws.events naming the rule, to that rule only', () => {
    const scheduled = rule({ logicalId: 'Sched', schedule: parseScheduleExpression('rate(1 day)'), targets: [target(SNS, { id: 'S' })] });
    const { bus: b, deliveries } = bus([batchRule, scheduled]);
    b.fireSchedule(scheduled, T0 + 1000);
    expect(deliveries).toEqual([{
      rule: 'Sched',
      target: 'S',
      event: expect.objectContaining({
        'source': 'aws.events', 'detail-type': 'Scheduled Event', 'resources': [scheduled.arn], 'detail': {}, 'time': '2020-01-01T00:00:01Z',
      }),
    }]);
  });
});
