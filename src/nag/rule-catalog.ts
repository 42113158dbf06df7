import { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleResult } from 'cdk-nag';
import { computeEnvironmentSubnetsReachEcs } from './rules/compute-environment-subnet-egress';
import { fairShareReservationKeepsCapacityInUse } from './rules/fair-share-compute-reservation';
import { eventRuleSubmitsOnlyToFifoQueues } from './rules/fair-share-event-target';
import { gpuJobDefinitionHasGpuQueue } from './rules/gpu-job-definition-queue';
import { jobQueueComputeEnvironmentOrderIsValid } from './rules/job-queue-compute-environment-order';
import { jobQueueHasSinglePlatform } from './rules/job-queue-single-platform';
import { launchTemplateEncryptsEbs } from './rules/launch-template-ebs-encryption';
import { launchTemplateRequiresImdsv2 } from './rules/launch-template-imdsv2';
import { multiNodeJobDefinitionHasOnDemandQueue } from './rules/multi-node-job-definition-queue';
import { schedulingPolicyIsWithinLimits } from './rules/scheduling-policy-limits';
import { serviceRoleIsFullArn } from './rules/service-role-full-arn';
import { spotFleetRoleAvoidsLegacyPolicy } from './rules/spot-fleet-role-legacy-policy';
import { spotFleetRoleHasTaggingPolicy } from './rules/spot-fleet-role-tagging-policy';

/** The pack name: findings read `Batch-<rule id>`. */
export const BATCH_PACK_NAME = 'Batch';

/** One BatchChecks rule: its id, the spec rule it enforces, its messages and its check. */
export interface BatchRule {
  /** The id after the pack name: findings read `Batch-<id>` and are acknowledged by that id. */
  readonly id: string;
  /** The rule of docs/spec (aws-batch-semantics.md) this enforces, or the practice it follows. */
  readonly spec: string;
  readonly level: NagMessageLevel;
  /** Why the rule was triggered (shown on every finding). */
  readonly info: string;
  /** Why the rule exists and how to fix it (shown with `verbose: true`). */
  readonly explanation: string;
  readonly check: (node: CfnResource) => NagRuleResult;
}

/**
 * The rules of the BatchChecks pack. Ids are explicit and stable: they name findings and
 * acknowledgments, so renaming a file or function must never change them. Where one rule
 * enforces one spec rule the id mirrors the spec id (NET-1 -> NET1).
 */
