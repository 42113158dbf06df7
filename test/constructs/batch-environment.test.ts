import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { newStack, synthError, unacknowledgedFindings } from './test-stack';
import { BatchEnvironment, BatchServiceRole, BatchVpcEgress } from '../../src/constructs';
import { BatchJobStatus } from '../../src/constructs/events';
import { BatchChecks } from '../../src/nag';

function synth(build: (stack: cdk.Stack) => void): Template {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
  build(stack);
  return Template.fromStack(stack);
}

describe('BatchEnvironment defaults', () => {
  test('NET-1: creates a VPC with 2 AZs, public and private subnets and one NAT gateway', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch'));

    // THEN
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: true });
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('NET-1: the security group has no inbound rules', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch'));

    // THEN
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('CE-1: a managed EC2 compute environment in the private subnets with 256 max vCPUs and optimal types', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch'));

    // THEN
    const privateSubnets = Object.keys(template.findResources('AWS::EC2::Subnet', {
      Properties: { MapPublicIpOnLaunch: false },
    }));
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      Type: 'managed',
      ComputeResources: Match.objectLike({
        Type: 'EC2',
        MaxvCpus: 256,
        InstanceTypes: ['optimal'],
        Subnets: Match.arrayWith(privateSubnets.map((id) => ({ Ref: id }))),
      }),
    });
  });

  test('LIM-2: one job queue that uses the compute environment', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch', { jobQueueName: 'my-queue' }));

    // THEN
    template.hasResourceProperties('AWS::Batch::JobQueue', {
      JobQueueName: 'my-queue',
      ComputeEnvironmentOrder: [{ ComputeEnvironment: Match.anyValue(), Order: 1 }],
    });
  });

  test('CE-1: given props are used instead of the defaults', () => {
    // GIVEN
    const template = synth((stack) => {
      const vpc = new ec2.Vpc(stack, 'MyVpc', { maxAzs: 3 });
      // WHEN
      new BatchEnvironment(stack, 'Batch', {
        vpc,
        maxvCpus: 16,
        instanceTypes: [new ec2.InstanceType('c5.large')],
        computeEnvironmentName: 'my-ce',
      });
    });

    // THEN
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeEnvironmentName: 'my-ce',
      ComputeResources: Match.objectLike({ MaxvCpus: 16, InstanceTypes: ['c5.large'] }),
    });
  });
});

describe('BatchEnvironment.addJobDefinition', () => {
  test('PARAM-1: a container job definition with defaults and Ref:: parameters', () => {
    // GIVEN
    const template = synth((stack) => {
      const env = new BatchEnvironment(stack, 'Batch');
      // WHEN
      env.addJobDefinition('Echo', {
        command: ['echo', 'Ref::message'],
        parameters: { message: 'hello' },
        environment: { GREETING: 'hi' },
        jobDefinitionName: 'echo',
        timeout: cdk.Duration.minutes(5),
      });
    });

    // THEN
    template.hasResourceProperties('AWS::Batch::JobDefinition', {
      Type: 'container',
      JobDefinitionName: 'echo',
      Parameters: { message: 'hello' },
      RetryStrategy: { Attempts: 1 },
      Timeout: { AttemptDurationSeconds: 300 },
      ContainerProperties: Match.objectLike({
        Image: 'public.ecr.aws/amazonlinux/amazonlinux:latest',
        Command: ['echo', 'Ref::message'],
        Environment: [{ Name: 'GREETING', Value: 'hi' }],
        ResourceRequirements: Match.arrayWith([
          { Type: 'MEMORY', Value: '2048' },
          { Type: 'VCPU', Value: '1' },
        ]),
      }),
    });
  });
});

