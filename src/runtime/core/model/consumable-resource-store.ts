import { batchArn, Environment } from './arns';
import { ConsumableResourceType, consumableResourceNameOf } from '../../../validation';
import { ClientException } from '../errors';

/**
 * PLAT-4: a consumable resource. `totalQuantity` is what CreateConsumableResource and
 * UpdateConsumableResource set; `inUseQuantity` is what jobs between STARTING and their end hold.
 * A NON_REPLENISHABLE resource's units are used up: when a job ends, what it held leaves both the
 * in-use and the total quantity (AWS: "subtracted from both the total and available quantities").
 */
export interface ConsumableResourceRecord {
  readonly name: string;
  readonly arn: string;
  readonly resourceType: ConsumableResourceType;
  totalQuantity: number;
  inUseQuantity: number;
  /** Runtime clock (ms) at creation. */
  readonly createdAt: number;
  readonly tags: Record<string, string>;
}

/** One resource a job needs, resolved to the resource's name at SubmitJob. */
export interface ConsumableNeed {
  readonly name: string;
  readonly quantity: number;
}

/**
 * PLAT-4: the consumable resources of the endpoint and their quantities: storage, lookup and the
 * all-or-nothing take and give back the scheduler uses. Validation happens before anything reaches
 * it (consumable-resource-operations.ts), so a rejected request changes nothing here.
 */
export class ConsumableResourceStore {
  private readonly byName = new Map<string, ConsumableResourceRecord>();

  constructor(private readonly env: Environment) {}

  store(fields: Omit<ConsumableResourceRecord, 'arn' | 'inUseQuantity'>): ConsumableResourceRecord {
    if (this.byName.has(fields.name)) {
      throw new ClientException(`consumableResourceName: a consumable resource named ${fields.name} already exists (PLAT-4)`);
    }
    const record: ConsumableResourceRecord = { ...fields, arn: batchArn(this.env, 'consumable-resource', fields.name), inUseQuantity: 0 };
    this.byName.set(record.name, record);
    return record;
  }

  remove(record: ConsumableResourceRecord): void {
    this.byName.delete(record.name);
  }

  /** A resource by name or ARN; undefined when unknown. */
  find(ref: string): ConsumableResourceRecord | undefined {
    return typeof ref === 'string' ? this.byName.get(consumableResourceNameOf(ref)) : undefined;
  }

  /** A resource by name or ARN; ClientException naming the field, the value and the known ones. */
  get(ref: string, field: string): ConsumableResourceRecord {
    const record = this.find(ref);
    if (!record) {
      const known = [...this.byName.keys()];
      throw new ClientException(`${field}: unknown consumable resource ${JSON.stringify(ref)}; known: ${known.length === 0 ? '(none)' : known.join(', ')} (PLAT-4)`);
    }
    return record;
  }

  list(): ConsumableResourceRecord[] {
    return [...this.byName.values()];
  }

  /** Whether every need is available now (a resource deleted since counts as unavailable). */
  available(needs: readonly ConsumableNeed[]): boolean {
    for (const need of needs) {
      const record = this.byName.get(need.name);
      if (!record || availableQuantity(record) < need.quantity) return false;
    }
    return true;
  }

  /** Takes every need at once; the caller has checked `available` in the same turn. */
  acquire(needs: readonly ConsumableNeed[]): void {
    for (const need of needs) this.byName.get(need.name)!.inUseQuantity += need.quantity;
  }

  /** Gives back what `acquire` took: REPLENISHABLE units return, NON_REPLENISHABLE ones are used up. */
  release(needs: readonly ConsumableNeed[]): void {
    for (const need of needs) {
      const record = this.byName.get(need.name);
      if (!record) continue; // deleted while held: nothing to give back to
      record.inUseQuantity = Math.max(0, record.inUseQuantity - need.quantity);
      if (record.resourceType === 'NON_REPLENISHABLE') record.totalQuantity = Math.max(0, record.totalQuantity - need.quantity);
    }
  }
}

/** What jobs may still take: the total less what is held (never below 0 after a REMOVE or SET below the held). */
export function availableQuantity(record: ConsumableResourceRecord): number {
  return Math.max(0, record.totalQuantity - record.inUseQuantity);
}