export const BATCH_RULES: readonly BatchRule[] = [
  {
    id: 'LT1',
    spec: 'IMDSv2 (AwsSolutions EC2/AS rules skip Batch launch templates)',
    level: NagMessageLevel.ERROR,
    info: 'The launch template used by a Batch compute environment does not require IMDSv2 (MetadataOptions.HttpTokens is not "required").',
    explanation:
      'With IMDSv1 any process on the instance, including job containers, can read the instance role credentials with one unauthenticated GET. ' +
      'Set requireImdsv2 (ec2.LaunchTemplate) or MetadataOptions.HttpTokens: required.',
    check: launchTemplateRequiresImdsv2,
  },
  {
    id: 'LT2',
    spec: 'EBS encryption at rest',
    level: NagMessageLevel.ERROR,
    info: 'The launch template used by a Batch compute environment does not encrypt all its EBS volumes, or maps none (the AMI root volume is then unencrypted).',
    explanation:
      'Job data lands on the root and Docker volumes. Map the root device (/dev/xvda on the ECS-optimized Amazon Linux 2 AMI) and any data volume with Encrypted: true. ' +
      'If the account enables EBS encryption by default, acknowledge this finding with that reason.',
    check: launchTemplateEncryptsEbs,
  },
  {
    id: 'IAM1',
    spec: 'IAM-1',
    level: NagMessageLevel.ERROR,
    info: 'The compute environment service role is not a full IAM role ARN.',
    explanation:
      'AWS Batch turns a bare role name into arn:...:role/<name>, which loses the service-role/ path of AWSBatchServiceRole and makes the compute environment INVALID. ' +
      'Pass role.roleArn (Fn::GetAtt Arn, not Ref), or omit serviceRole to use the AWS Batch service-linked role.',
    check: serviceRoleIsFullArn,
  },
  {
    id: 'IAM3',
    spec: 'IAM-3, LIM-13',
    level: NagMessageLevel.ERROR,
    info: 'The SPOT compute environment has no Spot fleet role although its allocation strategy needs one, or its fleet role lacks the managed policy service-role/AmazonEC2SpotFleetTaggingRole.',
    explanation:
      'BEST_FIT (the default) Spot compute environments launch through a Spot fleet that assumes spotIamFleetRole; without AmazonEC2SpotFleetTaggingRole it cannot launch and tag instances. ' +
      "aws-cdk-lib's ManagedEc2EcsComputeEnvironment creates the role without any policy.",
    check: spotFleetRoleHasTaggingPolicy,
  },
  {
    id: 'DIAG3',
    spec: 'DIAG-3',
    level: NagMessageLevel.WARN,
    info: 'The Spot fleet role of the SPOT compute environment uses the legacy AmazonEC2SpotFleetRole policy.',
    explanation:
      'With service-role/AmazonEC2SpotFleetRole Spot instances are not tagged at creation. Replace it with service-role/AmazonEC2SpotFleetTaggingRole.',
    check: spotFleetRoleAvoidsLegacyPolicy,
  },
  {
    id: 'LIM2',
    spec: 'LIM-2',
    level: NagMessageLevel.ERROR,
    info: 'The job queue does not list 1 to 3 compute environments with unique orders.',
    explanation:
      'AWS Batch rejects a queue with no compute environment, with more than 3, or with two entries of the same order (the order decides which CE is tried first).',
    check: jobQueueComputeEnvironmentOrderIsValid,
  },
  {
    id: 'LIM3',
    spec: 'LIM-3',
    level: NagMessageLevel.ERROR,
    info: 'The compute environments of the job queue mix architectures (x86_64 and arm64) or platforms (EC2/SPOT with Fargate, ECS with EKS).',
    explanation:
      'All compute environments of one queue must share one architecture and one platform; AWS Batch rejects the queue otherwise. Split the queue.',
    check: jobQueueHasSinglePlatform,
  },
  {
    id: 'SCHED9',
    spec: 'SCHED-9',
    level: NagMessageLevel.ERROR,
    info: 'The job definition requires GPUs, but the queues it can be submitted to have no GPU instance types.',
    explanation:
      'GPU jobs are only placed on GPU families (p2-p6, g3-g6); elsewhere they stay RUNNABLE forever. ' +
      'Give a compute environment of the queue GPU instance types, or submit to another queue.',
    check: gpuJobDefinitionHasGpuQueue,
  },
  {
    id: 'MNP8',
    spec: 'MNP-8, LIM-14',
    level: NagMessageLevel.ERROR,
    info: 'The multi-node parallel job definition can only be submitted to queues without a managed on-demand EC2 compute environment.',
    explanation:
      'Multi-node parallel jobs do not run on SPOT, Fargate or unmanaged compute environments; their jobs stay RUNNABLE. Add an on-demand EC2 compute environment to the queue.',
    check: multiNodeJobDefinitionHasOnDemandQueue,
  },
  {
    id: 'NET1',
    spec: 'NET-1',
    level: NagMessageLevel.ERROR,
    info: 'A subnet of the compute environment has no route to the ECS endpoint (no NAT, no internet gateway with public IPs, no ECS interface endpoints).',
    explanation:
      'Container instances must reach ECS to register; otherwise the compute environment never gets capacity and jobs stay RUNNABLE. ' +
      'Use private subnets with a NAT gateway, public subnets that assign public IPs, or interface endpoints for ecs, ecs-agent and ecs-telemetry.',
    check: computeEnvironmentSubnetsReachEcs,
  },
  {
    id: 'FS1',
    spec: 'FS-1',
    level: NagMessageLevel.ERROR,
    info: 'The fair-share scheduling policy breaks a limit: shareDecaySeconds 0..604800, computeReservation 0..99, at most 500 shares, weightFactor 0.0001..999.9999, identifiers that do not overlap.',
    explanation:
      'AWS Batch refuses the policy and the stack fails to deploy. Two entries overlap when one identifier could match both: team* overlaps teamA and te*, and a duplicate overlaps itself. ' +
      'BatchJobQueue (fairShare) reports the exact field at synth; this rule covers policies made with aws-cdk-lib or as L1s.',
    check: schedulingPolicyIsWithinLimits,
  },
  {
    id: 'FS3',
    spec: 'FS-3, EVT-3',
    level: NagMessageLevel.ERROR,
    info: 'The EventBridge rule submits jobs to a fair-share job queue, and an EventBridge Batch target cannot give the shareIdentifier such a queue requires.',
    explanation:
      'SubmitJob to a queue with a scheduling policy is refused without a shareIdentifier. BatchParameters carry only JobDefinition, JobName, ArrayProperties and RetryStrategy, ' +
      'and the target input becomes job Parameters, so every submission of this rule (ScheduledJob, EventTriggeredJob or any Batch target) fails. ' +
      'Target a FIFO queue, or submit through something that can pass shareIdentifier: an EventBridge Scheduler universal target (batch:submitJob) or a Lambda function.',
    check: eventRuleSubmitsOnlyToFifoQueues,
  },
  {
    id: 'FS6',
    spec: 'FS-6',
    level: NagMessageLevel.WARN,
    info: 'The computeReservation of the fair-share queue keeps more than 10% of its maximum vCPUs idle even when every share its policy declares is active.',
    explanation:
      'AWS Batch holds (computeReservation/100)^activeShares of the queue\'s maximum vCPUs for share identifiers that are not active yet. With n declared shares all busy, ' +
      '(cr/100)^n stays free while their jobs wait: 50 with two shares idles 25%. Lower computeReservation, or acknowledge when more identifiers than declared ' +
      '(prefix entries, undeclared teams) are expected to use the reservation.',
    check: fairShareReservationKeepsCapacityInUse,
  },
];
