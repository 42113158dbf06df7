/**
 * The cdk-nag findings every Batch app of these examples has, acknowledged with their reasons
 * on the narrowest construct that produces them (never on the whole app).
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { IConstruct } from 'constructs';
import { BatchComputeEnvironment, BatchEnvironment } from '../../src/constructs';

const IAM4 = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/';

/** The instance role of a managed compute environment uses AmazonEC2ContainerServiceforEC2Role (IAM-2). */
export function acknowledgeInstanceRole(scope: IConstruct): void {
  cdk.Validations.of(scope).acknowledge({
    id: `${IAM4}service-role/AmazonEC2ContainerServiceforEC2Role]`,
    reason: 'ECS container instances need this AWS managed policy to register with ECS and pull images (IAM-2).',
  });
}

/** A Spot Fleet role must carry AmazonEC2SpotFleetTaggingRole (IAM-3). */
export function acknowledgeSpotFleetRole(scope: IConstruct): void {
  cdk.Validations.of(scope).acknowledge({
    id: `${IAM4}service-role/AmazonEC2SpotFleetTaggingRole]`,
    reason: 'AWS Batch documents this managed policy for Spot Fleet roles; the older one cannot tag Spot instances (IAM-3, DIAG-3).',
  });
}

/** aws-cdk-lib's execution role may write to any stream of /aws/batch/job. */
export function acknowledgeExecutionRole(definition: batch.IJobDefinition): void {
  const single = (definition as Partial<batch.EcsJobDefinition>).container;
  const nodes = (definition as Partial<batch.MultiNodeJobDefinition>).containers?.map((range) => range.container) ?? [];
  const targets: IConstruct[] = single ? [single] : nodes;
  for (const target of targets) {
    cdk.Validations.of(target).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/batch/job:*]',
      reason: 'Batch writes one log stream per job under /aws/batch/job (LOG-1); stream names are not known in advance.',
    });
  }
}

/** Everything a `BatchComputeEnvironment` brings. */
export function acknowledgeComputeEnvironment(ce: BatchComputeEnvironment): void {
  acknowledgeInstanceRole(ce.computeEnvironment);
  if (ce.spotFleetRole) {
    acknowledgeSpotFleetRole(ce.spotFleetRole);
  }
}

/** Everything a `BatchEnvironment` brings: its compute environments and job definitions. */
export function acknowledgeBatchDefaults(environment: BatchEnvironment): void {
  environment.computeEnvironments.forEach(acknowledgeComputeEnvironment);
  environment.jobDefinitions.forEach(acknowledgeExecutionRole);
}
