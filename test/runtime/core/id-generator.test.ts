import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';

describe('SeededIdGenerator', () => {
  test('LIFE-6: ids are version 4 UUIDs, the same for the same seed', () => {
    // GIVEN
    const one = new SeededIdGenerator(5);
    const other = new SeededIdGenerator(5);

    // WHEN
    const ids = [one.nextUuid(), one.nextUuid()];

    // THEN
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect([other.nextUuid(), other.nextUuid()]).toEqual(ids);
  });

  test('LIFE-6, issue #25: a reserved block gives, in any read order, the ids nextUuid would have, and the generator goes on after it', () => {
    // GIVEN two generators of one seed, one drawing ids one by one
    const eager = new SeededIdGenerator(9);
    const reserving = new SeededIdGenerator(9);
    const expected = Array.from({ length: 50 }, () => eager.nextUuid());

    // WHEN the other reserves the same number at once and reads them last first
    const block = reserving.reserve(50);
    const read = Array.from({ length: 50 }, (_, i) => block.idAt(49 - i)).reverse();

    // THEN
    expect(read).toEqual(expected);
    expect(reserving.nextUuid()).toBe(eager.nextUuid());
    expect(reserving.position).toBe(eager.position);
  });
});
