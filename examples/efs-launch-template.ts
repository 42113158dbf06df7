/**
 * EFS through a launch template (CE-4): the user guide's "mount an existing EFS file system"
 * example. The compute environment's launch template carries a MIME multipart user-data part
 * that installs amazon-efs-utils and mounts the file system at /mnt/efs with TLS; jobs see it
 * through a host volume. Clean under AwsSolutions and BatchChecks.
 *
 *   CDK_OUTDIR=cdk.out npx ts-node --project examples/tsconfig.json examples/efs-launch-template.ts
 */
import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { BatchEnvironment, BatchLaunchTemplate, BatchVpc, UserDataPart } from '../src/constructs';
import { addComplianceChecks, runWhenExecuted } from './shared/run-example';

export class EfsLaunchTemplateStack extends cdk.Stack {
  public readonly batch: BatchEnvironment;

  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new BatchVpc(this, 'Vpc');
    const fileSystem = new efs.FileSystem(this, 'Shared', {
      vpc,
      vpcSubnets: vpc.computeSubnets,
      encrypted: true,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });

    const launchTemplate = new BatchLaunchTemplate(this, 'EfsLaunchTemplate', {
      userDataParts: [
        UserDataPart.efsMount({ fileSystemId: fileSystem.fileSystemId, mountPoint: '/mnt/efs' }),
        // Keep memory back for the EFS client and the agent (SCHED-8).
        UserDataPart.ecsReservedMemory(cdk.Size.mebibytes(256)),
      ],
    });
    this.batch = new BatchEnvironment(this, 'Batch', {
      vpc,
      onDemand: { launchTemplate, instanceClasses: [ec2.InstanceClass.M5], maxvCpus: 32 },
    });
    // NFS from the instances only: the rule lives on the file system's group, not on theirs.
    fileSystem.connections.allowDefaultPortFrom(this.batch.securityGroup, 'AWS Batch instances mount /mnt/efs');

    this.batch.addJobDefinition('Count', {
      jobDefinitionName: 'count-shared-files',
      command: ['sh', '-c', 'ls /data | wc -l'],
      volumes: [batch.EcsVolume.host({ name: 'efs', hostPath: '/mnt/efs', containerPath: '/data' })],
    });
  }
}

export async function main(): Promise<void> {
  const app = new cdk.App();
  new EfsLaunchTemplateStack(app, 'EfsLaunchTemplate');
  addComplianceChecks(app);
  app.synth();
}

runWhenExecuted(module, main);
