/**
 * An unmanaged compute environment (CE-2, SCHED-7): Batch creates the ECS cluster, you run the
 * instances. The cluster ARN is looked up after creation (as the guide does with
 * `describe-compute-environments`) and written into MIME multipart user data that registers
 * each instance (`ECS_CLUSTER=...` in /etc/ecs/ecs.config). A launch template with the ECS
 * AMI, the instance profile (IAM-2), IMDSv2 and encrypted volumes is ready for your instances
 * or Auto Scaling group. Clean under AwsSolutions and BatchChecks.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/unmanaged-compute-environment.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { BatchContainerJobDefinition, BatchJobQueue, BatchUnmanagedComputeEnvironment, BatchVpc } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

export class UnmanagedComputeEnvironmentStack extends cdk.Stack {
  public readonly computeEnvironment: BatchUnmanagedComputeEnvironment;
  public readonly launchTemplate: ec2.LaunchTemplate;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new BatchVpc(this, 'Vpc');
    this.computeEnvironment = new BatchUnmanagedComputeEnvironment(this, 'OwnInstances', {
      computeEnvironmentName: 'own-instances',
      unmanagedvCpus: 32,
    });
    const queue = new BatchJobQueue(this, 'Queue', {
      jobQueueName: 'own-instances',
      computeEnvironments: [{ computeEnvironment: this.computeEnvironment.computeEnvironment, order: 1 }],
    });

    const securityGroup = new ec2.SecurityGroup(this, 'InstanceSecurityGroup', {
      vpc,
      description: 'Self-managed ECS container instances (no inbound rules)',
    });
    // Launch instances from this template (console, CLI or an Auto Scaling group in the
    // private subnets); each registers with the compute environment's cluster on boot.
    this.launchTemplate = new ec2.LaunchTemplate(this, 'InstanceTemplate', {
      machineImage: ecs.EcsOptimizedImage.amazonLinux2(),
      instanceType: new ec2.InstanceType('m5.large'),
      instanceProfile: this.computeEnvironment.instanceRole.instanceProfile,
      userData: this.computeEnvironment.registrationUserData(),
      securityGroup,
      requireImdsv2: true,
      httpPutResponseHopLimit: 2,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(30, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) }],
    });

    new BatchContainerJobDefinition(this, 'Hello', {
      jobDefinitionName: 'hello-own-instances',
      command: ['echo', 'hello from my own instance'],
    });
    new cdk.CfnOutput(this, 'QueueArn', { value: queue.jobQueueArn });
    new cdk.CfnOutput(this, 'LaunchTemplateId', { value: this.launchTemplate.launchTemplateId! });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new UnmanagedComputeEnvironmentStack(app, 'UnmanagedComputeEnvironment');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