describe('BatchEnvironment with several compute environments and queues', () => {
  test('SCHED-2: on-demand + Spot shared by a high- and a low-priority queue', () => {
    // GIVEN
    const app = new cdk.App();
    const stack = new cdk.Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
    const env = new BatchEnvironment(stack, 'Batch', { jobQueueName: 'high', jobQueuePriority: 10, spot: { maxvCpus: 512 } });

    // WHEN
    env.addQueue('Low', {
      jobQueueName: 'low',
      priority: 1,
      computeEnvironments: [
        { computeEnvironment: env.spotComputeEnvironment!.computeEnvironment, order: 1 },
        { computeEnvironment: env.computeEnvironment, order: 2 },
      ],
    });

    // THEN
    const template = Template.fromStack(stack);
    const onDemand = { 'Fn::GetAtt': [stack.getLogicalId(env.onDemandComputeEnvironment.cfnComputeEnvironment), 'ComputeEnvironmentArn'] };
    const spot = { 'Fn::GetAtt': [stack.getLogicalId(env.spotComputeEnvironment!.cfnComputeEnvironment), 'ComputeEnvironmentArn'] };
    template.hasResourceProperties('AWS::Batch::JobQueue', {
      JobQueueName: 'high',
      Priority: 10,
      ComputeEnvironmentOrder: [{ ComputeEnvironment: onDemand, Order: 1 }, { ComputeEnvironment: spot, Order: 2 }],
    });
    template.hasResourceProperties('AWS::Batch::JobQueue', {
      JobQueueName: 'low',
      Priority: 1,
      ComputeEnvironmentOrder: [{ ComputeEnvironment: spot, Order: 1 }, { ComputeEnvironment: onDemand, Order: 2 }],
    });
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', { ComputeResources: Match.objectLike({ Type: 'SPOT', MaxvCpus: 512 }) });
    expect(env.computeEnvironments).toHaveLength(2);
    expect(env.jobQueues).toHaveLength(2);
    expect(synthError(stack)).toBe('');
  });

  test('SCHED-3: the default queue can stay on On-Demand capacity', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch', { spot: {}, defaultQueueUsesSpot: false }));

    // THEN
    template.hasResourceProperties('AWS::Batch::JobQueue', { ComputeEnvironmentOrder: [Match.objectLike({ Order: 1 })] });
  });

  test('LIM-2: addQueue with four compute environments fails at synth', () => {
    // GIVEN
    const app = new cdk.App();
    const stack = new cdk.Stack(app, 'TestStack');
    const env = new BatchEnvironment(stack, 'Batch', { spot: {} });

    // WHEN
    env.addComputeEnvironment('Third');
    env.addComputeEnvironment('Fourth');
    env.addQueue('All');

    // THEN
    expect(synthError(stack)).toMatch(/\[TestStack\/Batch\/All\] computeEnvironmentOrder: 4 is invalid: 1\.\.3 compute environments \(LIM-2\)/);
  });

  test('IAM-1: one created service role is shared by every compute environment', () => {
    // GIVEN / WHEN
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch', { serviceRole: BatchServiceRole.create(), spot: {} }));

    // THEN
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'batch.amazonaws.com' } })] }) },
    });
    expect(Object.keys(roles)).toHaveLength(1);
    const [roleId] = Object.keys(roles);
    expect(Object.values(template.findResources('AWS::Batch::ComputeEnvironment')).map((ce) => ce.Properties.ServiceRole))
      .toEqual([{ 'Fn::GetAtt': [roleId, 'Arn'] }, { 'Fn::GetAtt': [roleId, 'Arn'] }]);
  });

  test('NET-1: the NAT-less variant through vpcProps', () => {
    const template = synth((stack) => new BatchEnvironment(stack, 'Batch', { vpcProps: { egress: BatchVpcEgress.VPC_ENDPOINTS } }));
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 7);
  });

  test('CE-1: the on-demand options may not ask for Spot', () => {
    const stack = new cdk.Stack(new cdk.App(), 'TestStack');
    expect(() => new BatchEnvironment(stack, 'Batch', { onDemand: { spot: true } })).toThrow(/onDemand\.spot is invalid: true/);
  });

  test('IAM-4: grantSubmitJob covers all revisions of the job definitions and the queues', () => {
    // GIVEN
    const template = synth((stack) => {
      const env = new BatchEnvironment(stack, 'Batch');
      env.addJobDefinition('Echo', { command: ['echo'], jobDefinitionName: 'echo' });
      env.addMultiNodeJobDefinition('Mnp', {
        numNodes: 2,
        jobDefinitionName: 'mnp',
        nodeRanges: [{
          container: new batch.EcsEc2ContainerDefinition(env, 'MnpContainer', {
            image: cdk.aws_ecs.ContainerImage.fromRegistry('busybox'), cpu: 1, memory: cdk.Size.mebibytes(512),
          }),
        }],
      });
      // WHEN
      env.grantSubmitJob(new iam.User(stack, 'Submitter'));
    });

    // THEN
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({
          Action: 'batch:SubmitJob',
          Resource: [
            { 'Fn::Join': [':', Match.arrayWith(['*'])] },
            { 'Fn::Join': [':', Match.arrayWith(['*'])] },
            { 'Fn::GetAtt': [Match.stringLikeRegexp('BatchJobQueue'), 'JobQueueArn'] },
          ],
        })],
      }),
    });
  });
});

