import { IntrinsicResolver } from './intrinsic-resolver';
import { readLaunchTemplate } from './launch-template-reader';
import { BatchBackend } from '../core/backend';
import { InstanceCapacity } from '../core/capacity/instance-capacity';
import { ComputeEnvironmentRecord } from '../core/model/records';

/** Why the user data of each launch template (by id and by name) cannot be used by Batch (CE-4). */
export type LaunchTemplateProblems = Map<string, string>;

/**
 * Reads the template's `AWS::EC2::LaunchTemplate` resources before the compute environments are
 * created: `ECS_RESERVED_MEMORY` in their user data shrinks registered memory (SCHED-8), and user data
 * that is not MIME multipart makes the compute environments using them INVALID (CE-4, DIAG-1).
 */
export function readLaunchTemplates(
  backend: BatchBackend,
  resolver: IntrinsicResolver,
  resources: Array<[string, { Type: string }]>,
): LaunchTemplateProblems {
  const problems: LaunchTemplateProblems = new Map();
  for (const [logicalId, resource] of resources) {
    if (resource.Type !== 'AWS::EC2::LaunchTemplate') continue;
    const properties = resolver.resolve((resource as { Properties?: unknown }).Properties ?? {}, `${logicalId}.Properties`) as Record<string, unknown>;
    const facts = readLaunchTemplate(properties);
    const launchTemplateId = resolver.ref(logicalId, logicalId);
    const launchTemplateName = facts.launchTemplateName ?? resolver.physicalName(logicalId);
    if (facts.ecsReservedMemoryMiB !== undefined && backend.capacity instanceof InstanceCapacity) {
      backend.capacity.registerLaunchTemplate({ launchTemplateId, launchTemplateName, ecsReservedMemoryMiB: facts.ecsReservedMemoryMiB });
    }
    if (facts.userDataProblem) {
      problems.set(launchTemplateId, facts.userDataProblem);
      problems.set(launchTemplateName, facts.userDataProblem);
    }
  }
  return problems;
}

/** CE-4 / DIAG-1: a compute environment whose launch template's user data Batch cannot merge is INVALID. */
export function markLaunchTemplateProblems(backend: BatchBackend, ce: ComputeEnvironmentRecord, problems: LaunchTemplateProblems): void {
  const spec = ce.computeResources?.launchTemplate;
  const problem = spec && (problems.get(spec.launchTemplateId ?? '') ?? problems.get(spec.launchTemplateName ?? ''));
  if (problem) {
    ce.status = 'INVALID';
    ce.statusReason = `CLIENT_ERROR - launch template user data: ${problem} (CE-4)`;
    backend.capacity.computeEnvironmentUpdated?.(ce);
  }
}
