import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * Token handling for the BatchChecks rules, in one place.
 *
 * Rules see L1 properties, which may hold tokens. Resolving them through the owning stack turns
 * references into CloudFormation intrinsics (`{ Ref }`, `{ 'Fn::GetAtt' }`, `{ 'Fn::Join' }`),
 * which is what lets a rule follow a reference to another resource of the same stack.
 */

/** Resolves every token in `value` the way the stack would render it (L1 keys stay camelCase). */
export function resolveValue(node: CfnResource, value: unknown): any {
  return Stack.of(node).resolve(value);
}

/**
 * The logical id a resolved value points at (`{ Ref: X }` or `{ 'Fn::GetAtt': [X, attr] }`),
 * or undefined when the value is a literal or another intrinsic.
 */
export function referencedLogicalId(resolved: unknown): string | undefined {
  if (resolved === null || typeof resolved !== 'object') {
    return undefined;
  }
  const asRecord = resolved as Record<string, unknown>;
  if (typeof asRecord.Ref === 'string') {
    return asRecord.Ref;
  }
  const getAtt = asRecord['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
    return getAtt[0];
  }
  return undefined;
}

/** The attribute of an `Fn::GetAtt`, or `'Ref'` for a `Ref`, or undefined for anything else. */
export function referencedAttribute(resolved: unknown): string | undefined {
  if (resolved === null || typeof resolved !== 'object') {
    return undefined;
  }
  const asRecord = resolved as Record<string, unknown>;
  if (typeof asRecord.Ref === 'string') {
    return 'Ref';
  }
  const getAtt = asRecord['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[1] === 'string') {
    return getAtt[1];
  }
  return undefined;
}

/**
 * Flattens a resolved value to a string, writing references and pseudo parameters as `<Name>`,
 * so that `arn:${AWS::Partition}:iam::aws:policy/X` reads `arn:<AWS::Partition>:iam::aws:policy/X`.
 * Returns undefined for values that cannot be flattened (objects that are not intrinsics).
 */
export function flattenToString(resolved: unknown): string | undefined {
  if (typeof resolved === 'string') {
    return resolved;
  }
  if (typeof resolved === 'number' || typeof resolved === 'boolean') {
    return String(resolved);
  }
  if (resolved === null || typeof resolved !== 'object') {
    return undefined;
  }
  const asRecord = resolved as Record<string, unknown>;
  const join = asRecord['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map(flattenToString);
    return parts.every((part) => part !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = asRecord['Fn::Sub'];
  if (typeof sub === 'string') {
    return sub.replace(/\$\{([^}]+)\}/g, '<$1>');
  }
  const logicalId = referencedLogicalId(resolved);
  if (logicalId !== undefined) {
    const attribute = referencedAttribute(resolved);
    return attribute === 'Ref' ? `<${logicalId}>` : `<${logicalId}.${attribute}>`;
  }
  return undefined;
}

/** Every CfnResource whose owning stack is `stack` (nested stacks are separate templates). */
export function resourcesOfStack(stack: Stack): CfnResource[] {
  return stack.node
    .findAll()
    .filter((construct): construct is CfnResource => CfnResource.isCfnResource(construct))
    .filter((resource) => Stack.of(resource) === stack);
}

/** The logical id CloudFormation will see for `resource` (honours overrideLogicalId). */
export function logicalIdOf(resource: CfnResource): string {
  return Stack.of(resource).resolve(resource.logicalId);
}

/**
 * The resource of `node`'s stack that a property value references, if it is one of `type`.
 * `type` is an L1 class such as `CfnComputeEnvironment`; references to other stacks, imported
 * ARNs and literal ids give undefined, because a synth-time rule cannot see those resources.
 */
export function referencedResource<T extends CfnResource>(
  node: CfnResource,
  value: unknown,
  type: abstract new (...args: any[]) => T,
): T | undefined {
  const logicalId = referencedLogicalId(resolveValue(node, value));
  if (logicalId === undefined) {
    return undefined;
  }
  const found = resourcesOfStack(Stack.of(node)).find((resource) => logicalIdOf(resource) === logicalId);
  return found instanceof type ? found : undefined;
}

/** Every resource of `node`'s stack that is an instance of `type`. */
export function stackResourcesOfType<T extends CfnResource>(
  node: CfnResource,
  type: abstract new (...args: any[]) => T,
): T[] {
  return resourcesOfStack(Stack.of(node)).filter((resource): resource is T => resource instanceof type);
}

/** True when `value` (an L1 property) references `target` by Ref or GetAtt. */
export function referencesResource(node: CfnResource, value: unknown, target: CfnResource): boolean {
  const logicalId = referencedLogicalId(resolveValue(node, value));
  return logicalId !== undefined && logicalId === logicalIdOf(target);
}
