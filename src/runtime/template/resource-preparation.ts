import { toApiShape } from './cfn-properties';
import { IntrinsicResolver } from './intrinsic-resolver';
import { convertScalars } from './property-scalars';
import { expandInstanceTypes } from '../../instance-catalog/instance-catalog';
import { BatchBackend } from '../core/backend';

/** A resource of a loaded template that the local runtime does not model (CFN-6). */
export interface NotModelledResource {
  readonly stackName: string;
  readonly logicalId: string;
  readonly type: string;
  readonly reason: string;
}

/** AWS Batch resource types the runtime does not model at all, and why (listed once, never an error). */
const NOT_MODELLED_TYPES: Record<string, string> = {
  'AWS::Batch::ServiceEnvironment': 'service environments (SageMaker training jobs) are not modelled',
  'AWS::Batch::QuotaShare': 'quota shares are not modelled',
};

/** Why a resource type is not modelled, or undefined when the loader creates it (or it is not Batch's). */
export function notModelledTypeReason(type: string): string | undefined {
  if (NOT_MODELLED_TYPES[type]) return NOT_MODELLED_TYPES[type];
  if (type.startsWith('AWS::Batch::') && !['AWS::Batch::ConsumableResource', 'AWS::Batch::SchedulingPolicy', 'AWS::Batch::ComputeEnvironment', 'AWS::Batch::JobQueue', 'AWS::Batch::JobDefinition'].includes(type)) {
    return `${type} is newer than the local runtime`;
  }
  return undefined;
}

/**
 * A Batch resource's resolved CloudFormation properties as the API's request: scalars converted by
 * the property types (CFN-3), camelCase keys, a bare service-role name of a role of the template
 * expanded as AWS expands it (IAM-1), unknown instance types left out with a warning (CFN-8), and
 * values nobody gave checked (CFN-4).
 */
export function prepareForApi(
  backend: BatchBackend,
  resolver: IntrinsicResolver,
  type: string,
  resolved: Record<string, unknown>,
  path: string,
  warnings: string[],
): Record<string, unknown> {
  let props = toApiShape(convertScalars(type, resolved)) as Record<string, unknown>;
  const { account, partition } = backend.environment;
  props = resolver.unknownValues.check(props, path, account, partition);
  if (type === 'AWS::Batch::ComputeEnvironment') {
    props = expandBareServiceRole(resolver, props, partition, account);
    props = withoutUnknownInstanceTypes(props, path, warnings);
  }
  return props;
}

/**
 * IAM-1: AWS Batch reads a bare `serviceRole` name as the role with path `/` (`role/<name>`). For a role
 * of this template without a `Path` (or with `/`), whose `Ref` is that bare name, that is the role: the
 * loader writes the ARN AWS would build. A role with another path keeps the bare name, which the
 * backend then marks INVALID, since AWS Batch would look for a role that is not there.
 */
function expandBareServiceRole(
  resolver: IntrinsicResolver, props: Record<string, unknown>, partition: string, account: string,
): Record<string, unknown> {
  const role = props.serviceRole;
  if (typeof role !== 'string' || role.startsWith('arn:') || role.includes('/')) return props;
  for (const [logicalId, resource] of Object.entries(resolver.template.Resources ?? {})) {
    if (resource?.Type !== 'AWS::IAM::Role' || !resolver.resourceExists(logicalId) || resolver.physicalName(logicalId) !== role) continue;
    const rolePath = String(resolver.resolve(resource.Properties?.Path ?? '/', `${logicalId}.Properties.Path`));
    if (rolePath === '/') return { ...props, serviceRole: `arn:${partition}:iam::${account}:role/${role}` };
  }
  return props;
}

/**
 * CFN-8: an instance type newer than the bundled catalog is a warning naming it, and is not launched
 * (the catalog cannot tell its vCPUs and memory). A compute environment left with none launches nothing.
 */
function withoutUnknownInstanceTypes(props: Record<string, unknown>, path: string, warnings: string[]): Record<string, unknown> {
  const resources = props.computeResources as Record<string, unknown> | undefined;
  const types = resources?.instanceTypes;
  if (!Array.isArray(types)) return props;
  const unknown = types.filter((name) => {
    try {
      expandInstanceTypes([name]);
      return false;
    } catch {
      return typeof name === 'string';
    }
  });
  if (unknown.length === 0) return props;
  const known = types.filter((name) => !unknown.includes(name));
  warnings.push(`${path}: instance type(s) ${unknown.join(', ')} are not in the local instance catalog; they are not launched here (CFN-8)`);
  return { ...props, computeResources: { ...resources, instanceTypes: known } };
}
