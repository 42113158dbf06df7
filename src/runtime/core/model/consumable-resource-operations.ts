import { availableQuantity, ConsumableResourceRecord, ConsumableResourceStore } from './consumable-resource-store';
import { pageOf } from './paging';
import { validateTags } from './tag-limits';
import { asClientException, oneOf } from './validation-bridge';
import {
  CONSUMABLE_RESOURCE_TYPES, CONSUMABLE_UPDATE_OPERATIONS, MAX_CONSUMABLE_QUANTITY, validateConsumableQuantity, validateConsumableResourceName,
} from '../../../validation';
import { ClientException } from '../errors';

export interface CreateConsumableResourceRequest {
  readonly consumableResourceName: string;
  readonly totalQuantity?: number;
  readonly resourceType?: string;
  readonly tags?: Record<string, string>;
}

export interface UpdateConsumableResourceRequest {
  readonly consumableResource: string;
  readonly operation?: string;
  readonly quantity?: number;
  readonly clientToken?: string;
}

/** A `KeyValuesPair` filter of ListConsumableResources and ListJobsByConsumableResource. */
export interface NameValuesFilter {
  readonly name?: string;
  readonly values?: string[];
}

export interface ListConsumableResourcesRequest {
  readonly filters?: NameValuesFilter[];
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface ConsumableResourceDetail {
  readonly consumableResourceName: string;
  readonly consumableResourceArn: string;
  readonly totalQuantity: number;
  readonly inUseQuantity: number;
  readonly availableQuantity: number;
  readonly resourceType: string;
  readonly createdAt: number;
  readonly tags?: Record<string, string>;
}

export interface ConsumableResourceSummary {
  readonly consumableResourceName: string;
  readonly consumableResourceArn: string;
  readonly totalQuantity: number;
  readonly inUseQuantity: number;
  readonly resourceType: string;
}

/** The API: "A clientToken is valid for 8 hours". */
const CLIENT_TOKEN_LIFETIME_MS = 8 * 3600 * 1000;

/**
 * PLAT-4: Create/Describe/List/Update/DeleteConsumableResource. Each validates the whole request
 * before it changes anything, so a rejected request leaves the resources as they were.
 */
export class ConsumableResourceOperations {
  /** UpdateConsumableResource's `clientToken`s: the request they came with and when. */
  private readonly clientTokens = new Map<string, { readonly request: string; readonly at: number }>();

  constructor(private readonly store: ConsumableResourceStore) {}

  create(request: CreateConsumableResourceRequest, now: number): ConsumableResourceRecord {
    const resourceType = asClientException(() => {
      validateConsumableResourceName('consumableResourceName', request.consumableResourceName);
      if (request.totalQuantity !== undefined) validateConsumableQuantity('totalQuantity', request.totalQuantity);
      if (request.tags !== undefined) validateTags('tags', request.tags);
      return request.resourceType === undefined ? 'REPLENISHABLE' : oneOf('resourceType', request.resourceType, CONSUMABLE_RESOURCE_TYPES, 'PLAT-4');
    });
    return this.store.store({
      name: request.consumableResourceName,
      resourceType,
      totalQuantity: request.totalQuantity ?? 0,
      createdAt: now,
      tags: { ...(request.tags ?? {}) },
    });
  }

  describe(ref: string): ConsumableResourceDetail {
    return describeConsumableResource(this.store.get(ref, 'consumableResource'));
  }

  /** The one filter AWS documents: CONSUMABLE_RESOURCE_NAME, case-insensitive, `prefix*` for a prefix. */
  list(request: ListConsumableResourcesRequest = {}): { consumableResources: ConsumableResourceSummary[]; nextToken?: string } {
    const matchers = (request.filters ?? []).map((filter, index) => {
      if (filter.name !== 'CONSUMABLE_RESOURCE_NAME') {
        throw new ClientException(`filters[${index}].name: ${JSON.stringify(filter.name)} is not CONSUMABLE_RESOURCE_NAME (PLAT-4)`);
      }
      return namePatternMatcher(`filters[${index}].values`, filter.values);
    });
    const selected = this.store.list().filter((record) => matchers.every((matches) => matches(record.name)));
    const page = pageOf(selected, 'ListConsumableResources', request.maxResults, request.nextToken);
    const consumableResources = page.items.map((record) => ({
      consumableResourceName: record.name,
      consumableResourceArn: record.arn,
      totalQuantity: record.totalQuantity,
      inUseQuantity: record.inUseQuantity,
      resourceType: record.resourceType,
    }));
    return page.nextToken === undefined ? { consumableResources } : { consumableResources, nextToken: page.nextToken };
  }

