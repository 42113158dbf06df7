import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { INSTANCE_TYPE_BUNDLES } from '../../validation';

/** What LIM-3 needs to know about one compute environment of a queue. */
export interface ComputeEnvironmentFacts {
  readonly name: string;
  /** EC2, SPOT, FARGATE, FARGATE_SPOT or UNMANAGED. */
  readonly type: string;
  /** Distinct architectures of its instance types; empty when unknown. */
  readonly architectures: string[];
}

/**
 * Reads type and instance types from the compute environment's CloudFormation resource, so it
 * works for this library's CEs and for plain aws-cdk-lib ones alike. Imported CEs (no resource
 * in this app) and unresolved values give `undefined`: nothing can be judged at synth time.
 */
export function computeEnvironmentFacts(ce: unknown): ComputeEnvironmentFacts | undefined {
  const cfn = cfnComputeEnvironmentOf(ce);
  if (!cfn) {
    return undefined;
  }
  const stack = cdk.Stack.of(cfn);
  const name = cfn.node.scope?.node.path ?? cfn.node.path;
  const type = stack.resolve(cfn.type);
  if (typeof type === 'string' && type.toLowerCase() === 'unmanaged') {
    return { name, type: 'UNMANAGED', architectures: [] };
  }
  const resources = stack.resolve(cfn.computeResources) as { type?: unknown; instanceTypes?: unknown } | undefined;
  if (!resources || typeof resources.type !== 'string') {
    return undefined;
  }
  const instanceTypes = Array.isArray(resources.instanceTypes) ? resources.instanceTypes : [];
  const architectures = new Set<string>();
  for (const instanceType of instanceTypes) {
    const architecture = typeof instanceType === 'string' ? architectureOf(instanceType) : undefined;
    if (architecture) {
      architectures.add(architecture);
    }
  }
  return { name, type: resources.type, architectures: [...architectures] };
}

/** `optimal` and `default_*` keywords, sizes (`c5.large`) and families (`c6g`). */
export function architectureOf(instanceType: string): string | undefined {
  const bundle = INSTANCE_TYPE_BUNDLES.get(instanceType);
  if (bundle) {
    return bundle;
  }
  try {
    const size = instanceType.includes('.') ? instanceType : `${instanceType}.large`;
    return new ec2.InstanceType(size).architecture === ec2.InstanceArchitecture.ARM_64 ? 'arm64' : 'x86_64';
  } catch {
    return undefined;
  }
}

function cfnComputeEnvironmentOf(ce: unknown): batch.CfnComputeEnvironment | undefined {
  if (ce instanceof batch.CfnComputeEnvironment) {
    return ce;
  }
  const child = (ce as IConstruct | undefined)?.node?.defaultChild;
  return child instanceof batch.CfnComputeEnvironment ? child : undefined;
}
