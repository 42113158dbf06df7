import { ComputeEnvironmentRecord, ResourceStatus } from './records';
import { checkSingleArchitecture, expandInstanceTypes } from '../../../instance-catalog/instance-catalog';

/** A full IAM role ARN, optionally with a path: `arn:aws:iam::123456789012:role/service-role/Name`. */
const ROLE_ARN = /^arn:[a-z-]+:iam::\d{12}:role\/(.+\/)?[\w+=,.@-]+$/;

export interface ComputeEnvironmentHealth {
  readonly status: ResourceStatus;
  readonly statusReason: string;
}

const HEALTHY: ComputeEnvironmentHealth = { status: 'VALID', statusReason: 'ComputeEnvironment Healthy' };

/**
 * DIAG-1: what AWS accepts at CreateComputeEnvironment but then marks INVALID, with the reason in
 * AWS's `CLIENT_ERROR - ...` form. The scheduler places nothing on an INVALID CE.
 * - `serviceRole` not a full role ARN: AWS reads a bare name as a role with path /, which is not the role when it has another path;
 *   the template loader writes the ARN for a bare name of a role of the template without a Path (IAM-1);
 * - a SPOT CE whose `spotIamFleetRole` is not a role ARN;
 * - instance types of more than one architecture (LIM-3).
 */
export function assessComputeEnvironment(ce: ComputeEnvironmentRecord): ComputeEnvironmentHealth {
  if (ce.serviceRole !== undefined && !ROLE_ARN.test(ce.serviceRole)) {
    return invalid(`serviceRole ${JSON.stringify(ce.serviceRole)} is not a full IAM role ARN; AWS Batch reads a bare name as the role `
      + `${JSON.stringify(ce.serviceRole)} with path /, which is not the role when it was created with another path (such as the console's `
      + 'service-role/), so AWS Batch cannot assume it. Pass the role ARN (IAM-1)');
  }
  const cr = ce.computeResources;
  if (cr?.type === 'SPOT' && cr.spotIamFleetRole !== undefined && !ROLE_ARN.test(cr.spotIamFleetRole)) {
    return invalid(`computeResources.spotIamFleetRole ${JSON.stringify(cr.spotIamFleetRole)} is not a full IAM role ARN; `
      + 'the Spot fleet cannot be requested (IAM-3)');
  }
  if (cr?.instanceTypes !== undefined && cr.instanceTypes.length > 0) {
    const { architecture, offending } = checkSingleArchitecture(expandInstanceTypes(cr.instanceTypes));
    if (offending.length > 0) {
      const names = offending.slice(0, 5).map((spec) => `${spec.name} (${spec.architecture})`).join(', ');
      return invalid(`computeResources.instanceTypes mix architectures: most are ${architecture}, but ${names}${offending.length > 5 ? ', ...' : ''} are not; `
        + 'one compute environment has one architecture (LIM-3)');
    }
  }
  return HEALTHY;
}

function invalid(reason: string): ComputeEnvironmentHealth {
  return { status: 'INVALID', statusReason: `CLIENT_ERROR - ${reason} (DIAG-1)` };
}
