import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { IConstruct } from 'constructs';

/**
 * The cdk-nag findings that the constructs' own defaults produce, acknowledged by the constructs
 * on the resource they created, with the reason (docs/nag-acknowledgments.md lists them all).
 * Resources a user passes in are never acknowledged here: the user owns those choices.
 *
 * Acknowledgments are exact ids (`<rule>[<finding>]`), so each covers one finding on one
 * resource subtree and nothing else.
 */

/** The AwsSolutions-IAM4 finding id of an AWS managed policy, e.g. `service-role/AmazonEC2ContainerServiceforEC2Role`. */
export function managedPolicyFindingId(policyName: string): string {
  return `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policyName}]`;
}

/** Why an ECS container instance role carries AmazonEC2ContainerServiceforEC2Role (IAM-2). */
export const INSTANCE_ROLE_REASON =
  'ECS container instances need this AWS managed policy to register with ECS and pull images (IAM-2); AWS keeps it current with the ECS agent.';

/** Why a Spot Fleet role carries AmazonEC2SpotFleetTaggingRole (IAM-3). */
export const SPOT_FLEET_ROLE_REASON =
  'AWS Batch documents this AWS managed policy for Spot Fleet roles; the older AmazonEC2SpotFleetRole cannot tag Spot instances (IAM-3, DIAG-3).';

/** Why a job's execution role may write to any log stream of /aws/batch/job (LOG-1). */
export const JOB_LOG_STREAMS_REASON =
  'Batch writes one log stream per job under /aws/batch/job (LOG-1); stream names are not known before the job runs.';

/** Why the ECS cluster lookup of an unmanaged compute environment may call DescribeComputeEnvironments on `*`. */
export const CLUSTER_LOOKUP_REASON =
  'The ECS cluster lookup calls batch:DescribeComputeEnvironments, which has no resource-level permissions (the service authorization reference lists only "*").';

/** Why aws-cdk-lib's AwsCustomResource function role carries AWSLambdaBasicExecutionRole. */
export const CUSTOM_RESOURCE_PROVIDER_REASON =
  'aws-cdk-lib\'s AwsCustomResource function only writes its own CloudWatch logs, which is all this AWS managed policy allows.';

/** Acknowledges the AwsSolutions-IAM4 finding of one AWS managed policy on `role`. */
export function acknowledgeManagedPolicy(role: IConstruct, policyName: string, reason: string): void {
  cdk.Validations.of(role).acknowledge({ id: managedPolicyFindingId(policyName), reason });
}

/**
 * The AwsSolutions-IAM5 finding id of the `/aws/batch/job:*` log-stream wildcard that aws-cdk-lib's
 * default job execution role gets. cdk-nag writes an unresolved region or account as
 * `<AWS::Region>` / `<AWS::AccountId>` and a concrete one as its value, so the id follows the stack.
 */
export function jobLogStreamsFindingId(scope: IConstruct): string {
  const stack = cdk.Stack.of(scope);
  const region = cdk.Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = cdk.Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  return `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:${region}:${account}:log-group:/aws/batch/job:*]`;
}

/** Acknowledges the `/aws/batch/job:*` wildcard on an execution role that aws-cdk-lib generated. */
export function acknowledgeJobLogStreams(executionRole: IConstruct): void {
  cdk.Validations.of(executionRole).acknowledge({ id: jobLogStreamsFindingId(executionRole), reason: JOB_LOG_STREAMS_REASON });
}

/**
 * The execution role aws-cdk-lib created for `container` because none was passed (its child
 * `ExecutionRole`); undefined when the container was given a role, which the user then owns.
 */
export function generatedExecutionRole(container: batch.IEcsContainerDefinition): IConstruct | undefined {
  const role = container.executionRole;
  return role.node.scope === container && role.node.id === 'ExecutionRole' ? role : undefined;
}
