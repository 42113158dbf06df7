import { Match, Template } from 'aws-cdk-lib/assertions';
import { BatchJobRole } from '../../../src/constructs';
import { newStack } from '../test-stack';

describe('BatchJobRole', () => {
  test('ENV-2: job roles are assumed by ECS tasks and start without permissions', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new BatchJobRole(stack, 'JobRole', { description: 'reads the input bucket' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      Description: 'reads the input bucket',
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ecs-tasks.amazonaws.com' } })] }),
      ManagedPolicyArns: Match.absent(),
    });
  });
});