  /**
   * SET, ADD or REMOVE on `totalQuantity` (the API's default operation is not documented: SET is
   * taken). A repeated `clientToken` with the same request within 8 hours changes nothing again.
   */
  update(request: UpdateConsumableResourceRequest, now: number): ConsumableResourceRecord {
    const record = this.store.get(request.consumableResource, 'consumableResource');
    const operation = asClientException(() => {
      const op = request.operation === undefined ? 'SET' : oneOf('operation', request.operation, CONSUMABLE_UPDATE_OPERATIONS, 'PLAT-4');
      if (request.quantity === undefined) throw new ClientException('quantity: required: the amount to SET, ADD or REMOVE (PLAT-4)');
      validateConsumableQuantity('quantity', request.quantity);
      return op;
    });
    const token = request.clientToken === undefined ? undefined : this.tokenEntry(request, now);
    if (token === 'repeat') return record;
    const quantity = request.quantity!;
    const next = operation === 'SET' ? quantity : operation === 'ADD' ? record.totalQuantity + quantity : record.totalQuantity - quantity;
    if (next < 0 || next > MAX_CONSUMABLE_QUANTITY) {
      throw new ClientException(`quantity: ${operation} ${quantity} would make totalQuantity of ${record.name} ${next}; it must stay within 0..${MAX_CONSUMABLE_QUANTITY} (PLAT-4)`);
    }
    if (token !== undefined) this.clientTokens.set(request.clientToken!, token);
    record.totalQuantity = next;
    return record;
  }

  /** PLAT-4 (a choice, see docs/rules.md): a resource that an unfinished job needs cannot be deleted. */
  delete(ref: string, unfinishedUsers: (record: ConsumableResourceRecord) => string[]): void {
    const record = this.store.get(ref, 'consumableResource');
    const users = unfinishedUsers(record);
    if (users.length > 0) {
      const shown = users.slice(0, 5).join(', ') + (users.length > 5 ? ` and ${users.length - 5} more` : '');
      throw new ClientException(`consumableResource: ${record.name} is needed by unfinished job(s) ${shown}; wait for them to end or cancel them first (PLAT-4)`);
    }
    this.store.remove(record);
  }

  /** 'repeat' when the same request came with this clientToken within its lifetime; else the entry to remember once applied. */
  private tokenEntry(request: UpdateConsumableResourceRequest, now: number): 'repeat' | { readonly request: string; readonly at: number } {
    const token = request.clientToken;
    if (typeof token !== 'string' || token.length < 1 || token.length > 64) {
      throw new ClientException(`clientToken: ${JSON.stringify(token)} is invalid: a string of 1..64 characters (PLAT-4)`);
    }
    const payload = JSON.stringify([request.consumableResource, request.operation ?? 'SET', request.quantity]);
    const earlier = this.clientTokens.get(token);
    if (earlier && now - earlier.at < CLIENT_TOKEN_LIFETIME_MS) {
      if (earlier.request === payload) return 'repeat';
      throw new ClientException(`clientToken: ${JSON.stringify(token)} was used within the last 8 hours for another update; give a new token (PLAT-4)`);
    }
    return { request: payload, at: now };
  }
}

export function describeConsumableResource(record: ConsumableResourceRecord): ConsumableResourceDetail {
  const detail = {
    consumableResourceName: record.name,
    consumableResourceArn: record.arn,
    totalQuantity: record.totalQuantity,
    inUseQuantity: record.inUseQuantity,
    availableQuantity: availableQuantity(record),
    resourceType: record.resourceType,
    createdAt: record.createdAt,
  };
  // PLAT-5: the model's tag map has at least one entry; no tags is no member.
  return Object.keys(record.tags).length > 0 ? { ...detail, tags: { ...record.tags } } : detail;
}

/**
 * A name filter as the List* operations of consumable resources document them: case-insensitive,
 * a value ending in `*` matches by prefix; several values match any of them.
 */
export function namePatternMatcher(field: string, values: unknown): (name: string) => boolean {
  if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== 'string')) {
    throw new ClientException(`${field}: ${JSON.stringify(values)} is invalid: give at least one name (a trailing * matches a prefix) (PLAT-4)`);
  }
  const patterns = (values as string[]).map((value) => value.toLowerCase());
  return (name) => {
    const lowered = name.toLowerCase();
    return patterns.some((pattern) => (pattern.endsWith('*') ? lowered.startsWith(pattern.slice(0, -1)) : lowered === pattern));
  };
}
