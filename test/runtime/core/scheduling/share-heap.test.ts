import { ShareState } from '../../../../src/runtime/core/scheduling/fair-share-share';
import { ShareHeap } from '../../../../src/runtime/core/scheduling/share-heap';

describe('ShareHeap', () => {
  test('FS-4: GIVEN shares pushed with weighted usages WHEN popped THEN the lowest comes first', () => {
    const heap = new ShareHeap();
    const shares = [5, 1, 4, 2, 3].map((key, i) => {
      const share = new ShareState(`s${key}`, 0);
      heap.push(share, key, 0, i);
      return share;
    });
    const order: string[] = [];
    for (let share = heap.pop(); share; share = heap.pop()) order.push(share.shareIdentifier);
    expect(order).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(shares).toHaveLength(5);
    expect(heap.size).toBe(0);
  });

  test('FS-4 (choice): GIVEN equal weighted usage WHEN popped THEN lower weighted history first, then the earlier next job', () => {
    const heap = new ShareHeap();
    heap.push(new ShareState('laterJob', 0), 2, 0, 9);
    heap.push(new ShareState('moreHistory', 0), 2, 1, 0);
    heap.push(new ShareState('earlierJob', 0), 2, 0, 3);
    expect([heap.pop(), heap.pop(), heap.pop()].map((share) => share!.shareIdentifier)).toEqual(['earlierJob', 'laterJob', 'moreHistory']);
    expect(heap.pop()).toBeUndefined();
  });
});
