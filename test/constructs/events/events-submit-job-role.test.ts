import { Match, Template } from 'aws-cdk-lib/assertions';
import { batchFixture } from './events-fixtures';
import { EventsSubmitJobRole } from '../../../src/constructs/events';

describe('EventsSubmitJobRole', () => {
  test('EVT-5: trusts events.amazonaws.com and allows batch:SubmitJob on the queue and job definition only', () => {
    // GIVEN
    const { stack, jobQueue, jobDefinition } = batchFixture();

    // WHEN
    new EventsSubmitJobRole(stack, 'EventsRole', { jobQueues: [jobQueue, jobQueue], jobDefinitions: [jobDefinition] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } }],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^EventsRole') }],
      PolicyDocument: {
        Statement: [
          {
            Action: 'batch:SubmitJob',
            Effect: 'Allow',
            Resource: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'JobQueueArn'] }, { Ref: Match.stringLikeRegexp('^EchoParameters') }],
          },
        ],
      },
    });
  });

  test('IAM-4: without a queue the role is rejected, naming the field', () => {
    // GIVEN
    const { stack, jobDefinition } = batchFixture();

    // WHEN / THEN
    expect(() => new EventsSubmitJobRole(stack, 'EventsRole', { jobQueues: [], jobDefinitions: [jobDefinition] })).toThrow(
      /Test\/EventsRole: jobQueues: \[\] is invalid: at least one is required/,
    );
  });
});
