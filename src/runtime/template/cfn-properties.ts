/**
 * CloudFormation properties are the API's fields in PascalCase. Converting keys to camelCase gives the
 * API request, except inside maps whose keys are user data (tags, parameters, log options).
 */
const USER_KEYED_MAPS = new Set([
  'Tags', 'Parameters', 'Options', 'DriverOpts', 'Labels', 'StatusSummary',
  // PLAT-3: Kubernetes resource names (`cpu`, `nvidia.com/gpu`) and pod annotations.
  'Limits', 'Requests', 'Annotations',
]);

/**
 * Maps of Kubernetes quantities (`Map<String, String>` in CloudFormation): CloudFormation turns a number
 * such as aws-cdk-lib's `cpu: 1` into `"1"`, so the loader does as well (PLAT-3).
 */
const QUANTITY_MAPS = new Set(['Limits', 'Requests']);

/** Field names whose camelCase is not just the first letter lowered. */
const SPECIAL_KEYS: Record<string, string> = {
  // e.g. CloudFormation `ComputeEnvironmentOrder[].ComputeEnvironment` is the API's as well;
  // kept as a table so oddities have one home.
};

/**
 * Integer properties of the Batch resource types. CloudFormation converts `"4"` to 4 for them (templates
 * often carry numbers as strings, e.g. after Fn::Sub or from parameters), so the loader does as well.
 */
const INTEGER_PROPERTIES = new Set([
  'MinvCpus', 'MaxvCpus', 'DesiredvCpus', 'UnmanagedvCpus', 'BidPercentage', 'Priority', 'Order', 'Vcpus', 'Memory',
  'Attempts', 'AttemptDurationSeconds', 'NumNodes', 'MainNode', 'SchedulingPriority', 'MaxTimeSeconds', 'Size',
  'SharedMemorySize', 'MaxSwap', 'Swappiness', 'HardLimit', 'SoftLimit', 'ContainerPort', 'SizeInGiB',
  'ShareDecaySeconds', 'ComputeReservation',
]);

export function toApiShape(value: unknown, keyIsUserData: boolean = false): unknown {
  if (Array.isArray(value)) return value.map((v) => toApiShape(v));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const apiKey = keyIsUserData ? key : SPECIAL_KEYS[key] ?? camelCase(key);
    if (!keyIsUserData && INTEGER_PROPERTIES.has(key) && typeof child === 'string' && /^-?\d+$/.test(child.trim())) {
      result[apiKey] = Number(child);
      continue;
    }
    if (QUANTITY_MAPS.has(key) && !keyIsUserData && child !== null && typeof child === 'object' && !Array.isArray(child)) {
      result[apiKey] = Object.fromEntries(Object.entries(child).map(([name, quantity]) => [name, typeof quantity === 'number' ? String(quantity) : quantity]));
      continue;
    }
    result[apiKey] = keyIsUserData ? child : toApiShape(child, USER_KEYED_MAPS.has(key) && !Array.isArray(child));
  }
  return result;
}

function camelCase(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** CloudFormation tags of Batch resources are a map; most other types use a list of Key/Value pairs. */
export function tagsAsMap(tags: unknown): Record<string, string> | undefined {
  if (tags === undefined) return undefined;
  if (Array.isArray(tags)) {
    return Object.fromEntries(tags.map((t: { key?: string; Key?: string; value?: string; Value?: string }) => [t.key ?? t.Key ?? '', t.value ?? t.Value ?? '']));
  }
  return tags as Record<string, string>;
}
