import { BatchBackend } from '../../../src/runtime/core/backend';
import { DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from '../../../src/runtime/core/clock';
import { ClientException } from '../../../src/runtime/core/errors';
import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { loadTemplate } from '../../../src/runtime/template/template-loader';

function backend(): BatchBackend {
  return new BatchBackend({
    clock: new VirtualClock(DEFAULT_VIRTUAL_EPOCH_MS), ids: new SeededIdGenerator(1), runner: JobExecutor.simulated()._createRunner(),
  });
}

const ce = (name: string): any => ({
  Type: 'AWS::Batch::ComputeEnvironment',
  Properties: { ComputeEnvironmentName: name, Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: 4, InstanceTypes: ['optimal'], Subnets: ['s'] } },
});
const TEMPLATE = { Resources: { Bad: ce('bad name'), Good: ce('good'), Unresolved: { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', JobDefinitionName: { Ref: 'Nowhere' } } } } };

describe('loadTemplate', () => {
  test('LIM-8: the first resource the API rejects throws a ClientException naming the resource path and type', () => {
    expect(() => loadTemplate(backend(), TEMPLATE, 'S')).toThrow(ClientException);
    expect(() => loadTemplate(backend(), TEMPLATE, 'S')).toThrow(/^S\/Bad \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name" is invalid/);
  });

  test('LIM-8: with a rejected list, every rejected or unresolvable resource is listed and the others still load', () => {
    // GIVEN
    const rejected: Error[] = [];
    const target = backend();

    // WHEN
    const loaded = loadTemplate(target, TEMPLATE, 'S', {}, { rejected });

    // THEN
    expect(rejected.map((e) => e.message)).toEqual([
      expect.stringMatching(/^S\/Bad \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name" is invalid/),
      expect.stringMatching(/Nowhere/),
    ]);
    expect(target.registry.listComputeEnvironments().map((c) => c.name)).toEqual(['good']);
    expect([...loaded.batchResources.keys()]).toEqual(['Good']);
  });

  test('FS-1, FS-2: an AWS::Batch::SchedulingPolicy loads, and a queue naming it by Ref is a fair-share queue', () => {
    // GIVEN a policy in CloudFormation's shape (PascalCase, numbers as strings) and a queue that Refs it
    const target = backend();
    const template = {
      Resources: {
        Policy: {
          Type: 'AWS::Batch::SchedulingPolicy',
          Properties: {
            Name: 'teams',
            FairsharePolicy: { ShareDecaySeconds: '3600', ComputeReservation: 10, ShareDistribution: [{ ShareIdentifier: 'teamA', WeightFactor: 0.5 }, { ShareIdentifier: 'ml*' }] },
            Tags: { team: 'platform' },
          },
        },
        Env: ce('env'),
        Queue: {
          Type: 'AWS::Batch::JobQueue',
          Properties: { JobQueueName: 'fair', Priority: 1, SchedulingPolicyArn: { Ref: 'Policy' }, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Env' } }] },
        },
      },
    };

    // WHEN
    loadTemplate(target, template, 'S');

    // THEN
    const arn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams';
    expect(target.describeSchedulingPolicies([arn])).toEqual([{
      name: 'teams',
      arn,
      tags: { team: 'platform' },
      fairsharePolicy: { shareDecaySeconds: 3600, computeReservation: 10, shareDistribution: [{ shareIdentifier: 'teamA', weightFactor: 0.5 }, { shareIdentifier: 'ml*', weightFactor: 1 }] },
    }]);
    expect(target.describeJobQueues({ jobQueues: ['fair'] }).jobQueues[0].schedulingPolicyArn).toBe(arn);
  });

  test('FS-1: a scheduling policy with overlapping shares is rejected naming the resource; the queue that names it is rejected too', () => {
    const rejected: Error[] = [];
    const template = {
      Resources: {
        Policy: { Type: 'AWS::Batch::SchedulingPolicy', Properties: { FairsharePolicy: { ShareDistribution: [{ ShareIdentifier: 'a*' }, { ShareIdentifier: 'ab' }] } } },
        Env: ce('env'),
        Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, SchedulingPolicyArn: { 'Fn::GetAtt': ['Policy', 'Arn'] }, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Env' } }] } },
      },
    };

    loadTemplate(backend(), template, 'S', {}, { rejected });

    expect(rejected.map((e) => e.message)).toEqual([
      expect.stringMatching(/^S\/Policy \(AWS::Batch::SchedulingPolicy\): fairsharePolicy.shareDistribution\[1\].shareIdentifier/),
      expect.stringMatching(/^S\/Queue \(AWS::Batch::JobQueue\): schedulingPolicyArn: unknown scheduling policy/),
    ]);
  });
});
