/**
 * Turns an object graph (job records with their attempts, array children, shared and cyclic
 * references) into JSON-able data and back, for checkpoints. Generic on purpose: a field added to a
 * record later is carried without touching this file. Safe on purpose: a function, or an instance
 * of a class that was not registered, is refused with its path, since it means live work (a timer,
 * a placement on an instance) that a rest point should not hold; the checkpoint is then skipped
 * rather than written wrong.
 *
 * Encoding: primitives as they are (non-finite numbers and -0 as `{"$n": "Infinity"}`), every object or
 * array as `{"#": id, ...}` the first time it is met and `{"$o": id}` after, so identity and cycles
 * survive; `{"$r": ref}` for an object owned elsewhere (a registry record, rebuilt by replay).
 * The id table spans every `encode` of one encoder, so a graph can be written in many records
 * (one per job) and read back in the same order.
 */

/** Objects the graph points at but does not own (registry records): written as a reference. */
export interface ExternalReferences {
  /** The reference of an object owned elsewhere, or undefined to encode the object itself. */
  refOf(value: object): string | undefined;
  /** The object a reference names, in the restored runtime. */
  resolve(ref: string): object | undefined;
}

/** Classes whose instances may appear in a graph, by a stable name. */
export type CodecClasses = Readonly<Record<string, abstract new (...args: never[]) => unknown>>;

type Encoded = unknown;

export class ObjectGraphEncoder {
  private readonly ids = new Map<object, number>();
  private readonly classNames = new Map<unknown, string>();

  /**
   * @param transientFields fields never written, whatever object holds them: live work that its
   * owner's part carries as data and puts back itself (a job's `liveAttempt`)
   */
  constructor(
    classes: CodecClasses,
    private readonly references: ExternalReferences,
    private readonly transientFields: ReadonlySet<string> = new Set(),
  ) {
    for (const [name, type] of Object.entries(classes)) this.classNames.set(type.prototype, name);
  }

  encode(value: unknown, path: string): Encoded {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Object.is(value, -0)) return { $n: '-0' }; // JSON would write 0
        return Number.isFinite(value) ? value : { $n: String(value) };
      case 'undefined':
        return { $u: 1 };
      case 'object':
        return value === null ? null : this.encodeObject(value, path);
      default:
        throw new Error(`${path}: a ${typeof value} cannot be checkpointed (live work at a rest point?)`);
    }
  }

  private encodeObject(value: object, path: string): Encoded {
    const seen = this.ids.get(value);
    if (seen !== undefined) return { $o: seen };
    const ref = this.references.refOf(value);
    if (ref !== undefined) return { $r: ref };
    const id = this.ids.size;
    this.ids.set(value, id);
    if (Array.isArray(value)) return { '#': id, 'a': value.map((item, index) => this.encode(item, `${path}[${index}]`)) };
    if (value instanceof Map) return { '#': id, 'm': [...value].map(([k, v], index) => [this.encode(k, `${path}.key${index}`), this.encode(v, `${path}.${String(k)}`)]) };
    if (value instanceof Set) return { '#': id, 's': [...value].map((item, index) => this.encode(item, `${path}{${index}}`)) };
    const prototype = Object.getPrototypeOf(value);
    const className = prototype === Object.prototype || prototype === null ? undefined : this.classNames.get(prototype);
    if (prototype !== Object.prototype && prototype !== null && className === undefined) {
      throw new Error(`${path}: an instance of ${prototype?.constructor?.name ?? 'an unknown class'} cannot be checkpointed (not a registered data class)`);
    }
    const fields: Record<string, Encoded> = {};
    for (const key of Object.keys(value)) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined && !this.transientFields.has(key)) fields[key] = this.encode(field, `${path}.${key}`);
    }
    return className === undefined ? { '#': id, 'p': fields } : { '#': id, 'c': className, 'p': fields };
  }
}

export class ObjectGraphDecoder {
  private readonly objects = new Map<number, object>();

  constructor(private readonly classes: CodecClasses, private readonly references: ExternalReferences) {}

  decode(encoded: Encoded, path: string): unknown {
    if (encoded === null || typeof encoded !== 'object') return encoded;
    const node = encoded as Record<string, unknown>;
    if ('$o' in node) return this.known(node.$o as number, path);
    if ('$r' in node) {
      const resolved = this.references.resolve(node.$r as string);
      if (resolved === undefined) throw new Error(`${path}: the checkpoint refers to ${String(node.$r)}, which the restored registry does not have`);
      return resolved;
    }
    if ('$n' in node) return Number(node.$n);
    if ('$u' in node) return undefined;
    const id = node['#'] as number;
    if (node.a !== undefined) {
      const array: unknown[] = [];
      this.objects.set(id, array);
      for (const item of node.a as Encoded[]) array.push(this.decode(item, path));
      return array;
    }
    if (node.m !== undefined) {
      const map = new Map<unknown, unknown>();
      this.objects.set(id, map);
      for (const [k, v] of node.m as [Encoded, Encoded][]) map.set(this.decode(k, path), this.decode(v, path));
      return map;
    }
    if (node.s !== undefined) {
      const set = new Set<unknown>();
      this.objects.set(id, set);
      for (const item of node.s as Encoded[]) set.add(this.decode(item, path));
      return set;
    }
    const className = node.c as string | undefined;
    const type = className === undefined ? undefined : this.classes[className];
    if (className !== undefined && type === undefined) throw new Error(`${path}: the checkpoint holds an instance of ${className}, a class this batch-local does not know`);
    const object: Record<string, unknown> = type === undefined ? {} : Object.create(type.prototype);
    this.objects.set(id, object);
    for (const [key, field] of Object.entries(node.p as Record<string, Encoded>)) object[key] = this.decode(field, `${path}.${key}`);
    return object;
  }

  private known(id: number, path: string): object {
    const object = this.objects.get(id);
    if (object === undefined) throw new Error(`${path}: the checkpoint refers to object #${id} before it defines it`);
    return object;
  }
}
