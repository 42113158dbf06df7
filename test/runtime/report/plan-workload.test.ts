import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fairShareTemplateFile } from './fair-share-plan-fixture';
import { planWorkload } from '../../../src/runtime/report/plan-workload';
import { parseWorkload, WorkloadError } from '../../../src/runtime/report/workload';

/** One CE of c5.large (2 vCPUs), max 4 vCPUs; a 2-vCPU definition. */
function templateFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-workload-')), 'Stack.template.json');
  fs.writeFileSync(file, JSON.stringify({
    Resources: {
      Ce: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          ComputeEnvironmentName: 'ce',
          Type: 'MANAGED',
          ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 4, InstanceTypes: ['c5.large'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' },
        },
      },
      Queue: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'q', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Ce' } }] } },
      Work: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'work', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 2, Memory: 2048, Command: ['w'] } } },
    },
  }));
  return file;
}

describe('planWorkload', () => {
  test('PLAN-1, PLAN-7: atSeconds delays a submission; dependsOn by name waits for every copy; makespan runs from the first submission', () => {
    // GIVEN a at 0 s (2 copies, 100 s), b depending on a (50 s), c at 500 s (10 s); behaviours by logical id and by name
    const workload = parseWorkload({
      submissions: [
        { jobName: 'a', jobQueue: 'Queue', jobDefinition: 'Work', count: 2 },
        { jobName: 'b', jobQueue: 'q', jobDefinition: 'work', dependsOn: [{ jobName: 'a' }] },
        { jobName: 'c', jobQueue: 'q', jobDefinition: 'work', atSeconds: 500 },
      ],
      behaviors: { Work: { durationSeconds: 100 } },
    });

    // WHEN
    const report = planWorkload({ templateFile: templateFile() }, workload);

    // THEN a×2 run 0..100 in parallel, b 100..200, c 500..600
    const spans = report.attempts.map((a) => [a.jobName, a.startSeconds, a.endSeconds]);
    expect(spans).toEqual([['a', 0, 100], ['a', 0, 100], ['b', 100, 200], ['c', 500, 600]]);
    expect(report.makespanSeconds).toBe(600);
    expect(report.jobs).toEqual({ total: 4, succeeded: 4, failed: 0, unfinished: 0 });
  });

  test('PLAN-8: failureRate 1 with an exit code fails every attempt; retries are attempts', () => {
    const workload = parseWorkload({
      submissions: [{ jobName: 'a', jobQueue: 'q', jobDefinition: 'work', retryStrategy: { attempts: 2 } }],
      behaviors: { work: { durationSeconds: 5, exitCode: 3 } },
    });
    const report = planWorkload({ templateFile: templateFile() }, workload);
    expect(report.jobs.failed).toBe(1);
    expect(report.attempts.map((a) => a.outcome)).toEqual(['RUNNABLE', 'FAILED']);
  });

  test('PLAN-7: an unknown queue or definition is a WorkloadError naming the field', () => {
    const unknownQueue = parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'nope', jobDefinition: 'work' }] });
    expect(() => planWorkload({ templateFile: templateFile() }, unknownQueue)).toThrow(WorkloadError);
    expect(() => planWorkload({ templateFile: templateFile() }, unknownQueue)).toThrow('submissions[0].jobQueue: unknown job queue "nope"');
  });

  test('progress is reported up to all jobs finished', () => {
    const workload = parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'q', jobDefinition: 'work', arrayProperties: { size: 5 } }] });
    const calls: Array<[number, number]> = [];
    planWorkload({ templateFile: templateFile() }, workload, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[calls.length - 1]).toEqual([5, 5]);
  });

  test('FS-3: a share identifier on a FIFO queue, or none on a fair-share queue, is a WorkloadError naming the submission and the field', () => {
    const template = fairShareTemplateFile({ teamA: 1 });
    const onFifo = parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'fifo', jobDefinition: 'one' }, { jobName: 'b', jobQueue: 'fifo', jobDefinition: 'one', shareIdentifier: 'teamA' }] });
    expect(() => planWorkload({ templateFile: template }, onFifo)).toThrow(WorkloadError);
    expect(() => planWorkload({ templateFile: template }, onFifo)).toThrow(/^submissions\[1\]: shareIdentifier: job queue fifo has no scheduling policy .*"teamA" \(FS-3\)/);
    const missing = parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'teams', jobDefinition: 'one' }] });
    expect(() => planWorkload({ templateFile: template }, missing)).toThrow(/^submissions\[0\]: shareIdentifier: job queue teams is a fair-share queue .*needs a shareIdentifier \(FS-3\)/);
  });

  test('FS-3: schedulingPriorityOverride out of 0..9999 names the field', () => {
    const workload = parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: 'teamA', schedulingPriorityOverride: 9999 }] });
    expect(planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1 }) }, workload).jobs.succeeded).toBe(1);
    expect(() => parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'teams', jobDefinition: 'one', schedulingPriorityOverride: 10000 }] }))
      .toThrow('submissions[0].schedulingPriorityOverride: 10000 is invalid: an integer from 0 to 9999');
  });

  test('FS-5: within one share a job group with a higher schedulingPriorityOverride runs first, even when submitted later', () => {
    // GIVEN 8 low-priority jobs at 0 s and 4 high-priority ones at 1 s, one share, 4 vCPUs busy 100 s per job
    const workload = parseWorkload({
      submissions: [
        { jobName: 'low', jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: 'teamA', schedulingPriorityOverride: 1, count: 8 },
        { jobName: 'high', jobQueue: 'teams', jobDefinition: 'one', shareIdentifier: 'teamA', schedulingPriorityOverride: 50, count: 4, atSeconds: 1 },
      ],
      behaviors: { one: { durationSeconds: 100 } },
    });

    // WHEN
    const report = planWorkload({ templateFile: fairShareTemplateFile({ teamA: 1 }) }, workload);

    // THEN the first 4 low ones run 0..100, then the high ones before the other 4 low ones
    const second = report.attempts.filter((a) => a.startSeconds === 100).map((a) => a.jobName);
    expect(second).toEqual(['high', 'high', 'high', 'high']);
  });

  test('PLAT-3: GIVEN an EKS pod that needs a secret WHEN planned with and without the secrets directory THEN it fails to start without it, as in a run, and runs with it', () => {
    // GIVEN the template plus an EKS queue and a pod mounting the secret db-creds
    const file = templateFile();
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    const computeResources = template.Resources.Ce.Properties.ComputeResources;
    template.Resources.EksCe = {
      Type: 'AWS::Batch::ComputeEnvironment',
      Properties: {
        Type: 'MANAGED', ComputeResources: computeResources, EksConfiguration: { EksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', KubernetesNamespace: 'batch' },
      },
    };
    template.Resources.EksQueue = {
      Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'pods', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'EksCe' } }] },
    };
    template.Resources.Pod = {
      Type: 'AWS::Batch::JobDefinition',
      Properties: {
        JobDefinitionName: 'pod',
        Type: 'container',
        EksProperties: {
          PodProperties: {
            Volumes: [{ Name: 'creds', Secret: { SecretName: 'db-creds' } }],
            Containers: [{ Name: 'main', Image: 'busybox', Command: ['w'], Resources: { Limits: { cpu: '1', memory: '512Mi' } }, VolumeMounts: [{ Name: 'creds', MountPath: '/creds' }] }],
          },
        },
      },
    };
    fs.writeFileSync(file, JSON.stringify(template));
    const secrets = path.join(path.dirname(file), 'secrets');
    fs.mkdirSync(path.join(secrets, 'db-creds'), { recursive: true });
    const workload = parseWorkload({ submissions: [{ jobName: 'p', jobQueue: 'pods', jobDefinition: 'pod' }], behaviors: { pod: { durationSeconds: 10 } } });

    // WHEN
    const without = planWorkload({ templateFile: file }, workload);
    const withSecrets = planWorkload({ templateFile: file, kubernetesSecretsDirectory: secrets }, workload);

    // THEN
    expect(without.jobs).toEqual({ total: 1, succeeded: 0, failed: 1, unfinished: 0 });
    expect(withSecrets.jobs).toEqual({ total: 1, succeeded: 1, failed: 0, unfinished: 0 });
  });
});
