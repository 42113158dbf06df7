import { EventBusDirectory } from '../../../../src/runtime/events/rules/event-bus-directory';
import { ENV, resolverFor } from '../events-unit-fixtures';

describe('EventBusDirectory', () => {
  const directory = new EventBusDirectory(resolverFor({
    Named: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
    Unnamed: { Type: 'AWS::Events::EventBus', Properties: {} },
  }), ENV);

  test('EVT-3: no bus, "default" and the default bus ARN are the default bus', () => {
    expect(directory.canonical(undefined)).toBe('default');
    expect(directory.canonical('default')).toBe('default');
    expect(directory.canonical(`arn:aws:events:${ENV.region}:${ENV.account}:event-bus/default`)).toBe('default');
  });

  test('EVT-3: a template bus is found by name, logical id and ARN', () => {
    for (const alias of ['orders', 'Named', `arn:aws:events:${ENV.region}:${ENV.account}:event-bus/orders`]) {
      expect(directory.canonical(alias)).toBe('orders');
    }
  });

  test('EVT-3: an unnamed bus goes by its generated name; unknown buses are undefined', () => {
    expect(directory.canonical('Unnamed')).toMatch(/^S-Unnamed-[0-9A-Z]{12}$/);
    expect(directory.canonical('elsewhere')).toBeUndefined();
    expect(directory.names()).toEqual(['default', 'orders', directory.canonical('Unnamed')]);
  });
});
