import { ComputeEnvironmentRecord, JobDefinitionRecord, JobQueueRecord } from './records';
import { hasEksNodeRanges } from '../../../validation';

/*
 * PLAT-1: a job runs only on a compute environment of its definition's platform (the capacity
 * models ask `computeEnvironmentPlatform`/`platformMismatchReason` before any resource question). AWS rejects a
 * SubmitJob whose queue has no compute environment of the job's platform ("Job Queue is attached to
 * Compute Environment that can not run Jobs with capability EC2", ClientException; seen by users of
 * boto3 and the AWS CLI); a job already queued when its queue's compute environments change is never
 * placed on one of another platform, and explains why (DIAG-2).
 */

/**
 * Where a job or a compute environment runs containers: ECS on EC2 instances (EC2, SPOT and unmanaged
 * CEs, `platformCapabilities` EC2, AWS's default), ECS on Fargate (FARGATE, FARGATE_SPOT), or pods on an
 * EKS cluster (CEs with `eksConfiguration`; ECS job definitions never run there).
 */
export type Platform = 'EC2' | 'FARGATE' | 'EKS';

/** AWS's message for a SubmitJob to a queue that can not run the job's platform. */
const AWS_SUBMIT_MESSAGE = 'Job Queue is attached to Compute Environment that can not run Jobs with capability';

/**
 * The platform of a job definition: EKS for an `eksProperties` (pod) definition or a multi-node one
 * whose node ranges are pods (PLAT-3, MNP-1), FARGATE when its `platformCapabilities` say so, else EC2
 * (AWS's default).
 */
export function definitionPlatform(definition: Pick<JobDefinitionRecord, 'platformCapabilities' | 'eksProperties' | 'nodeProperties'>): Platform {
  if (definition.eksProperties !== undefined || hasEksNodeRanges(definition.nodeProperties)) return 'EKS';
  return definition.platformCapabilities.includes('FARGATE') ? 'FARGATE' : 'EC2';
}

export function computeEnvironmentPlatform(ce: ComputeEnvironmentRecord): Platform {
  if (ce.eksConfiguration !== undefined) return 'EKS';
  return ce.type === 'MANAGED' && (ce.computeResources?.type ?? '').startsWith('FARGATE') ? 'FARGATE' : 'EC2';
}

/** How the compute environment's platform is named in reasons: its resource type, and EKS. */
function describeComputeEnvironment(ce: ComputeEnvironmentRecord): string {
  const kind = ce.type === 'UNMANAGED' ? 'unmanaged' : ce.computeResources?.type ?? 'MANAGED';
  return `${ce.name} (${ce.eksConfiguration !== undefined ? `EKS, ${kind}` : kind})`;
}

/** Which compute environments a job of the platform may run on. */
function whereItRuns(platform: Platform): string {
  switch (platform) {
    case 'FARGATE': return 'FARGATE or FARGATE_SPOT compute environments';
    case 'EKS': return 'EKS compute environments';
    default: return 'EC2, SPOT or unmanaged compute environments (not Fargate, not EKS)';
  }
}

/**
 * Why a job of `platform` can never run on `ce` (the DIAG-2 reason, with AWS's prefix), or undefined
 * when the platforms agree.
 */
export function platformMismatchReason(ce: ComputeEnvironmentRecord, platform: Platform): string | undefined {
  if (computeEnvironmentPlatform(ce) === platform) return undefined;
  return `MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT - ${platform === 'FARGATE' ? 'a' : 'an'} ${platform} job runs only on ${whereItRuns(platform)}; `
    + `compute environment ${describeComputeEnvironment(ce)} is not one (PLAT-1)`;
}

/**
 * PLAT-1 at SubmitJob: AWS's ClientException message when no compute environment of the queue can run
 * jobs of the definition's platform, else undefined. A queue without compute environments is left to
 * the scheduler's diagnosis.
 */
export function submitPlatformProblem(queue: JobQueueRecord, definition: JobDefinitionRecord): string | undefined {
  const platform = definitionPlatform(definition);
  const ces = queue.computeEnvironmentOrder.map((entry) => entry.computeEnvironment);
  if (ces.length === 0 || ces.some((ce) => computeEnvironmentPlatform(ce) === platform)) return undefined;
  return `${AWS_SUBMIT_MESSAGE} ${platform}: job definition ${definition.name}:${definition.revision} `
    + `(platformCapabilities [${definition.platformCapabilities.join(', ')}]) runs only on ${whereItRuns(platform)}; `
    + `job queue ${queue.name} has ${ces.map(describeComputeEnvironment).join(', ')} (PLAT-1)`;
}
