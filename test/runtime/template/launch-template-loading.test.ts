import { JobExecutor, LocalBatchRuntime } from '../../../src';

const MIME = (script: string): string => [
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="==B=="',
  '',
  '--==B==',
  'Content-Type: text/x-shellscript; charset="us-ascii"',
  '',
  script,
  '',
  '--==B==--',
  '',
].join('\n');

function template(userData: string): unknown {
  return {
    Resources: {
      LaunchTemplate: {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: { LaunchTemplateName: 'batch-lt', LaunchTemplateData: { UserData: { 'Fn::Base64': userData } } },
      },
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          Type: 'MANAGED',
          ComputeResources: {
            Type: 'EC2',
            MinvCpus: 0,
            MaxvCpus: 16,
            InstanceTypes: ['m4.large'],
            Subnets: ['subnet-1'],
            InstanceRole: 'ecsInstanceRole',
            LaunchTemplate: { LaunchTemplateId: { Ref: 'LaunchTemplate' }, Version: '1' },
          },
        },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] } },
      Definition: {
        Type: 'AWS::Batch::JobDefinition',
        Properties: { JobDefinitionName: 'big', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 7800, Command: ['true'] } },
      },
    },
  };
}

describe('launch templates of the template', () => {
  test('SCHED-8: ECS_RESERVED_MEMORY in the launch template user data shrinks registered memory', () => {
    // GIVEN 7800 MiB fits m4.large's 7953 MiB by default, but not with 256 MiB reserved (7729 MiB)
    const reserved = LocalBatchRuntime.fromTemplate(template(MIME('echo ECS_RESERVED_MEMORY=256 >> /etc/ecs/ecs.config')), { executor: JobExecutor.simulated() });
    const plain = LocalBatchRuntime.fromTemplate(template(MIME('echo hello')), { executor: JobExecutor.simulated() });

    // WHEN
    const stuck = reserved.submitJob({ jobName: 'big', jobQueue: 'Queue', jobDefinition: 'big' }).jobId;
    const runs = plain.submitJob({ jobName: 'big', jobQueue: 'Queue', jobDefinition: 'big' }).jobId;
    reserved.runUntilIdle();
    plain.runUntilIdle();

    // THEN
    expect(plain.describeJob(runs).status).toBe('SUCCEEDED');
    expect(reserved.describeJob(stuck).status).toBe('RUNNABLE');
    expect(reserved.explainJob(stuck)).toMatch(/MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT/);
  });

  test('CE-4, DIAG-1: user data that is not MIME multipart makes the compute environment INVALID', () => {
    // GIVEN a plain shell script as user data
    const runtime = LocalBatchRuntime.fromTemplate(template('#!/bin/bash\necho hi'), { executor: JobExecutor.simulated() });

    // WHEN
    const jobId = runtime.submitJob({ jobName: 'x', jobQueue: 'Queue', jobDefinition: 'big' }).jobId;
    runtime.runUntilIdle();

    // THEN
    expect(runtime.describeJob(jobId).status).toBe('RUNNABLE');
    expect(runtime.explainJob(jobId)).toMatch(/ACTION_REQUIRED - CE\(s\) associated with the job queue are invalid\..*INVALID \(CLIENT_ERROR - launch template user data: .*CE-4\)/);
  });
});
