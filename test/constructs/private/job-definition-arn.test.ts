import * as batch from 'aws-cdk-lib/aws-batch';
import { allRevisionsArn } from '../../../src/constructs/private/job-definition-arn';
import { newStack } from '../test-stack';

describe('allRevisionsArn', () => {
  test('IAM-4: a literal ARN with a revision gets :* instead', () => {
    const stack = newStack();
    const definition = batch.EcsJobDefinition.fromJobDefinitionArn(stack, 'Jd', 'arn:aws:batch:us-east-1:123456789012:job-definition/train:12');
    expect(allRevisionsArn(definition)).toBe('arn:aws:batch:us-east-1:123456789012:job-definition/train:*');
  });

  test('IAM-4: a literal ARN without a revision gets :* appended', () => {
    const stack = newStack();
    const definition = batch.EcsJobDefinition.fromJobDefinitionArn(stack, 'Jd', 'arn:aws:batch:us-east-1:123456789012:job-definition/train');
    expect(allRevisionsArn(definition)).toBe('arn:aws:batch:us-east-1:123456789012:job-definition/train:*');
  });
});
