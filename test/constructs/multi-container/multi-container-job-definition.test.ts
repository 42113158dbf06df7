import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';
import {
  BatchEnvironment,
  ContainerDependencyCondition,
  MultiContainerJobDefinition,
  TaskContainer,
  TaskPlatform,
} from '../../../src/constructs';
import { newStack, synthError, unacknowledgedFindings } from '../test-stack';

const BUSYBOX = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:latest');

/** The usual shape: an essential app that waits for a non-essential sidecar to start. */
function appAndSidecar(): TaskContainer[] {
  return [
    {
      name: 'app',
      image: BUSYBOX,
      command: ['sh', '-c', 'echo app'],
      environment: { ROLE: 'app' },
      cpu: 1,
      memory: cdk.Size.mebibytes(1024),
      dependsOn: [{ containerName: 'sidecar', condition: ContainerDependencyCondition.START }],
    },
    { name: 'sidecar', image: BUSYBOX, command: ['sleep', '3600'], essential: false, cpu: 1, memory: cdk.Size.mebibytes(1024) },
  ];
}

describe('MultiContainerJobDefinition', () => {
  test('PLAT-2: GIVEN an app and a sidecar WHEN synthesized THEN EcsProperties.TaskProperties[0].Containers carries names, dependsOn, essential, resources and the roles', () => {
    // GIVEN
    const stack = newStack();
    const taskRole = new iam.Role(stack, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });

    // WHEN
    new MultiContainerJobDefinition(stack, 'Task', { containers: appAndSidecar(), taskRole, retryAttempts: 3, timeout: cdk.Duration.minutes(5) });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::JobDefinition', {
      Type: 'container',
      PlatformCapabilities: ['EC2'],
      RetryStrategy: { Attempts: 3 },
      Timeout: { AttemptDurationSeconds: 300 },
      ContainerProperties: Match.absent(),
      EcsProperties: {
        TaskProperties: [{
          ExecutionRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskExecutionRole'), 'Arn'] },
          TaskRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskRole'), 'Arn'] },
          Containers: [
            Match.objectLike({
              Name: 'app',
              Image: 'public.ecr.aws/docker/library/busybox:latest',
              Command: ['sh', '-c', 'echo app'],
              Environment: [{ Name: 'ROLE', Value: 'app' }],
              DependsOn: [{ ContainerName: 'sidecar', Condition: 'START' }],
              ResourceRequirements: [{ Type: 'VCPU', Value: '1' }, { Type: 'MEMORY', Value: '1024' }],
              Essential: Match.absent(),
            }),
            Match.objectLike({ Name: 'sidecar', Essential: false }),
          ],
        }],
      },
    });
    expect(synthError(stack)).toBe('');
  });

  test('PLAT-2: GIVEN no container given an image WHEN synthesized THEN the default image is used, and addContainer adds after construction', () => {
    const stack = newStack();
    const definition = new MultiContainerJobDefinition(stack, 'Task');
    definition.addContainer({ name: 'only', cpu: 1, memory: cdk.Size.mebibytes(512) });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      EcsProperties: { TaskProperties: [Match.objectLike({ Containers: [Match.objectLike({ Name: 'only', Image: 'public.ecr.aws/amazonlinux/amazonlinux:latest' })] })] },
    });
  });

  test('PLAT-2: GIVEN the default execution role WHEN synthesized THEN ECS tasks assume it, it may write /aws/batch/job, and cdk-nag has nothing unacknowledged', () => {
    const stack = newStack();
    new MultiContainerJobDefinition(stack, 'Task', { containers: appAndSidecar() });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ecs-tasks.amazonaws.com' } })] }),
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':log-group:/aws/batch/job:\\*$')])] } })],
      }),
    });
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  test('PLAT-2: GIVEN a container secret WHEN synthesized THEN it is passed by ARN and the execution role may read it', () => {
    const stack = newStack();
    const secret = new secretsmanager.Secret(stack, 'Token');
    new MultiContainerJobDefinition(stack, 'Task', {
      containers: [{ ...appAndSidecar()[1], essential: true, secrets: { TOKEN: batch.Secret.fromSecretsManager(secret) } }],
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::JobDefinition', {
      EcsProperties: { TaskProperties: [Match.objectLike({ Containers: [Match.objectLike({ Secrets: [{ Name: 'TOKEN', ValueFrom: { Ref: Match.stringLikeRegexp('^Token') } }] })] })] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] })]) }),
    });
  });

  test('PLAT-2: GIVEN only non-essential containers WHEN constructed THEN the error names the path, the names and the limit', () => {
    const containers = appAndSidecar().map((container) => ({ ...container, dependsOn: undefined, essential: false }));
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', { containers }))
      .toThrow(/^TestStack\/Task: ecsProperties\.taskProperties\[0\]\.containers: \["app","sidecar"\] is invalid: at least one essential container.*\(PLAT-2\)/);
  });

  test('PLAT-2: GIVEN two containers with one name WHEN constructed THEN it is rejected', () => {
    const [app] = appAndSidecar();
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', { containers: [{ ...app, dependsOn: undefined }, { ...app, dependsOn: undefined }] }))
      .toThrow(/containers\[1\]\.name: "app" is invalid: a name unique within the task \(PLAT-2\)/);
  });

  test('PLAT-2: GIVEN dependsOn naming no container of the task WHEN constructed THEN the error lists the containers there are', () => {
    const [app, sidecar] = appAndSidecar();
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', {
      containers: [{ ...app, dependsOn: [{ containerName: 'proxy', condition: ContainerDependencyCondition.START }] }, sidecar],
    })).toThrow(/containers\[0\]\.dependsOn\[0\]\.containerName: "proxy" is invalid: another container of the task \(app, sidecar\) \(PLAT-2\)/);
  });

  test('PLAT-2: GIVEN a dependency cycle WHEN constructed THEN the cycle is named', () => {
    const [app, sidecar] = appAndSidecar();
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', {
      containers: [app, { ...sidecar, dependsOn: [{ containerName: 'app', condition: ContainerDependencyCondition.START }] }],
    })).toThrow(/"app -> sidecar -> app" is invalid: container dependencies without a cycle \(PLAT-2\)/);
  });

  test('PLAT-2: GIVEN SUCCESS on an essential container WHEN constructed THEN it is rejected', () => {
    const [app, sidecar] = appAndSidecar();
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', {
      containers: [{ ...app, dependsOn: [{ containerName: 'sidecar', condition: ContainerDependencyCondition.SUCCESS }] }, { ...sidecar, essential: true }],
    })).toThrow(/dependsOn\[0\]\.condition: "SUCCESS" is invalid: START on an essential container/);
  });

  test('PLAT-2: GIVEN 11 containers WHEN synthesized THEN the limit of 10 per task is reported', () => {
    const stack = newStack();
    const definition = new MultiContainerJobDefinition(stack, 'Task', { containers: [appAndSidecar()[1]].map((c) => ({ ...c, essential: true })) });
    for (let index = 1; index <= 10; index++) definition.addContainer({ name: `extra${index}`, essential: false });
    expect(synthError(stack)).toMatch(/\[TestStack\/Task\] ecsProperties\.taskProperties\[0\]\.containers: 11 is invalid: 1\.\.10 containers \(PLAT-2\)/);
  });

  test('PLAT-2: GIVEN no container reserving memory WHEN constructed THEN the task sums are reported', () => {
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', { containers: [{ name: 'app', cpu: 1 }] }))
      .toThrow(/\{"vcpus":1,"memory":0\} is invalid: VCPU and MEMORY resource requirements/);
  });

  test('LIM-11: GIVEN a reserved variable name in a container WHEN constructed THEN it is rejected with the container index', () => {
    const [app, sidecar] = appAndSidecar();
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', { containers: [app, { ...sidecar, environment: { AWS_BATCH_X: '1' } }] }))
      .toThrow(/containers\[1\]\.environment\[0\]\.name: "AWS_BATCH_X" is invalid.*LIM-11/);
  });

  test('LIM-9: GIVEN Fargate WHEN the containers sum to a size Fargate does not sell THEN the sum is reported with the allowed sizes', () => {
    const [app, sidecar] = appAndSidecar();
    expect(() => new MultiContainerJobDefinition(newStack(), 'Task', {
      platform: TaskPlatform.FARGATE,
      containers: [{ ...app, cpu: 0.5 }, { ...sidecar, cpu: 0.25 }],
    })).toThrow(/containers \(the sum of their resourceRequirements\)\[0\]\.value: "0\.75" is invalid: one of 0\.25, 0\.5, 1, 2, 4, 8, 16 \(Fargate VCPU\) \(LIM-9\)/);
  });

  test('LIM-9: GIVEN Fargate WHEN the containers sum to 1 vCPU and 2048 MiB THEN it synthesizes with FARGATE', () => {
    const stack = newStack();
    const [app, sidecar] = appAndSidecar();
    new MultiContainerJobDefinition(stack, 'Task', {
      platform: TaskPlatform.FARGATE,
      containers: [{ ...app, cpu: 0.5, memory: cdk.Size.mebibytes(1024) }, { ...sidecar, cpu: 0.5, memory: cdk.Size.mebibytes(1024) }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', { PlatformCapabilities: ['FARGATE'] });
    expect(synthError(stack)).toBe('');
  });

  test('IAM-4: GIVEN BatchEnvironment.addMultiContainerJobDefinition WHEN grantSubmitJob THEN every revision of it (its ARN with the revision replaced by *) may be submitted', () => {
    const stack = newStack();
    const environment = new BatchEnvironment(stack, 'Batch');
    environment.addMultiContainerJobDefinition('Task', { containers: appAndSidecar(), jobDefinitionName: 'sidecar-task' });
    const user = new iam.User(stack, 'Submitter');
    environment.grantSubmitJob(user);
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Users: [{ Ref: Match.stringLikeRegexp('^Submitter') }] } });
    expect(JSON.stringify(Object.values(policies))).toMatch(/"batch:SubmitJob".*\{"Ref":"BatchTask[0-9A-F]{8}"\}.*,"\*"\]\]\}/);
  });

  test('PLAT-2: GIVEN the synthesized stack WHEN a job runs through the local runtime THEN each container runs, the app after the sidecar started, and the job takes the app\'s exit code', async () => {
    // GIVEN
    const stack = newStack();
    const environment = new BatchEnvironment(stack, 'Batch', { jobQueueName: 'queue' });
    environment.addMultiContainerJobDefinition('Task', { containers: appAndSidecar(), jobDefinitionName: 'sidecar-task' });
    const started: string[] = [];
    const runtime = LocalBatchRuntime.fromStack(stack, {
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.custom({
          run: (context) => {
            started.push(context.command.join(' '));
            return context.command[0] === 'sleep' ? { exitCode: 0, duration: cdk.Duration.hours(1) } : { exitCode: 0, duration: cdk.Duration.seconds(5) };
          },
        }),
      }),
    });

    // WHEN
    const job = await runtime.waitForJob(runtime.submitJob({ jobName: 'task', jobQueue: 'queue', jobDefinition: 'sidecar-task' }).jobId);
    runtime.dispose();

    // THEN
    expect(job.status).toBe('SUCCEEDED');
    expect(started).toEqual(['sleep 3600', 'sh -c echo app']);
    expect(job.ecsProperties.taskProperties[0].containers.map((c: any) => [c.name, c.exitCode])).toEqual([['app', 0], ['sidecar', 143]]);
  });
});
