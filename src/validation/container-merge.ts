/**
 * Lays `override` over `base` field by field, the way a narrower node range overrides a wider
 * one (LIM-12) and `containerOverrides` override a job definition (OVR-1, ENV-2):
 * - a field the override does not set (absent or `undefined`) keeps the base's value;
 * - `resourceRequirements` merge by `type` (overriding MEMORY keeps the base's VCPU and GPU),
 *   because vcpus and memory "can be specified in several places";
 * - `environment` merges by `name` (ENV-2);
 * - every other field is replaced whole.
 * Neither input is modified; arrays in the result are fresh copies.
 */
export function mergeContainer(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) {
      continue;
    }
    if (key === 'resourceRequirements' && Array.isArray(base[key]) && Array.isArray(value)) {
      merged[key] = mergeByKey(base[key] as Array<Record<string, unknown>>, value, 'type');
    } else if (key === 'environment' && Array.isArray(base[key]) && Array.isArray(value)) {
      merged[key] = mergeByKey(base[key] as Array<Record<string, unknown>>, value, 'name');
    } else {
      merged[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  return merged;
}

/** Base entries in their order, each replaced by the override entry with the same key; new keys appended. */
function mergeByKey(base: Array<Record<string, unknown>>, override: Array<Record<string, unknown>>, key: string): Array<Record<string, unknown>> {
  const overrides = new Map(override.map((entry) => [entry[key], entry]));
  const result = base.map((entry) => overrides.get(entry[key]) ?? entry);
  const baseKeys = new Set(base.map((entry) => entry[key]));
  return [...result, ...override.filter((entry) => !baseKeys.has(entry[key]))];
}
