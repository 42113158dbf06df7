import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validateQuota } from '../../validation';

/**
 * LIM-1 within one stack (the quota is per region and account, so this is a lower bound): the
 * n-th resource of a kind reports when n is over the limit, so only the excess ones are named.
 */
export function checkStackQuota(resource: cdk.CfnResource, field: string, kind: string, limit: number): void {
  const sameKind = cdk.Stack.of(resource).node.findAll()
    .filter((node: IConstruct) => cdk.CfnResource.isCfnResource(node) && node.cfnResourceType === resource.cfnResourceType);
  validateQuota(field, kind, sameKind.indexOf(resource) + 1, limit);
}
