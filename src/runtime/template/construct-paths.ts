import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * Logical id -> construct path of the stack's CloudFormation resources. A template synthesized by the
 * CDK CLI carries the path as `Metadata['aws:cdk:path']`; an App created in a test or script does not
 * (path metadata is the CLI's default, not the App's), so a runtime built from a stack reads the tree.
 */
export function constructPathsOf(stack: Stack): Map<string, string> {
  const paths = new Map<string, string>();
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct) || Stack.of(construct) !== stack) continue;
    paths.set(stack.resolve(construct.logicalId), construct.node.path);
  }
  return paths;
}
