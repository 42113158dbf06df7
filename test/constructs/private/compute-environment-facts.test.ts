import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { architectureOf, computeEnvironmentFacts } from '../../../src/constructs/private/compute-environment-facts';
import { newStack } from '../test-stack';

describe('compute environment facts', () => {
  test('LIM-15: keywords, sizes and families map to their architecture', () => {
    expect(architectureOf('optimal')).toBe('x86_64');
    expect(architectureOf('default_arm64')).toBe('arm64');
    expect(architectureOf('c6g.large')).toBe('arm64');
    expect(architectureOf('m5')).toBe('x86_64');
    expect(architectureOf('not an instance')).toBeUndefined();
  });

  test('LIM-3: read from a plain aws-cdk-lib compute environment', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const ce = new batch.ManagedEc2EcsComputeEnvironment(stack, 'Ce', {
      vpc, spot: true, instanceClasses: [ec2.InstanceClass.M6G], useOptimalInstanceClasses: false,
    });

    // WHEN / THEN
    expect(computeEnvironmentFacts(ce)).toEqual({ name: 'TestStack/Ce', type: 'SPOT', architectures: ['arm64'] });
    expect(computeEnvironmentFacts(new batch.UnmanagedComputeEnvironment(stack, 'Own'))).toEqual({ name: 'TestStack/Own', type: 'UNMANAGED', architectures: [] });
    expect(computeEnvironmentFacts(new batch.FargateComputeEnvironment(stack, 'Fg', { vpc }))?.type).toBe('FARGATE');
  });

  test('LIM-3: imported compute environments give nothing to judge', () => {
    const stack = newStack();
    expect(computeEnvironmentFacts(batch.ManagedEc2EcsComputeEnvironment.fromManagedEc2EcsComputeEnvironmentArn(stack, 'I',
      'arn:aws:batch:us-east-1:123456789012:compute-environment/x'))).toBeUndefined();
  });
});
