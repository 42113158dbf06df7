import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchComputeEnvironment, BatchComputeEnvironmentProps, BatchServiceRole, BatchVpc, BatchVpcEgress, UserDataPart } from '../../../src/constructs';
import { newStack, synthError, unacknowledgedFindings } from '../test-stack';

function build(props: Partial<BatchComputeEnvironmentProps> = {}, stack = newStack()) {
  const vpc = props.vpc ?? new BatchVpc(stack, 'Vpc', { flowLogs: false });
  const ce = new BatchComputeEnvironment(stack, 'Ce', { ...props, vpc });
  return { stack, ce };
}

describe('BatchComputeEnvironment: launch template', () => {
  test('CE-3: the compute environment pins the launch template version', () => {
    // GIVEN / WHEN
    const { stack, ce } = build();

    // THEN
    const ltId = stack.getLogicalId(ce.launchTemplate.node.defaultChild as cdk.CfnElement);
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({
        LaunchTemplate: { LaunchTemplateId: { Ref: ltId }, Version: { 'Fn::GetAtt': [ltId, 'LatestVersionNumber'] } },
      }),
    });
  });

  test('CE-3: the pinned version is visible on the L1 resource (for cdk-nag rules), not only as an override', () => {
    const { stack, ce } = build();
    const resources = stack.resolve(ce.cfnComputeEnvironment.computeResources);
    expect(resources.launchTemplate.version).toEqual({ 'Fn::GetAtt': [expect.any(String), 'LatestVersionNumber'] });
  });

  test('CE-3: a template imported by name is referenced by name, with the given version', () => {
    // GIVEN
    const stack = newStack();
    const lt = ec2.LaunchTemplate.fromLaunchTemplateAttributes(stack, 'Imported', { launchTemplateName: 'my-template', versionNumber: '7' });

    // WHEN
    build({ launchTemplate: lt }, stack);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ LaunchTemplate: { LaunchTemplateName: 'my-template', Version: '7' } }),
    });
  });

  test('LIM-13: a launch-template version that is not $Default, $Latest or a number is rejected at synth', () => {
    const { stack } = build({ launchTemplateVersion: 'newest' });
    expect(synthError(stack)).toMatch(/TestStack\/Ce.*computeResources\.launchTemplate\.version: "newest" is invalid.*LIM-13/s);
  });

  test('CE-4: userDataParts go into the default launch template', () => {
    const { stack } = build({ userDataParts: [UserDataPart.ecsReservedMemory(cdk.Size.mebibytes(64))] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({ UserData: { 'Fn::Base64': Match.stringLikeRegexp('ECS_RESERVED_MEMORY=64') } }),
    });
  });

  test('CE-4: userDataParts together with a launch template of your own is rejected', () => {
    const stack = newStack();
    const lt = new ec2.LaunchTemplate(stack, 'Lt');
    expect(() => build({ launchTemplate: lt, userDataParts: [UserDataPart.shellScript(['true'])] }, stack))
      .toThrow(/TestStack\/Ce: userDataParts: 1 is invalid: only with the default launch template \(CE-4\)/);
  });
});

describe('BatchComputeEnvironment: Spot', () => {
  test('IAM-3: a SPOT CE gets a Spot Fleet role with AmazonEC2SpotFleetTaggingRole', () => {
    // GIVEN / WHEN
    const { stack, ce } = build({ spot: true, allocationStrategy: batch.AllocationStrategy.BEST_FIT });

    // THEN
    const template = Template.fromStack(stack);
    const roleId = stack.getLogicalId(ce.spotFleetRole!.node.defaultChild as cdk.CfnElement);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'spotfleet.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole']] }],
    });
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ Type: 'SPOT', AllocationStrategy: 'BEST_FIT', SpotIamFleetRole: { 'Fn::GetAtt': [roleId, 'Arn'] } }),
    });
  });

  test('IAM-3: SPOT with the default strategy still gets the tagging role', () => {
    const { stack } = build({ spot: true });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ Type: 'SPOT', AllocationStrategy: 'SPOT_PRICE_CAPACITY_OPTIMIZED', SpotIamFleetRole: Match.anyValue() }),
    });
  });

  test('CE-1: an on-demand CE has no Spot Fleet role', () => {
    const { stack, ce } = build();
    expect(ce.spotFleetRole).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ Type: 'EC2', SpotIamFleetRole: Match.absent() }),
    });
  });

  test('LIM-13: bidPercentage on an on-demand CE is rejected', () => {
    expect(() => build({ spotBidPercentage: 50 })).toThrow(/computeResources\.bidPercentage: 50 is invalid: only for SPOT compute resources \(LIM-13\)/);
  });
});

