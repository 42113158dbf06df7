import { BATCH_PROPERTY_TYPES, BATCH_RESOURCE_PROPS } from './batch-property-types.generated';

/**
 * CFN-3: scalars converted as CloudFormation converts them for a resource's property types: a number
 * or boolean for a String property becomes its text (`Value: 2` -> `"2"`), a numeric string for an
 * Integer property a number, `"true"`/`"false"` for a Boolean property a boolean. The types come from
 * aws-cdk-lib's L1 classes (batch-property-types.generated.ts), generated from CloudFormation's resource
 * schemas. A value that cannot be converted stays as written, for the API's validation to name it.
 */
export function convertScalars(resourceType: string, properties: Record<string, unknown>): Record<string, unknown> {
  const struct = BATCH_RESOURCE_PROPS[resourceType];
  return struct ? convertStruct(struct, properties) as Record<string, unknown> : properties;
}

function convertStruct(struct: string, value: unknown): unknown {
  const fields = BATCH_PROPERTY_TYPES[struct];
  if (!fields || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) result[key] = fields[key] ? convert(typeOf(fields[key], key), child) : child;
  return result;
}

/**
 * `Parameters` and `Tags` are JSON in the schemas but maps of strings in the API, which takes a number
 * there as its text (as CloudFormation's call to the API does).
 */
function typeOf(type: string, key: string): string {
  return type === 'json' && (key === 'Parameters' || key === 'Tags') ? 'string{}' : type;
}

function convert(type: string, value: unknown): unknown {
  if (type.endsWith('[]')) return Array.isArray(value) ? value.map((item) => convert(type.slice(0, -2), item)) : value;
  if (type.endsWith('{}')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(type.slice(0, -2), item)]));
  }
  switch (type) {
    case 'string': return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'number': return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    case 'boolean': return value === 'true' ? true : value === 'false' ? false : value;
    case 'json': return value;
    default: return convertStruct(type, value);
  }
}
