/**
 * Loading a large YAML template (CFN-1): a 500-resource template in the shape of `cdk synth`'s YAML
 * and aws-samples templates (short-form tags, parameters, conditions, IAM roles, security groups,
 * launch templates, and 50 each of compute environments, job queues and job definitions), read from
 * a file, parsed and loaded through the API's operations. The same template as JSON is timed beside
 * it, so the YAML cost is visible. Median of 7 runs after 3 warm-up runs. Goal: YAML under 0.5 s.
 *
 *   npm run bench -- template-load
 *   npx ts-node -T --project bench/tsconfig.json bench/template-load.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JobExecutor, LocalBatchRuntime } from '../src';
import { parseTemplateText } from '../src/runtime/template/template-text';

const GROUPS = 50; // 10 resources each
const RUNS = 7;
const WARM_UP = 3;

/** One group: a role, a profile, a security group, a launch template, a CE, a queue, a definition and three log-ish extras. */
function groupYaml(i: number): string {
  return `
  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: 'sts:AssumeRole' }]
      ManagedPolicyArns: [!Sub 'arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role']
  Profile${i}:
    Type: AWS::IAM::InstanceProfile
    Properties: { Roles: [!Ref Role${i}] }
  Sg${i}:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: !Sub 'group ${i} of \${AWS::StackName}', VpcId: !Ref Vpc }
  Lt${i}:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData:
          Fn::Base64: !Sub |
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="==B=="

            --==B==
            Content-Type: text/x-shellscript; charset="us-ascii"

            #!/bin/bash
            echo ECS_RESERVED_MEMORY=256 >> /etc/ecs/ecs.config
            echo group ${i} \${AWS::Region}

            --==B==--
  Ce${i}:
    Type: AWS::Batch::ComputeEnvironment
    Properties:
      Type: MANAGED
      State: !If [IsProd, ENABLED, ENABLED]
      ComputeResources:
        Type: EC2
        MinvCpus: 0
        MaxvCpus: !Ref MaxCpus
        InstanceTypes: !Ref InstanceTypes
        Subnets: !Ref Subnets
        SecurityGroupIds: [!GetAtt Sg${i}.GroupId]
        InstanceRole: !GetAtt Profile${i}.Arn
        LaunchTemplate: { LaunchTemplateId: !Ref Lt${i}, Version: !GetAtt Lt${i}.LatestVersionNumber }
  Queue${i}:
    Type: AWS::Batch::JobQueue
    Properties:
      Priority: ${i + 1}
      ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: !Ref Ce${i} }]
  Def${i}:
    Type: AWS::Batch::JobDefinition
    Properties:
      Type: container
      RetryStrategy: { Attempts: '2' }
      ContainerProperties:
        Image: !Join [':', [!FindInMap [Images, !Ref 'AWS::Region', Repo], latest]]
        Command: [echo, Ref::message]
        ResourceRequirements: [{ Type: VCPU, Value: 1 }, { Type: MEMORY, Value: 2048 }]
        Environment: [{ Name: GROUP, Value: ${i} }]
      Parameters: { message: hello }
  Topic${i}:
    Type: AWS::SNS::Topic
  LogGroup${i}:
    Type: AWS::Logs::LogGroup
    Properties: { RetentionInDays: 7 }
  Bucket${i}:
    Type: AWS::S3::Bucket
    Condition: IsProd
`;
}

export function yamlTemplate(): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: Benchmark template with ${GROUPS * 10} resources
Parameters:
  Vpc: { Type: 'AWS::EC2::VPC::Id', Default: vpc-0bench }
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2' }
  InstanceTypes: { Type: CommaDelimitedList, Default: 'm5.large,c5.large' }
  MaxCpus: { Type: Number, Default: 256 }
  Stage: { Type: String, Default: dev }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Mappings:
  Images:
    us-east-1: { Repo: public.ecr.aws/amazonlinux/amazonlinux }
Resources:${Array.from({ length: GROUPS }, (_, i) => groupYaml(i)).join('')}`;
}

function medianMs(load: () => void): number {
  for (let i = 0; i < WARM_UP; i++) load();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    load();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-template-load-'));
  try {
    const yamlFile = path.join(dir, 'big.yaml');
    fs.writeFileSync(yamlFile, yamlTemplate());
    const loadFile = (file: string) => () => LocalBatchRuntime.fromTemplateFile(file, {
      executor: JobExecutor.simulated(), logger: { warn: () => undefined },
    }).dispose();
    const yamlMs = medianMs(loadFile(yamlFile));
    // The same template as JSON: what `cdk synth --json` would have written.
    const jsonFile = path.join(dir, 'big.json');
    const runtime = LocalBatchRuntime.fromTemplateFile(yamlFile, { executor: JobExecutor.simulated(), logger: { warn: () => undefined } });
    runtime.dispose();
    fs.writeFileSync(jsonFile, JSON.stringify(parseTemplateText(fs.readFileSync(yamlFile, 'utf8'), yamlFile)));
    const jsonMs = medianMs(loadFile(jsonFile));
    const parseMs = medianMs(() => parseTemplateText(fs.readFileSync(yamlFile, 'utf8'), yamlFile));
    const kib = (file: string): string => (fs.statSync(file).size / 1024).toFixed(0);
    console.log(`template-load: ${GROUPS * 10} resources (${GROUPS} each of CE, queue, job definition), median of ${RUNS}`);
    console.log(`  YAML ${kib(yamlFile)} KiB: load ${yamlMs.toFixed(1)} ms (parse alone ${parseMs.toFixed(1)} ms) [goal < 500 ms]`);
    console.log(`  JSON ${kib(jsonFile)} KiB: load ${jsonMs.toFixed(1)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
