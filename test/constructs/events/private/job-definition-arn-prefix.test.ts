import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import { jobDefinitionArnPrefix } from '../../../../src/constructs/events/private/job-definition-arn-prefix';

describe('jobDefinitionArnPrefix', () => {
  test('EVT-3: an imported definition gives the literal ARN up to and including "name:"', () => {
    // GIVEN a job definition imported by its revisioned ARN
    const stack = new cdk.Stack(new cdk.App(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
    const jobDefinition = batch.EcsJobDefinition.fromJobDefinitionArn(
      stack,
      'Imported',
      'arn:aws:batch:eu-west-1:123456789012:job-definition/nightly-report:7',
    );

    // WHEN
    const prefix = stack.resolve(jobDefinitionArnPrefix(jobDefinition));

    // THEN every revision of nightly-report matches, nightly-report2 does not
    expect(prefix).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':batch:eu-west-1:123456789012:job-definition/nightly-report:']],
    });
  });
});
