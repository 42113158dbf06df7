import { fail } from '../../../validation';

/** Limits of `TagrisTagsMap` / `TagKey` / `TagValue` in the service model. */
export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
/** AWS reserves tag keys with this prefix for itself; users can neither set nor remove them. */
const RESERVED_TAG_PREFIX = 'aws:';
const RULE = 'API';

/** A tag map: string keys of 1..128 characters not starting with `aws:`, string values of 0..256. */
export function validateTags(field: string, tags: unknown): void {
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) {
    fail(field, tags, 'a map of tag keys to values', RULE);
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > MAX_TAGS) {
    fail(field, entries.length, `at most ${MAX_TAGS} tags`, RULE, `${entries.length} given`);
  }
  for (const [key, value] of entries) {
    validateTagKey(`${field}.${key}`, key);
    if (typeof value !== 'string' || value.length > MAX_TAG_VALUE_LENGTH) {
      fail(`${field}.${key}`, value, `a string of at most ${MAX_TAG_VALUE_LENGTH} characters`, RULE);
    }
  }
}

/** A tag key: 1..128 characters, not in the reserved `aws:` namespace. */
export function validateTagKey(field: string, key: unknown): void {
  if (typeof key !== 'string' || key.length < 1 || key.length > MAX_TAG_KEY_LENGTH) {
    fail(field, key, `a tag key of 1..${MAX_TAG_KEY_LENGTH} characters`, RULE);
  }
  if (key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
    fail(field, key, `tag keys starting with ${RESERVED_TAG_PREFIX} are reserved for AWS`, RULE);
  }
}

/** The tag map after a TagResource: existing tags kept unless replaced; the total still at most 50. */
export function mergeTags(field: string, current: Record<string, string>, added: Record<string, string>): Record<string, string> {
  const merged = { ...current, ...added };
  const count = Object.keys(merged).length;
  if (count > MAX_TAGS) {
    fail(field, count, `at most ${MAX_TAGS} tags per resource`, RULE, `the resource has ${Object.keys(current).length}, the request would make ${count}`);
  }
  return merged;
}