describe('BatchComputeEnvironment: capacity and instance types', () => {
  test('SCHED-5: desiredvCpus and ec2KeyPair, which the L2 lacks, are rendered', () => {
    const { stack } = build({ minvCpus: 2, desiredvCpus: 4, maxvCpus: 16, ec2KeyPair: 'my-key' });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ MinvCpus: 2, DesiredvCpus: 4, MaxvCpus: 16, Ec2KeyPair: 'my-key' }),
    });
  });

  test('SCHED-5: desiredvCpus above maxvCpus is rejected with the path and the limit', () => {
    expect(() => build({ desiredvCpus: 32, maxvCpus: 16 }))
      .toThrow(/TestStack\/Ce: computeResources\.desiredvCpus: 32 is invalid: at most maxvCpus \(16\) \(SCHED-5\)/);
  });

  test('LIM-8: an invalid compute environment name is rejected', () => {
    expect(() => build({ computeEnvironmentName: 'my ce' })).toThrow(/TestStack\/Ce: computeEnvironmentName: "my ce" is invalid.*LIM-8/);
  });

  test('LIM-8: a token name is not judged at synth time', () => {
    expect(() => build({ computeEnvironmentName: cdk.Lazy.string({ produce: () => 'x y' }) })).not.toThrow();
  });

  test('LIM-3: instance types of two architectures in one CE are rejected at synth', () => {
    const { stack } = build({ instanceTypes: [new ec2.InstanceType('c5.large'), new ec2.InstanceType('c6g.large')] });
    expect(synthError(stack)).toMatch(/TestStack\/Ce.*share one architecture.*LIM-3/s);
  });

  test('LIM-3: instance types added later are checked too', () => {
    const { stack, ce } = build({ instanceTypes: [new ec2.InstanceType('m6g.large')] });
    ce.computeEnvironment.addInstanceType(new ec2.InstanceType('m5.large'));
    expect(synthError(stack)).toMatch(/LIM-3/);
  });

  test('LIM-15: classes, types and default classes render as Batch expects', () => {
    const { stack } = build({ instanceClasses: [ec2.InstanceClass.C5], instanceTypes: [new ec2.InstanceType('m5.2xlarge')] });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ InstanceTypes: ['m5.2xlarge', 'c5'] }),
    });
    const arm = build({ defaultInstanceClasses: [batch.DefaultInstanceClass.ARM64] });
    Template.fromStack(arm.stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ InstanceTypes: ['default_arm64'] }),
    });
  });

  test('CE-1: instance tags are rendered on the compute resources', () => {
    const { stack } = build({ instanceTags: { team: 'genomics' } });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ Tags: { team: 'genomics' } }),
    });
  });
});

describe('BatchComputeEnvironment: network and roles', () => {
  test('NET-1: a NAT-less BatchVpc puts the CE in its isolated subnets', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new BatchVpc(stack, 'Vpc', { egress: BatchVpcEgress.VPC_ENDPOINTS, flowLogs: false });

    // WHEN
    build({ vpc }, stack);

    // THEN
    const subnets = vpc.isolatedSubnets.map((subnet) => ({ Ref: stack.getLogicalId(subnet.node.defaultChild as cdk.CfnElement) }));
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ Subnets: subnets }),
    });
  });

  test('IAM-1: by default the service-linked role is used (no ServiceRole)', () => {
    const { stack } = build();
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ComputeEnvironment', { ServiceRole: Match.absent() });
  });

  test('IAM-1: a created service role carries AWSBatchServiceRole and is passed by full ARN', () => {
    // GIVEN / WHEN
    const { stack, ce } = build({ serviceRole: BatchServiceRole.create() });

    // THEN
    const roleId = stack.getLogicalId(ce.serviceRole!.node.defaultChild as cdk.CfnElement);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', { ServiceRole: { 'Fn::GetAtt': [roleId, 'Arn'] } });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'batch.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBatchServiceRole']] }],
    });
  });

  test('IAM-2: the instance role is wrapped in an instance profile given by ARN', () => {
    // GIVEN
    const stack = newStack();
    const role = new iam.Role(stack, 'MyInstanceRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });

    // WHEN
    build({ instanceRole: role }, stack);

    // THEN
    const template = Template.fromStack(stack);
    const [profileId] = Object.keys(template.findResources('AWS::IAM::InstanceProfile', {
      Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as cdk.CfnElement) }] },
    }));
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ InstanceRole: { 'Fn::GetAtt': [profileId, 'Arn'] } }),
    });
  });

  test('NET-1: the default security group has no inbound rules', () => {
    const { stack } = build();
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'AWS Batch compute environment instances (no inbound rules)',
      SecurityGroupIngress: Match.absent(),
    });
  });
});

