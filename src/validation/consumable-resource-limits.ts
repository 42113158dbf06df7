import { validateResourceName } from './names';
import { fail, isInteger } from './validation-error';

/** PLAT-4: how a consumable resource comes back after a job that used it ends. */
export const CONSUMABLE_RESOURCE_TYPES = ['REPLENISHABLE', 'NON_REPLENISHABLE'] as const;
export type ConsumableResourceType = typeof CONSUMABLE_RESOURCE_TYPES[number];

/** PLAT-4: how UpdateConsumableResource changes `totalQuantity`. */
export const CONSUMABLE_UPDATE_OPERATIONS = ['SET', 'ADD', 'REMOVE'] as const;
export type ConsumableUpdateOperation = typeof CONSUMABLE_UPDATE_OPERATIONS[number];

/**
 * PLAT-4: the largest quantity the runtime accepts (the API's `Long`; JavaScript numbers are exact
 * integers up to 2^53 - 1, so a larger one could not be counted down exactly).
 */
export const MAX_CONSUMABLE_QUANTITY = Number.MAX_SAFE_INTEGER;

/** PLAT-4: at most this many consumable resources per job (one entry per resource). */
export const MAX_CONSUMABLE_RESOURCES_PER_JOB = 50;

/** A consumable resource's name: the naming rule of the other Batch resources (1..128 of letters, digits, `-`, `_`). */
export function validateConsumableResourceName(field: string, value: unknown): void {
  validateResourceName(field, value as string);
}

/** `totalQuantity` or an update's `quantity`: an integer, 0 or more (the API: "must be non-negative"). */
export function validateConsumableQuantity(field: string, value: unknown): void {
  if (!isInteger(value) || value < 0 || value > MAX_CONSUMABLE_QUANTITY) {
    fail(field, value, `an integer 0..${MAX_CONSUMABLE_QUANTITY}`, 'PLAT-4');
  }
}

/** One requirement's `quantity`: a job needs at least one unit of a resource it names. */
export function validateRequiredQuantity(field: string, value: unknown): void {
  if (!isInteger(value) || value < 1 || value > MAX_CONSUMABLE_QUANTITY) {
    fail(field, value, `an integer 1..${MAX_CONSUMABLE_QUANTITY}`, 'PLAT-4');
  }
}

/** A requirement as RegisterJobDefinition and SubmitJob take it (`ConsumableResourceRequirement`). */
export interface ConsumableRequirementInput {
  readonly consumableResource?: unknown;
  readonly quantity?: unknown;
}

/**
 * `consumableResourceProperties`: a list of requirements, each naming a resource (name or ARN) once
 * with a quantity of at least 1. Whether the named resources exist is the caller's check (the
 * runtime's registry, or the constructs' stack). Returns the requirements.
 */
export function validateConsumableResourceProperties(field: string, value: unknown): ConsumableRequirementInput[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(field, value, 'an object with consumableResourceList', 'PLAT-4');
  const list = (value as { consumableResourceList?: unknown }).consumableResourceList;
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(`${field}.consumableResourceList`, list, 'a list of {consumableResource, quantity}', 'PLAT-4');
  if (list.length > MAX_CONSUMABLE_RESOURCES_PER_JOB) {
    fail(`${field}.consumableResourceList`, list.length, `at most ${MAX_CONSUMABLE_RESOURCES_PER_JOB} entries`, 'PLAT-4');
  }
  const seen = new Set<string>();
  list.forEach((entry: ConsumableRequirementInput, index: number) => {
    const at = `${field}.consumableResourceList[${index}]`;
    if (entry === null || typeof entry !== 'object') fail(at, entry, 'an object {consumableResource, quantity}', 'PLAT-4');
    if (typeof entry.consumableResource !== 'string' || entry.consumableResource.length === 0) {
      fail(`${at}.consumableResource`, entry.consumableResource, 'the name or ARN of a consumable resource', 'PLAT-4');
    }
    validateRequiredQuantity(`${at}.quantity`, entry.quantity);
    const name = consumableResourceNameOf(entry.consumableResource);
    if (seen.has(name)) fail(`${at}.consumableResource`, entry.consumableResource, 'a resource not named before in the list', 'PLAT-4');
    seen.add(name);
  });
  return list;
}

/** The name part of a consumable resource reference: `name`, or the last part of its ARN. */
export function consumableResourceNameOf(ref: string): string {
  const match = /^arn:[^:]+:batch:[^:]*:[^:]*:consumable-resource\/(.+)$/.exec(ref);
  return match ? match[1] : ref;
}
