import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { newStack, synthError, unacknowledgedFindings } from './test-stack';
import { BatchContainerJobDefinition, BatchJobRole } from '../../src/constructs';

describe('BatchContainerJobDefinition', () => {
  test('PARAM-1: every field of the guide\'s job-definition template renders', () => {
    // GIVEN
    const stack = newStack();
    const jobRole = new BatchJobRole(stack, 'JobRole');

    // WHEN
    new BatchContainerJobDefinition(stack, 'Jd', {
      jobDefinitionName: 'full',
      command: ['run', 'Ref::input'],
      parameters: { input: 'a.txt' },
      cpu: 2,
      memory: cdk.Size.mebibytes(4096),
      gpu: 1,
      environment: { MODE: 'fast' },
      jobRole,
      volumes: [batch.EcsVolume.host({ name: 'scratch', hostPath: '/scratch', containerPath: '/data', readonly: true })],
      privileged: true,
      readonlyRootFilesystem: true,
      user: '1000',
      ulimits: [{ name: batch.UlimitName.NOFILE, hardLimit: 4096, softLimit: 1024 }],
      efa: true,
      retryAttempts: 3,
      retryStrategies: [batch.RetryStrategy.of(batch.Action.EXIT, batch.Reason.CANNOT_PULL_CONTAINER)],
      timeout: cdk.Duration.hours(1),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      JobDefinitionName: 'full',
      Type: 'container',
      Parameters: { input: 'a.txt' },
      RetryStrategy: { Attempts: 3, EvaluateOnExit: [{ Action: 'EXIT', OnReason: 'CannotPullContainerError:*' }] },
      Timeout: { AttemptDurationSeconds: 3600 },
      ContainerProperties: Match.objectLike({
        Command: ['run', 'Ref::input'],
        JobRoleArn: Match.anyValue(),
        Privileged: true,
        ReadonlyRootFilesystem: true,
        User: '1000',
        Ulimits: [{ Name: 'nofile', HardLimit: 4096, SoftLimit: 1024 }],
        Volumes: [{ Name: 'scratch', Host: { SourcePath: '/scratch' } }],
        MountPoints: [{ SourceVolume: 'scratch', ContainerPath: '/data', ReadOnly: true }],
        ResourceRequirements: Match.arrayWith([{ Type: 'GPU', Value: '1' }]),
        LinuxParameters: Match.objectLike({
          Devices: [{ HostPath: '/dev/infiniband/uverbs0', ContainerPath: '/dev/infiniband/uverbs0', Permissions: ['READ', 'WRITE', 'MKNOD'] }],
        }),
      }),
    });
  });

  test('CE-6: device permissions use the Batch API\'s upper case (aws-cdk-lib renders ECS\'s lower case)', () => {
    // GIVEN
    const stack = newStack();
    const linuxParameters = new batch.LinuxParameters(stack, 'Lp');
    linuxParameters.addDevices({ hostPath: '/dev/fuse', permissions: [batch.DevicePermission.READ] });

    // WHEN
    new BatchContainerJobDefinition(stack, 'Jd', { command: ['true'], linuxParameters });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      ContainerProperties: Match.objectLike({ LinuxParameters: Match.objectLike({ Devices: [{ HostPath: '/dev/fuse', Permissions: ['READ'] }] }) }),
    });
  });

  test('LIM-10: retry attempts above 10 are rejected with the path, the value and the limit', () => {
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], retryAttempts: 11 }))
      .toThrow(/^TestStack\/Jd: retryStrategy\.attempts: 11 is invalid: an integer 1\.\.10 \(LIM-10\)/);
  });

  test('LIM-10: a timeout under 60 seconds is rejected', () => {
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], timeout: cdk.Duration.seconds(30) }))
      .toThrow(/timeout\.attemptDurationSeconds: 30 is invalid: an integer >= 60 \(seconds\) \(LIM-10\)/);
  });

  test('LIM-10: more than 5 evaluateOnExit conditions are rejected', () => {
    const six = Array.from({ length: 6 }, (_, index) => batch.RetryStrategy.of(batch.Action.RETRY, batch.Reason.custom({ onExitCode: `${index}` })));
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], retryAttempts: 2, retryStrategies: six }))
      .toThrow(/retryStrategy\.evaluateOnExit: 6 is invalid: at most 5 conditions \(LIM-10\)/);
  });

  test('LIM-10: an exit-code pattern with * in the middle is rejected', () => {
    const bad = batch.RetryStrategy.of(batch.Action.RETRY, batch.Reason.custom({ onExitCode: '1*3' }));
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], retryAttempts: 2, retryStrategies: [bad] }))
      .toThrow(/onExitCode: "1\*3" is invalid.*LIM-10/);
  });

  test('LIM-11: environment variables starting with AWS_BATCH are rejected', () => {
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], environment: { OK: '1', AWS_BATCH_JOB_ID: 'x' } }))
      .toThrow(/containerProperties\.environment\[1\]\.name: "AWS_BATCH_JOB_ID" is invalid: must not start with AWS_BATCH.*LIM-11/);
  });

  test('LIM-9: memory under 4 MiB and a fractional vCPU on EC2 are rejected', () => {
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], memory: cdk.Size.mebibytes(2) }))
      .toThrow(/LIM-9/);
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd2', { command: ['true'], cpu: 0.5 }))
      .toThrow(/LIM-9/);
  });

  test('LIM-8: an invalid job definition name and an invalid image are rejected', () => {
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['true'], jobDefinitionName: 'my job' }))
      .toThrow(/jobDefinitionName: "my job" is invalid.*LIM-8/);
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', {
      command: ['true'], image: cdk.aws_ecs.ContainerImage.fromRegistry('repo@sha256:abc'),
    })).toThrow(/containerProperties\.image.*LIM-8/);
  });

  test('LIM-5: a job definition over 24 KiB is rejected', () => {
    const big = 'x'.repeat(25 * 1024);
    expect(() => new BatchContainerJobDefinition(newStack(), 'Jd', { command: ['echo', big] }))
      .toThrow(/jobDefinition: \d+ is invalid: at most 24576 bytes of JSON \(24 KiB\) \(LIM-5\)/);
  });

  test('LIM-5: growth after construction (tags) is caught at synth', () => {
    // GIVEN
    const stack = newStack();
    const jd = new BatchContainerJobDefinition(stack, 'Jd', { command: ['echo', 'x'.repeat(23 * 1024)] });

    // WHEN
    cdk.Tags.of(jd).add('note', 'y'.repeat(2 * 1024));

    // THEN
    expect(synthError(stack)).toMatch(/\[TestStack\/Jd\] jobDefinition: \d+ is invalid.*LIM-5/);
  });

  test('IAM-4: grantSubmitJob covers every revision (aws-cdk#33862)', () => {
    // GIVEN
    const stack = newStack();
    const jd = new BatchContainerJobDefinition(stack, 'Jd', { command: ['true'], jobDefinitionName: 'named' });
    const queue = batch.JobQueue.fromJobQueueArn(stack, 'Q', 'arn:aws:batch:us-east-1:123456789012:job-queue/q');
    const user = new iam.User(stack, 'User');

    // WHEN
    jd.grantSubmitJob(user, queue);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({
          Action: 'batch:SubmitJob',
          Resource: [
            { 'Fn::Join': [':', Match.arrayWith(['*'])] },
            'arn:aws:batch:us-east-1:123456789012:job-queue/q',
          ],
        })],
      }),
    });
  });

  test('LOG-1: the default execution role\'s /aws/batch/job:* wildcard is acknowledged by the construct', () => {
    // GIVEN a stack with a concrete account and region, and one without
    const concrete = newStack();
    const agnostic = new cdk.Stack(new cdk.App(), 'Agnostic');

    // WHEN
    new BatchContainerJobDefinition(concrete, 'Jd', { command: ['true'] });
    new BatchContainerJobDefinition(agnostic, 'Jd', { command: ['true'] });

    // THEN both are clean under AwsSolutions and BatchChecks
    expect(unacknowledgedFindings(concrete)).toEqual([]);
    expect(unacknowledgedFindings(agnostic)).toEqual([]);
  });

  test('LOG-1: a user-supplied execution role is not acknowledged: its wildcard is still reported', () => {
    // GIVEN the user's own execution role with the same log wildcard
    const stack = newStack();
    const executionRole = new iam.Role(stack, 'MyExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    executionRole.addToPolicy(new iam.PolicyStatement({
      actions: ['logs:PutLogEvents'],
      resources: [cdk.Stack.of(stack).formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws/batch/job:*', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME })],
    }));

    // WHEN
    new BatchContainerJobDefinition(stack, 'Jd', { command: ['true'], executionRole });

    // THEN
    expect(unacknowledgedFindings(stack)).toEqual([
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:us-east-1:123456789012:log-group:/aws/batch/job:*] TestStack/MyExecutionRole/DefaultPolicy/Resource',
    ]);
  });
});