describe('BatchComputeEnvironment: EFA', () => {
  test('CE-6: EFA adds a cluster placement group and all traffic within the security group', () => {
    // GIVEN / WHEN
    const { stack } = build({ efa: true, instanceTypes: [new ec2.InstanceType('c5n.18xlarge')] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::PlacementGroup', { Strategy: 'cluster' });
    template.hasResourceProperties('AWS::Batch::ComputeEnvironment', {
      ComputeResources: Match.objectLike({ PlacementGroup: Match.anyValue(), InstanceTypes: ['c5n.18xlarge'] }),
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { IpProtocol: '-1', SourceSecurityGroupId: Match.anyValue() });
    // Outbound to itself is covered by the group's allow-all egress.
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0', IpProtocol: '-1' })],
    });
  });

  test('CE-6: with a restricted security group, EFA adds the outbound rule to itself', () => {
    // GIVEN
    const stack = newStack();
    const vpc = new BatchVpc(stack, 'Vpc', { flowLogs: false });
    const group = new ec2.SecurityGroup(stack, 'Restricted', { vpc, allowAllOutbound: false });

    // WHEN
    build({ vpc, securityGroups: [group], efa: true, instanceTypes: [new ec2.InstanceType('p4d.24xlarge')] }, stack);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupEgress', { IpProtocol: '-1', DestinationSecurityGroupId: Match.anyValue() });
  });

  test('CE-6: EFA with optimal or instance families is rejected', () => {
    expect(() => build({ efa: true })).toThrow(/explicit EFA-capable instance sizes.*CE-6/);
    expect(() => build({ efa: true, instanceTypes: [new ec2.InstanceType('c5n.18xlarge')], instanceClasses: [ec2.InstanceClass.C5N] }))
      .toThrow(/CE-6/);
  });

  test('CE-6: a size missing from the known EFA list is a warning', () => {
    const { stack } = build({ efa: true, instanceTypes: [new ec2.InstanceType('c5.large')] });
    Annotations.fromStack(stack).hasWarning('/TestStack/Ce', Match.stringLikeRegexp('c5.large are not in the known EFA list'));
  });
});

describe('BatchComputeEnvironment: cdk-nag', () => {
  /** `build`, in the default BatchVpc (flow logs on, as a user's would be). */
  const buildWithFlowLogs = (props: Partial<BatchComputeEnvironmentProps> = {}, stack = newStack()) =>
    build({ vpc: new BatchVpc(stack, 'Vpc'), ...props }, stack);
  const IAM4_ECS = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role]';

  test('IAM-2: with defaults, no finding of AwsSolutions or BatchChecks is left for the user to acknowledge', () => {
    // GIVEN a compute environment with defaults and no acknowledgment written by the user
    const { stack } = buildWithFlowLogs();

    // WHEN
    const findings = unacknowledgedFindings(stack);

    // THEN
    expect(findings).toEqual([]);
  });

  test('IAM-2: the acknowledgment sits on the instance role aws-cdk-lib generated, with a reason', () => {
    // GIVEN / WHEN
    const { ce } = buildWithFlowLogs();

    // THEN
    const acknowledged = ce.computeEnvironment.instanceRole!.node.metadata
      .filter((entry) => entry.type === cdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((entry) => entry.data as Record<string, string>);
    expect(acknowledged).toHaveLength(1);
    const [id, reason] = Object.entries(acknowledged[0])[0];
    expect(id).toContain(IAM4_ECS);
    expect(reason).toMatch(/IAM-2/);
  });

  test('IAM-2: a user-supplied instance role is not acknowledged: its IAM4 finding is still reported', () => {
    // GIVEN the user's own role with the same managed policy
    const stack = newStack();
    const instanceRole = new iam.Role(stack, 'MyInstanceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2ContainerServiceforEC2Role')],
    });
    buildWithFlowLogs({ instanceRole }, stack);

    // WHEN
    const findings = unacknowledgedFindings(stack);

    // THEN
    expect(findings).toEqual([`${IAM4_ECS} TestStack/MyInstanceRole/Resource`]);
  });

  test('IAM-3: a Spot compute environment with defaults is clean under both packs too', () => {
    // GIVEN / WHEN
    const { stack } = buildWithFlowLogs({ spot: true });

    // THEN
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });

  test('IAM-3: a user-supplied Spot Fleet role is not acknowledged', () => {
    // GIVEN the user's own fleet role with the tagging policy
    const stack = newStack();
    const spotFleetRole = new iam.Role(stack, 'MyFleetRole', {
      assumedBy: new iam.ServicePrincipal('spotfleet.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2SpotFleetTaggingRole')],
    });
    buildWithFlowLogs({ spot: true, spotFleetRole }, stack);

    // WHEN / THEN
    expect(unacknowledgedFindings(stack)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole] TestStack/MyFleetRole/Resource',
    ]);
  });
});
