import * as fc from 'fast-check';
import { ExternalReferences, ObjectGraphDecoder, ObjectGraphEncoder } from '../../../../src/runtime/core/checkpoint/object-graph-codec';

class Node {
  next?: Node;
  constructor(readonly name: string, readonly tags: Record<string, string> = {}) {}
  get label(): string {
    return `node ${this.name}`;
  }
}

const NO_REFERENCES: ExternalReferences = { refOf: () => undefined, resolve: () => undefined };

/** Encodes with one encoder, through JSON (as a checkpoint file does), and decodes with one decoder. */
function roundTrip(values: unknown[], references: ExternalReferences = NO_REFERENCES): unknown[] {
  const encoder = new ObjectGraphEncoder({ Node }, references);
  const written = values.map((value, index) => JSON.stringify(encoder.encode(value, `value ${index}`)));
  const decoder = new ObjectGraphDecoder({ Node }, references);
  return written.map((text, index) => decoder.decode(JSON.parse(text), `value ${index}`));
}

describe('ObjectGraphCodec', () => {
  test('#21 §2: GIVEN a cycle and an object shared by two records WHEN round-tripped THEN identity, class and cycle survive', () => {
    // GIVEN
    const a = new Node('a', { k: 'v' });
    const b = new Node('b');
    a.next = b;
    b.next = a;
    const holder = { first: a, list: [b, a], map: new Map([['a', a]]), set: new Set([b]), inf: Infinity, none: [undefined] };

    // WHEN
    const [decodedHolder, decodedB] = roundTrip([holder, b]) as [typeof holder, Node];

    // THEN
    expect(decodedHolder.first).toBeInstanceOf(Node);
    expect(decodedHolder.first.label).toBe('node a');
    expect(decodedHolder.first.next!.next).toBe(decodedHolder.first);
    expect(decodedHolder.list[1]).toBe(decodedHolder.first);
    expect(decodedHolder.map.get('a')).toBe(decodedHolder.first);
    expect([...decodedHolder.set][0]).toBe(decodedB);
    expect(decodedHolder.inf).toBe(Infinity);
    expect(decodedHolder.none).toEqual([undefined]);
    expect(decodedHolder.first.tags).toEqual({ k: 'v' });
  });

  test('#21 §2: GIVEN an object owned elsewhere WHEN encoded THEN it is written as a reference and resolved to the restored owner\'s object', () => {
    // GIVEN
    const owned = { arn: 'arn:queue' };
    const restored = { arn: 'arn:queue', restored: true };
    const references: ExternalReferences = {
      refOf: (value) => (value === owned ? 'jq:arn:queue' : undefined),
      resolve: (ref) => (ref === 'jq:arn:queue' ? restored : undefined),
    };

    // WHEN
    const [decoded] = roundTrip([{ queue: owned }], references) as [{ queue: unknown }];

    // THEN
    expect(decoded.queue).toBe(restored);
  });

  test('#21 §2: GIVEN live work (a function, an instance of an unregistered class) WHEN encoded THEN it is refused naming the path', () => {
    const encoder = new ObjectGraphEncoder({ Node }, NO_REFERENCES);
    expect(() => encoder.encode({ timer: { action: () => undefined } }, 'job j')).toThrow('job j.timer.action: a function cannot be checkpointed');
    expect(() => encoder.encode({ at: new Date(0) }, 'job j')).toThrow('job j.at: an instance of Date cannot be checkpointed (not a registered data class)');
  });

  test('#21 §2: GIVEN a reference to an object the restored registry lacks WHEN decoded THEN it fails naming the reference', () => {
    const decoder = new ObjectGraphDecoder({ Node }, NO_REFERENCES);
    expect(() => decoder.decode({ '#': 0, 'p': { queue: { $r: 'jq:gone' } } }, 'job j')).toThrow('job j.queue: the checkpoint refers to jq:gone');
  });

  test('#21 §2: GIVEN any JSON-like value WHEN round-tripped THEN it is deeply equal', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.constant({ negativeZero: -0 })), (value) => {
      expect(roundTrip([value])[0]).toEqual(value);
    }));
  });
});
