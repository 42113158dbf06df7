/**
 * Synthesis cost of the constructs: `Template.fromStack` of a full `BatchEnvironment` (reference
 * VPC with flow logs, on-demand + Spot compute environments with launch templates, two queues,
 * a container and a multi-node job definition) against the same infrastructure written with
 * plain aws-cdk-lib L2 constructs. Median of 5 timed runs each, construction included, after 5
 * warm-up runs of each (the first runs measure V8's JIT, not the constructs), alternating the
 * two so that GC pauses and machine load fall on both alike.
 *
 *   npm run bench -- synth
 *   npx ts-node -T --project bench/tsconfig.json bench/synth.ts
 */
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BatchEnvironment } from '../src/constructs';

const RUNS = 5;
const WARM_UP = 5;
const IMAGE = 'public.ecr.aws/amazonlinux/amazonlinux:latest';

function newStack(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Bench', { env: { account: '123456789012', region: 'us-east-1' } });
}

/** The library's way. */
export function withBatchEnvironment(): Template {
  const stack = newStack();
  const env = new BatchEnvironment(stack, 'Batch', { defaultQueueUsesSpot: false, spot: {} });
  env.addQueue('Low', {
    priority: 1,
    computeEnvironments: [
      { computeEnvironment: env.spotComputeEnvironment!.computeEnvironment, order: 1 },
      { computeEnvironment: env.computeEnvironment, order: 2 },
    ],
  });
  env.addJobDefinition('Job', { command: ['echo', 'Ref::message'], parameters: { message: 'hi' }, retryAttempts: 2, timeout: cdk.Duration.minutes(5) });
  env.addMultiNodeJobDefinition('Mnp', {
    numNodes: 2,
    nodeRanges: [{ container: new batch.EcsEc2ContainerDefinition(env, 'MnpContainer', { image: ecs.ContainerImage.fromRegistry(IMAGE), cpu: 1, memory: cdk.Size.mebibytes(2048) }) }],
  });
  return Template.fromStack(stack);
}

/** The same resources with plain aws-cdk-lib L2 constructs (and the L1 tweaks they need). */
export function withPlainL2(): Template {
  const stack = newStack();
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: true, cidrMask: 24 },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
    ],
    flowLogs: { All: { trafficType: ec2.FlowLogTrafficType.ALL } },
  });
  const securityGroup = new ec2.SecurityGroup(stack, 'SecurityGroup', { vpc, allowAllOutbound: true });
  const launchTemplate = (id: string) => new ec2.LaunchTemplate(stack, id, {
    httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
    httpPutResponseHopLimit: 2,
    blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(30, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) }],
  });
  const onDemand = new batch.ManagedEc2EcsComputeEnvironment(stack, 'OnDemand', {
    vpc, securityGroups: [securityGroup], maxvCpus: 256, launchTemplate: launchTemplate('OnDemandLt'),
  });
  const spotFleetRole = new iam.Role(stack, 'SpotFleetRole', {
    assumedBy: new iam.ServicePrincipal('spotfleet.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2SpotFleetTaggingRole')],
  });
  const spot = new batch.ManagedEc2EcsComputeEnvironment(stack, 'Spot', {
    vpc, securityGroups: [securityGroup], maxvCpus: 256, spot: true, spotFleetRole, launchTemplate: launchTemplate('SpotLt'),
  });
  new batch.JobQueue(stack, 'High', { computeEnvironments: [{ computeEnvironment: onDemand, order: 1 }] });
  new batch.JobQueue(stack, 'Low', { priority: 1, computeEnvironments: [{ computeEnvironment: spot, order: 1 }, { computeEnvironment: onDemand, order: 2 }] });
  const container = (id: string) => new batch.EcsEc2ContainerDefinition(stack, id, {
    image: ecs.ContainerImage.fromRegistry(IMAGE), cpu: 1, memory: cdk.Size.mebibytes(2048), command: ['echo', 'Ref::message'],
  });
  new batch.EcsJobDefinition(stack, 'Job', { container: container('JobContainer'), parameters: { message: 'hi' }, retryAttempts: 2, timeout: cdk.Duration.minutes(5) });
  new batch.MultiNodeJobDefinition(stack, 'Mnp', { containers: [{ container: container('MnpContainer'), startNode: 0, endNode: 1 }] });
  return Template.fromStack(stack);
}

function timeMs(build: () => Template): number {
  const started = process.hrtime.bigint();
  build();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function main(): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) {
    withBatchEnvironment();
    withPlainL2();
  }
  const ours: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(timeMs(withBatchEnvironment));
    plain.push(timeMs(withPlainL2));
  }
  const count = (template: Template) => Object.keys(template.toJSON().Resources).length;
  const oursMs = median(ours);
  const plainMs = median(plain);
  console.log('Template.fromStack, construction included, median of 5 (after 5 warm-up runs)');
  console.log(`  BatchEnvironment : ${oursMs.toFixed(1)} ms  (${count(withBatchEnvironment())} resources)  runs: ${ours.map((v) => v.toFixed(0)).join(', ')}`);
  console.log(`  plain L2         : ${plainMs.toFixed(1)} ms  (${count(withPlainL2())} resources)  runs: ${plain.map((v) => v.toFixed(0)).join(', ')}`);
  console.log(`  ratio            : ${(oursMs / plainMs).toFixed(2)}x (goal <= 1.2x, <= 250 ms)`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
