/**
 * CFN-4: values a template takes from outside the stack (`Fn::ImportValue`, `AWS::SSM::Parameter::Value<...>`
 * parameters) that the user did not give. Each becomes a stable placeholder; once a Batch resource's
 * properties are resolved, a placeholder in a field the runtime only carries (a subnet, an image, a
 * role) is one warning, and one in a field that decides scheduling (vCPUs, instance types, a queue's
 * compute environments, a platform) is an error naming the value and the option that gives it.
 */

export type UnknownValueKind = 'export' | 'SSM parameter';

interface UnknownValue {
  readonly kind: UnknownValueKind;
  readonly name: string;
  readonly placeholder: string;
}

/** Fields whose value changes what the local runtime does (API camelCase names, anywhere in a resource). */
const DECISIVE_FIELDS = new Set([
  'type', 'state', 'minvCpus', 'maxvCpus', 'desiredvCpus', 'unmanagedvCpus', 'instanceTypes', 'allocationStrategy', 'bidPercentage',
  'priority', 'order', 'computeEnvironment', 'computeEnvironmentOrder', 'schedulingPolicyArn', 'platformCapabilities', 'vcpus', 'memory',
  'resourceRequirements', 'numNodes', 'mainNode', 'targetNodes', 'nodeRangeProperties', 'attempts', 'evaluateOnExit',
  'attemptDurationSeconds', 'shareDecaySeconds', 'computeReservation', 'shareIdentifier', 'weightFactor', 'jobStateTimeLimitActions',
  'maxTimeSeconds', 'action', 'reason', 'consumableResource', 'quantity', 'totalQuantity', 'resourceType',
]);

/** Role fields the runtime checks for a full ARN (IAM-1, IAM-3): their placeholder is an ARN. */
const ROLE_ARN_FIELDS = new Set(['serviceRole', 'spotIamFleetRole']);

export class UnknownValues {
  private readonly byPlaceholder = new Map<string, UnknownValue>();
  private readonly warned = new Set<string>();
  readonly warnings: string[] = [];

  /** The placeholder standing for an unknown value: the same one for the same name, every load. */
  placeholder(kind: UnknownValueKind, name: string): string {
    const placeholder = `unresolved-${kind === 'export' ? 'import' : 'ssm'}-${name.replace(/[^A-Za-z0-9-]+/g, '-')}`;
    this.byPlaceholder.set(placeholder, { kind, name, placeholder });
    return placeholder;
  }

  /**
   * Checks a resource's resolved properties (API shape) for placeholders: throws on one in a decisive
   * field, warns once per value otherwise; role ARN fields get an ARN-shaped placeholder. Returns the
   * properties to use.
   */
  check(properties: Record<string, unknown>, resourcePath: string, account: string, partition: string): Record<string, unknown> {
    if (this.byPlaceholder.size === 0) return properties;
    return this.walk(properties, resourcePath, [], { account, partition }) as Record<string, unknown>;
  }

  private walk(value: unknown, resourcePath: string, fields: string[], env: { account: string; partition: string }): unknown {
    if (typeof value === 'string') return this.checkString(value, resourcePath, fields, env);
    if (Array.isArray(value)) return value.map((item) => this.walk(item, resourcePath, fields, env));
    if (value === null || typeof value !== 'object') return value;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) result[key] = this.walk(child, resourcePath, [...fields, key], env);
    return result;
  }

  private checkString(text: string, resourcePath: string, fields: string[], env: { account: string; partition: string }): string {
    if (!text.includes('unresolved-')) return text;
    for (const unknown of this.byPlaceholder.values()) {
      if (!text.includes(unknown.placeholder)) continue;
      const field = fields.join('.');
      if (fields.some((f) => DECISIVE_FIELDS.has(f))) {
        throw new Error(`${resourcePath}: ${field} comes from the ${describe(unknown)}, and it decides what the local runtime does; `
          + `give its value with ${optionFor(unknown)} (CFN-4)`);
      }
      if (!this.warned.has(unknown.placeholder)) {
        this.warned.add(unknown.placeholder);
        this.warnings.push(`the ${describe(unknown)} has no value here; ${JSON.stringify(unknown.placeholder)} stands for it (first used in ${resourcePath} ${field}); `
          + `give it with ${optionFor(unknown)} (CFN-4)`);
      }
      if (ROLE_ARN_FIELDS.has(fields[fields.length - 1] ?? '') && text === unknown.placeholder) {
        return `arn:${env.partition}:iam::${env.account}:role/${unknown.placeholder}`;
      }
    }
    return text;
  }
}

function describe(unknown: UnknownValue): string {
  return unknown.kind === 'export' ? `Fn::ImportValue of export ${JSON.stringify(unknown.name)}` : `SSM parameter value of template parameter ${unknown.name}`;
}

function optionFor(unknown: UnknownValue): string {
  return unknown.kind === 'export'
    ? `--import ${unknown.name}=VALUE or --imports FILE (the runtime's \`imports\` prop)`
    : `--parameter ${unknown.name}=VALUE (the runtime's \`parameters\` prop)`;
}