describe('BatchEnvironment.onJobStateChange', () => {
  test('EVT-1: a rule for FAILED jobs of the environment\'s queues', () => {
    // GIVEN / WHEN
    const template = synth((stack) => {
      const env = new BatchEnvironment(stack, 'Batch');
      env.onJobStateChange('Failed', { statuses: [BatchJobStatus.FAILED] });
    });

    // THEN
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.batch'],
        'detail-type': ['Batch Job State Change'],
        'detail': { status: ['FAILED'], jobQueue: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('BatchJobQueue'), 'JobQueueArn'] }] },
      },
    });
  });
});

describe('BatchEnvironment for organizations', () => {
  test('CE-1: synthesis is deterministic (two synths are byte-identical)', () => {
    const build = () => JSON.stringify(synth((stack) => {
      const env = new BatchEnvironment(stack, 'Batch', { spot: {} });
      env.addJobDefinition('Job', { command: ['echo'] });
    }).toJSON());
    expect(build()).toBe(build());
  });

  test('IAM-2: tags and a permissions boundary applied to the scope reach every role and compute environment', () => {
    // GIVEN
    const template = synth((stack) => {
      const env = new BatchEnvironment(stack, 'Batch', { spot: {} });
      env.addJobDefinition('Job', { command: ['echo'] });
      // WHEN an organization applies its defaults to everything under the stack
      cdk.Tags.of(stack).add('cost-center', 'research');
      iam.PermissionsBoundary.of(stack).apply(iam.ManagedPolicy.fromManagedPolicyName(stack, 'Boundary', 'org-boundary'));
    });

    // THEN
    const roles = Object.values(template.findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(3);
    for (const role of roles) {
      expect(role.Properties.PermissionsBoundary).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:policy/org-boundary']] });
      expect(role.Properties.Tags).toContainEqual({ Key: 'cost-center', Value: 'research' });
    }
    for (const ce of Object.values(template.findResources('AWS::Batch::ComputeEnvironment'))) {
      expect(ce.Properties.ComputeResources.Tags).toEqual({ 'cost-center': 'research' });
    }
  });
});

describe('BatchEnvironment under cdk-nag (AwsSolutions and BatchChecks)', () => {
  /** Synthesizes the stack's app with both packs as validation plugins: throws on any unacknowledged finding. */
  function synthWithBothPacks(stack: cdk.Stack): void {
    const app = cdk.App.of(stack)!;
    cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new BatchChecks(app));
    app.synth();
  }

  test('IAM-2: `new BatchEnvironment(stack, \'Batch\')` synthesizes clean with no acknowledgment by the user', () => {
    // GIVEN defaults only
    const stack = newStack();
    new BatchEnvironment(stack, 'Batch');

    // WHEN / THEN
    expect(unacknowledgedFindings(stack)).toEqual([]);
    expect(() => synthWithBothPacks(stack)).not.toThrow();
  });

  test('IAM-2, IAM-3, LOG-1: more queues, a Spot CE, container and multi-node job definitions and a state-change rule stay clean', () => {
    // GIVEN every default construct the environment offers
    const stack = newStack();
    const environment = new BatchEnvironment(stack, 'Batch', { spot: {} });
    environment.addQueue('LowPriority', { priority: 0 });
    environment.addJobDefinition('Hello', { command: ['echo', 'hello'] });
    const node = new batch.EcsEc2ContainerDefinition(stack, 'Node', {
      image: ecs.ContainerImage.fromRegistry('busybox'),
      cpu: 1,
      memory: cdk.Size.mebibytes(1024),
    });
    environment.addMultiNodeJobDefinition('Mpi', { numNodes: 2, nodeRanges: [{ container: node }] });
    environment.onJobStateChange('Failed', { statuses: [BatchJobStatus.FAILED] });

    // WHEN / THEN
    expect(unacknowledgedFindings(stack)).toEqual([]);
    expect(() => synthWithBothPacks(stack)).not.toThrow();
  });

  test('IAM-2: a user-supplied instance role for the on-demand CE is still reported (no blanket acknowledgment)', () => {
    // GIVEN
    const stack = newStack();
    const instanceRole = new iam.Role(stack, 'MyInstanceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2ContainerServiceforEC2Role')],
    });
    new BatchEnvironment(stack, 'Batch', { onDemand: { instanceRole } });

    // WHEN / THEN
    expect(unacknowledgedFindings(stack)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role] TestStack/MyInstanceRole/Resource',
    ]);
    expect(() => synthWithBothPacks(stack)).toThrow(/AwsSolutions-IAM4/);
  });
});
