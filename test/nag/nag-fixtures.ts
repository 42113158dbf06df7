import * as cdk from 'aws-cdk-lib';
import { PolicyViolation } from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { IConstruct } from 'constructs';
import { BatchChecks } from '../../src/nag';

/**
 * Shared builders for the BatchChecks tests: small L1 stacks that show exactly the property a
 * rule reads, and a helper that runs the pack the way cdk-nag 3 documents for tests.
 */

export interface TestStack {
  readonly app: cdk.App;
  readonly stack: cdk.Stack;
}

export function newTestStack(): TestStack {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
  return { app, stack };
}

/** Runs BatchChecks over the app and returns every violation. */
export function batchViolations(scope: IConstruct): PolicyViolation[] {
  return [...new BatchChecks(scope).validateScope(scope).violations];
}

/** The construct paths a rule (`Batch-<id>`, with or without a finding suffix) reports. */
export function pathsFlaggedBy(scope: IConstruct, ruleId: string): string[] {
  return batchViolations(scope)
    .filter((violation) => violation.ruleName === `Batch-${ruleId}` || violation.ruleName.startsWith(`Batch-${ruleId}[`))
    .flatMap((violation) => violation.violatingResources.map((resource) => resource.constructPath ?? ''));
}

export interface ComputeEnvironmentOptions {
  readonly type?: 'EC2' | 'SPOT' | 'FARGATE' | 'FARGATE_SPOT';
  readonly instanceTypes?: string[];
  readonly subnets?: string[];
  readonly serviceRole?: string;
  readonly spotIamFleetRole?: string;
  readonly allocationStrategy?: string;
  readonly launchTemplate?: batch.CfnComputeEnvironment.LaunchTemplateSpecificationProperty;
}

/** A managed CE as an L1, in a subnet outside the stack so that NET-1 stays out of the way. */
export function computeEnvironment(
  scope: IConstruct,
  id: string,
  options: ComputeEnvironmentOptions = {},
): batch.CfnComputeEnvironment {
  const type = options.type ?? 'EC2';
  const onFargate = type === 'FARGATE' || type === 'FARGATE_SPOT';
  return new batch.CfnComputeEnvironment(scope, id, {
    type: 'MANAGED',
    serviceRole: options.serviceRole,
    computeResources: {
      type,
      maxvCpus: 16,
      subnets: options.subnets ?? ['subnet-0123456789abcdef0'],
      securityGroupIds: ['sg-0123456789abcdef0'],
      instanceTypes: onFargate ? undefined : (options.instanceTypes ?? ['optimal']),
      instanceRole: onFargate ? undefined : 'ecsInstanceRole',
      spotIamFleetRole: options.spotIamFleetRole,
      allocationStrategy: options.allocationStrategy,
      launchTemplate: options.launchTemplate,
    },
  });
}

/** A queue over `computeEnvironments`, ordered 1, 2, 3... unless `orders` says otherwise. */
export function jobQueue(
  scope: IConstruct,
  id: string,
  computeEnvironments: batch.CfnComputeEnvironment[],
  orders?: number[],
): batch.CfnJobQueue {
  return new batch.CfnJobQueue(scope, id, {
    priority: 1,
    computeEnvironmentOrder: computeEnvironments.map((ce, index) => ({
      computeEnvironment: ce.attrComputeEnvironmentArn,
      order: orders?.[index] ?? index + 1,
    })),
  });
}

/** A container job definition, asking for `gpus` GPUs when given. */
export function containerJobDefinition(scope: IConstruct, id: string, gpus?: number): batch.CfnJobDefinition {
  return new batch.CfnJobDefinition(scope, id, {
    type: 'container',
    containerProperties: {
      image: 'busybox',
      command: ['echo', 'hello'],
      resourceRequirements: [
        { type: 'VCPU', value: '1' },
        { type: 'MEMORY', value: '512' },
        ...(gpus === undefined ? [] : [{ type: 'GPU', value: String(gpus) }]),
      ],
    },
  });
}

/** A two-node multi-node parallel job definition. */
export function multiNodeJobDefinition(scope: IConstruct, id: string): batch.CfnJobDefinition {
  return new batch.CfnJobDefinition(scope, id, {
    type: 'multinode',
    nodeProperties: {
      numNodes: 2,
      mainNode: 0,
      nodeRangeProperties: [
        {
          targetNodes: '0:1',
          container: {
            image: 'busybox',
            resourceRequirements: [
              { type: 'VCPU', value: '1' },
              { type: 'MEMORY', value: '512' },
            ],
          },
        },
      ],
    },
  });
}
