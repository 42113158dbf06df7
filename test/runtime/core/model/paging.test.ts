import { ClientException } from '../../../../src/runtime/core/errors';
import { pageOf } from '../../../../src/runtime/core/model/paging';

describe('pageOf', () => {
  const items = Array.from({ length: 250 }, (_, i) => i);

  test('pages of at most 100 by default; the token leads to the next page; the last page has none', () => {
    const first = pageOf(items, 'Op', undefined, undefined);
    const second = pageOf(items, 'Op', undefined, first.nextToken);
    const third = pageOf(items, 'Op', undefined, second.nextToken);
    expect([first.items[0], second.items[0], third.items[0], third.items.length, third.nextToken]).toEqual([0, 100, 200, 50, undefined]);
  });

  test('maxResults 1..100; a token of another operation or a forged one is a ClientException', () => {
    const token = pageOf(items, 'Op', 10, undefined).nextToken;
    expect(() => pageOf(items, 'Op', 0, undefined)).toThrow('maxResults: 0 is invalid: an integer 1..100 (Op)');
    expect(() => pageOf(items, 'Other', 10, token)).toThrow(ClientException);
    expect(() => pageOf(items, 'Op', 10, 'garbage')).toThrow('nextToken: "garbage" is invalid: not a token Op issued');
  });
});
