import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DEFAULT_ENVIRONMENT } from '../../../src/runtime/core/model/arns';
import { IntrinsicResolver } from '../../../src/runtime/template/intrinsic-resolver';
import { readEcsReservedMemory, readLaunchTemplate } from '../../../src/runtime/template/launch-template-reader';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function multipart(...parts: string[]): string {
  return [
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="==B=="',
    '',
    ...parts.flatMap((part) => ['--==B==', part, '']),
    '--==B==--',
    '',
  ].join('\n');
}

const shellPart = (script: string) => `Content-Type: text/x-shellscript; charset="us-ascii"\n\n${script}`;
const template = (userData: string | undefined, name = 'lt') => ({ LaunchTemplateName: name, LaunchTemplateData: userData === undefined ? {} : { UserData: userData } });

describe('readLaunchTemplate', () => {
  test('SCHED-8: reads ECS_RESERVED_MEMORY from a CDK-synthesized MIME multipart launch template (CE-4)', () => {
    // GIVEN a launch template built with CDK's MultipartUserData, synthesized and resolved as the loader does
    const stack = new cdk.Stack();
    const userData = new ec2.MultipartUserData();
    const commands = ec2.UserData.forLinux();
    commands.addCommands('echo ECS_RESERVED_MEMORY=256 >> /etc/ecs/ecs.config');
    userData.addUserDataPart(commands, ec2.MultipartBody.SHELL_SCRIPT, true);
    new ec2.LaunchTemplate(stack, 'Template', { launchTemplateName: 'batch-lt', userData });
    const json = Template.fromStack(stack).toJSON();
    const [logicalId] = Object.keys(Template.fromStack(stack).findResources('AWS::EC2::LaunchTemplate'));
    const resolver = new IntrinsicResolver(json, { stackName: 'Stack', environment: DEFAULT_ENVIRONMENT, parameters: {} });
    const properties = resolver.resolve(json.Resources[logicalId].Properties) as Record<string, unknown>;

    // WHEN it is read
    const facts = readLaunchTemplate(properties);

    // THEN the value and the name come back, and the user data is usable
    expect(facts).toEqual({ launchTemplateName: 'batch-lt', hasUserData: true, ecsReservedMemoryMiB: 256, userDataProblem: undefined });
  });

  test('SCHED-8: the guide\'s form, quoted values and base64-encoded parts are read; the last value wins', () => {
    const encodedPart = `Content-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\n${base64('#!/bin/bash\necho "ECS_RESERVED_MEMORY=512" >> /etc/ecs/ecs.config')}`;
    const userData = base64(multipart(shellPart('#!/bin/bash\necho ECS_RESERVED_MEMORY=128 >> /etc/ecs/ecs.config'), encodedPart));
    expect(readEcsReservedMemory(template(userData))).toBe(512);
  });

  test('SCHED-8: cloud-config write_files and heredocs count; comments and longer names do not', () => {
    const cloudConfig = 'Content-Type: text/cloud-config; charset="us-ascii"\n\n#cloud-config\nwrite_files:\n  - path: /etc/ecs/ecs.config\n    append: true\n    content: |\n      ECS_RESERVED_MEMORY=300\n';
    const distractions = shellPart('#!/bin/bash\n# echo ECS_RESERVED_MEMORY=999 >> /etc/ecs/ecs.config\nexport MY_ECS_RESERVED_MEMORY=777');
    expect(readEcsReservedMemory(template(base64(multipart(cloudConfig, distractions))))).toBe(300);
    const heredoc = shellPart('#!/bin/bash\ncat <<EOF >> /etc/ecs/ecs.config\nECS_CLUSTER=x\nECS_RESERVED_MEMORY=64\nEOF');
    expect(readEcsReservedMemory(template(base64(multipart(heredoc))))).toBe(64);
  });

  test('SCHED-8: undefined when the user data does not set it, or there is none', () => {
    expect(readEcsReservedMemory(template(base64(multipart(shellPart('#!/bin/bash\necho ECS_CLUSTER=c >> /etc/ecs/ecs.config')))))).toBeUndefined();
    expect(readLaunchTemplate(template(undefined))).toEqual({ launchTemplateName: 'lt', hasUserData: false });
    expect(readEcsReservedMemory(undefined)).toBeUndefined();
  });

  test('CE-4: user data that is not MIME multipart is reported (the value is still read)', () => {
    const facts = readLaunchTemplate(template(base64('#!/bin/bash\necho ECS_RESERVED_MEMORY=100 >> /etc/ecs/ecs.config')));
    expect(facts.ecsReservedMemoryMiB).toBe(100);
    expect(facts.userDataProblem).toMatch(/is not a MIME multipart archive .* \(CE-4\)$/);
  });

  test('CE-4: a multipart document without its closing boundary is reported, not thrown', () => {
    const facts = readLaunchTemplate(template(base64('Content-Type: multipart/mixed; boundary="B"\nMIME-Version: 1.0\n\n--B\nContent-Type: text/x-shellscript\n\necho hi\n')));
    expect(facts.ecsReservedMemoryMiB).toBeUndefined();
    expect(facts.userDataProblem).toMatch(/no closing boundary "--B--" \(CE-4\)/);
  });

  test('CE-4: user data that is not base64 is reported', () => {
    expect(readLaunchTemplate(template('echo ECS_RESERVED_MEMORY=1 >> /etc/ecs/ecs.config')).userDataProblem)
      .toBe('LaunchTemplateData.UserData is not base64: EC2 takes user data base64-encoded (use Fn::Base64)');
  });

  test('the API\'s camelCase shape is read too', () => {
    const userData = base64(multipart(shellPart('echo ECS_RESERVED_MEMORY=48 >> /etc/ecs/ecs.config')));
    expect(readLaunchTemplate({ launchTemplateName: 'api', launchTemplateData: { userData } })).toMatchObject({ launchTemplateName: 'api', ecsReservedMemoryMiB: 48 });
  });
});
