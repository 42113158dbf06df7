import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchPermissions } from '../../../src/constructs';
import { newStack } from '../test-stack';

/** `arn:${Partition}:batch:us-east-1:123456789012:<resource>` as the template renders it. */
function batchArn(resource: string) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:batch:us-east-1:123456789012:${resource}`]] };
}

describe('BatchPermissions', () => {
  test('IAM-4: read-only is Describe* and List*', () => {
    expect(newStack().resolve(BatchPermissions.readOnly().toStatementJson())).toEqual({
      Action: ['batch:Describe*', 'batch:List*'], Effect: 'Allow', Resource: '*',
    });
  });

  test('IAM-4: SubmitJob on a job-definition prefix names both resource types (all queues by default)', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const statement = BatchPermissions.submitJob(stack, { jobDefinitionNamePrefix: 'JobDefA_' });

    // THEN
    expect(stack.resolve(statement.toStatementJson())).toEqual({
      Action: 'batch:SubmitJob',
      Effect: 'Allow',
      Resource: [batchArn('job-definition/JobDefA_*'), batchArn('job-queue/*')],
    });
  });

  test('IAM-4: SubmitJob limited to a queue, any job definition', () => {
    const stack = newStack();
    const queue = batch.JobQueue.fromJobQueueArn(stack, 'Q', 'arn:aws:batch:us-east-1:123456789012:job-queue/queue1');
    expect(stack.resolve(BatchPermissions.submitJob(stack, { jobQueues: [queue] }).toStatementJson()).Resource)
      .toEqual([batchArn('job-definition/*'), 'arn:aws:batch:us-east-1:123456789012:job-queue/queue1']);
  });

  test('IAM-4: SubmitJob covers every revision of a job definition, even with a generated name (aws-cdk#33862)', () => {
    // GIVEN
    const stack = newStack();
    const definition = new batch.EcsJobDefinition(stack, 'Jd', {
      container: new batch.EcsEc2ContainerDefinition(stack, 'C', {
        image: cdk.aws_ecs.ContainerImage.fromRegistry('busybox'), cpu: 1, memory: cdk.Size.mebibytes(512),
      }),
    });
    const imported = batch.EcsJobDefinition.fromJobDefinitionArn(stack, 'Imp', 'arn:aws:batch:us-east-1:123456789012:job-definition/named:3');

    // WHEN
    const resources = stack.resolve(BatchPermissions.submitJob(stack, { jobDefinitions: [definition, imported] }).toStatementJson()).Resource;

    // THEN the generated one keeps the first six ARN fields and replaces the revision
    const split = { 'Fn::Split': [':', { Ref: stack.getLogicalId(definition.node.defaultChild as cdk.CfnElement) }] };
    expect(resources[0]).toEqual({
      'Fn::Join': [':', [0, 1, 2, 3, 4, 5].map((index) => ({ 'Fn::Select': [index, split] })).concat(['*'] as any)],
    });
    expect(resources[1]).toBe('arn:aws:batch:us-east-1:123456789012:job-definition/named:*');
  });

  test('IAM-4: RegisterJobDefinition limited by batch:User, batch:Image, batch:Privileged and a prefix', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const statements = BatchPermissions.registerJobDefinition(stack, {
      jobDefinitionNamePrefix: 'JobDefA_', users: ['nobody'], images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myImage'],
    });

    // THEN
    expect(statements.map((statement) => stack.resolve(statement.toStatementJson()))).toEqual([
      {
        Action: 'batch:RegisterJobDefinition',
        Effect: 'Allow',
        Resource: batchArn('job-definition/JobDefA_*'),
        Condition: {
          StringEquals: { 'batch:User': ['nobody'], 'batch:Image': ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myImage'] },
          Bool: { 'batch:Privileged': 'false' },
        },
      },
      { Action: 'batch:DeregisterJobDefinition', Effect: 'Allow', Resource: batchArn('job-definition/JobDefA_*') },
    ]);
  });

  test('IAM-4: allowing privileged containers drops the batch:Privileged condition', () => {
    const stack = newStack();
    const [register] = BatchPermissions.registerJobDefinition(stack, { jobDefinitionNamePrefix: 'x', allowPrivileged: true, allowDeregister: false });
    expect(stack.resolve(register.toStatementJson()).Condition).toBeUndefined();
  });

  test('IAM-4: iam:PassRole only to the named service', () => {
    // GIVEN
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::123456789012:role/MyBatchJobRole');

    // WHEN / THEN
    expect(stack.resolve(BatchPermissions.passRole([role], ['batch.amazonaws.com']).toStatementJson())).toEqual({
      Action: 'iam:PassRole',
      Effect: 'Allow',
      Resource: 'arn:aws:iam::123456789012:role/MyBatchJobRole',
      Condition: { StringEquals: { 'iam:PassedToService': ['batch.amazonaws.com'] } },
    });
    expect(() => BatchPermissions.passRole([], ['batch.amazonaws.com'])).toThrow(/at least one of each \(IAM-4\)/);
  });

  test('IAM-4: grants attach the statement to the principal', () => {
    // GIVEN
    const stack = newStack();
    const user = new iam.User(stack, 'User');

    // WHEN
    BatchPermissions.grantSubmitJob(stack, user, { jobDefinitionNamePrefix: 'A_' });
    BatchPermissions.grantReadOnly(user);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [
          Match.objectLike({ Action: 'batch:SubmitJob' }),
          Match.objectLike({ Action: ['batch:Describe*', 'batch:List*'] }),
        ],
      }),
    });
  });
});

describe('BatchPermissions share identifiers', () => {
  test('FS-3, IAM-4: shareIdentifiers adds a StringEquals batch:ShareIdentifier condition', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const statement = BatchPermissions.submitJob(stack, { jobDefinitionNamePrefix: 'JobDefA', shareIdentifiers: ['lowCpu'] });

    // THEN the user guide's "batch:ShareIdentifier condition key" policy
    expect(stack.resolve(statement.toStatementJson()).Condition).toEqual({ StringEquals: { 'batch:ShareIdentifier': ['lowCpu'] } });
  });

  test('FS-1, IAM-4: a prefix share identifier is matched with StringLike', () => {
    const stack = newStack();
    const statement = BatchPermissions.submitJob(stack, { shareIdentifiers: ['teamA', 'teamB*'] });
    expect(stack.resolve(statement.toStatementJson()).Condition).toEqual({ StringLike: { 'batch:ShareIdentifier': ['teamA', 'teamB*'] } });
  });

  test('FS-3: the grant carries the condition to the principal\'s policy', () => {
    // GIVEN
    const stack = newStack();
    const user = new iam.User(stack, 'User');

    // WHEN
    BatchPermissions.grantSubmitJob(stack, user, { jobDefinitionNamePrefix: 'A_', shareIdentifiers: ['teamA'] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Action: 'batch:SubmitJob', Condition: { StringEquals: { 'batch:ShareIdentifier': ['teamA'] } } })],
      }),
    });
  });

  test('FS-3: without shareIdentifiers there is no condition', () => {
    const stack = newStack();
    expect(stack.resolve(BatchPermissions.submitJob(stack, {}).toStatementJson()).Condition).toBeUndefined();
  });

  test.each([
    [[], /TestStack: shareIdentifiers: \[\] is invalid: at least one share identifier \(FS-3\)/],
    [['team-a'], /TestStack: shareIdentifiers\[0\]: "team-a" is invalid: .*\(FS-1\): character at index 4 "-" is not allowed/],
  ])('FS-1, FS-3: shareIdentifiers %p is rejected with the path, field, value and limit', (shareIdentifiers, message) => {
    const stack = newStack();
    expect(() => BatchPermissions.submitJob(stack, { shareIdentifiers })).toThrow(message);
  });
});
