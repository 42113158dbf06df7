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

describe('loadTemplate with templates from elsewhere', () => {
  const queue = (environment: unknown): any => ({ Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: environment }] } });

  test('CFN-2: parameters without a value are named once, all together, with the option that gives them', () => {
    const template = {
      Parameters: { Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }, Cpus: { Type: 'Number' }, Given: { Type: 'String' }, Ami: { Type: 'AWS::SSM::Parameter::Value<String>' } },
      Resources: { Good: ce('good') },
    };
    expect(() => loadTemplate(backend(), template, 'S', { Given: 'x' }))
      .toThrow('The template of S needs values for Subnets (List<AWS::EC2::Subnet::Id>), Cpus (Number): give each with --parameter NAME=VALUE (the runtime\'s `parameters` prop) (CFN-2)');
  });

  test('CFN-4: an import that decides the capacity is an error naming the export; given, it loads', () => {
    const template = { Resources: { CE: { Type: 'AWS::Batch::ComputeEnvironment', Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: { 'Fn::ImportValue': 'shared-Cpus' }, Subnets: ['s'] } } } } };
    expect(() => loadTemplate(backend(), template, 'S')).toThrow(/S\/CE: computeResources\.maxvCpus comes from the Fn::ImportValue of export "shared-Cpus".*--import shared-Cpus=VALUE/);
    const target = backend();
    loadTemplate(target, template, 'S', {}, { imports: { 'shared-Cpus': '12' } });
    expect(target.registry.listComputeEnvironments()[0].computeResources?.maxvCpus).toBe(12);
  });

  test('CFN-6: a template with only Batch resources that are not modelled loads and lists each once', () => {
    // GIVEN
    const template = { Resources: { Shares: { Type: 'AWS::Batch::QuotaShare', Properties: {} } } };

    // WHEN
    const loaded = loadTemplate(backend(), template, 'S');

    // THEN
    expect(loaded.notModelled.map((n) => n.logicalId)).toEqual(['Shares']);
    expect(loaded.warnings).toEqual([expect.stringMatching(/^S\/Shares \(AWS::Batch::QuotaShare\) is not modelled/)]);
  });

  test('CFN-6: a template without any Batch resource or nested stack is still refused, naming what it has', () => {
    expect(() => loadTemplate(backend(), { Resources: { T: { Type: 'AWS::SNS::Topic' } } }, 'S')).toThrow('has no AWS Batch resources (AWS::Batch::*) and no nested stacks; it has: AWS::SNS::Topic');
  });

  test('CFN-6: an EKS job definition the API rejects is not modelled, and the rest of the template loads', () => {
    // GIVEN
    const template = {
      Resources: {
        Good: ce('good'),
        Queue: queue({ Ref: 'Good' }),
        Eks: { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', EksProperties: { PodProperties: { Containers: 'not a list' } } } },
      },
    };
    const target = backend();

    // WHEN
    const loaded = loadTemplate(target, template, 'S');

    // THEN
    expect([...loaded.batchResources.keys()]).toEqual(['Good', 'Queue']);
    expect(loaded.notModelled).toEqual([expect.objectContaining({ logicalId: 'Eks', reason: expect.stringMatching(/^its EKS part is not supported here/) })]);
    expect(() => target.submitJob({ jobName: 'j', jobQueue: 'Queue', jobDefinition: 'Eks' })).toThrow(/which the local runtime does not model .*\(CFN-6\)/);
  });

  test('CFN-6, MNP-1: a multi-node job definition of EKS node ranges loads as an EKS definition; one whose pod breaks a PLAT-3 rule is not modelled, and the rest of the template loads', () => {
    // GIVEN
    const pod = (memory: string) => ({ PodProperties: { Containers: [{ Name: 'main', Image: 'busybox', Resources: { Limits: { cpu: '1', memory } } }] } });
    const nodes = (memory: string) => ({
      Type: 'AWS::Batch::JobDefinition',
      Properties: { Type: 'multinode', NodeProperties: { NumNodes: 2, MainNode: 0, NodeRangeProperties: [{ TargetNodes: '0:', EksProperties: pod(memory) }] } },
    });
    const template = { Resources: { Good: ce('good'), Queue: queue({ Ref: 'Good' }), EksNodes: nodes('512Mi'), BadNodes: nodes('2Mi') } };

    // WHEN
    const b = backend();
    const loaded = loadTemplate(b, template, 'S');

    // THEN
    expect([...loaded.batchResources.keys()]).toEqual(['Good', 'Queue', 'EksNodes']);
    expect(b.describeJobDefinitions({}).jobDefinitions.find((d: any) => d.type === 'multinode')).toMatchObject({ containerOrchestrationType: 'EKS' });
    expect(loaded.notModelled).toEqual([expect.objectContaining({
      logicalId: 'BadNodes', reason: expect.stringMatching(/^its EKS part is not supported here: .*nodeProperties\.nodeRangeProperties\[0\]\.eksProperties/),
    })]);
  });

  test('IAM-1: a bare service-role name of a role of the template without a Path keeps the CE VALID; with the console\'s path it is INVALID', () => {
    // GIVEN
    const role = (path?: string): any => ({ Type: 'AWS::IAM::Role', Properties: { RoleName: 'BatchRole', ...(path ? { Path: path } : {}) } });
    const withRole = (path?: string): any => ({ Resources: { Role: role(path), CE: { ...ce('env'), Properties: { ...ce('env').Properties, ServiceRole: { Ref: 'Role' } } } } });

    // WHEN
    const plain = backend();
    loadTemplate(plain, withRole(), 'S');
    const console = backend();
    loadTemplate(console, withRole('/service-role/'), 'S');

    // THEN
    expect(plain.registry.listComputeEnvironments()[0]).toMatchObject({ status: 'VALID', serviceRole: 'arn:aws:iam::123456789012:role/BatchRole' });
    expect(console.registry.listComputeEnvironments()[0]).toMatchObject({
      status: 'INVALID', statusReason: expect.stringMatching(/serviceRole "BatchRole" is not a full IAM role ARN; AWS Batch reads a bare name as the role "BatchRole" with path \//),
    });
  });

  test('CFN-8: an instance type newer than the catalog is a warning naming it; the known ones launch', () => {
    // GIVEN
    const template = { Resources: { CE: { ...ce('env'), Properties: { ...ce('env').Properties, ComputeResources: { Type: 'EC2', MaxvCpus: 8, InstanceTypes: ['p6-b200.48xlarge', 'm5.large'], Subnets: ['s'] } } } } };
    const target = backend();

    // WHEN
    const loaded = loadTemplate(target, template, 'S');

    // THEN
    expect(loaded.warnings).toEqual(['S/CE: instance type(s) p6-b200.48xlarge are not in the local instance catalog; they are not launched here (CFN-8)']);
    expect(target.registry.listComputeEnvironments()[0].computeResources?.instanceTypes).toEqual(['m5.large']);
  });

  test('PLAT-4, CFN-1: Fn::GetAtt of a consumable resource answers what CloudFormation reads at creation: its ARN, the creation time, all of it available and none in use', () => {
    // GIVEN a runtime whose clock is an hour past its epoch
    const clock = new VirtualClock(DEFAULT_VIRTUAL_EPOCH_MS);
    clock.advanceTo(DEFAULT_VIRTUAL_EPOCH_MS + 3_600_000);
    const target = new BatchBackend({ clock, ids: new SeededIdGenerator(1), runner: JobExecutor.simulated()._createRunner() });
    const template = {
      Resources: {
        Licences: { Type: 'AWS::Batch::ConsumableResource', Properties: { ConsumableResourceName: 'licences', ResourceType: 'REPLENISHABLE', TotalQuantity: 3 } },
        Empty: { Type: 'AWS::Batch::ConsumableResource', Properties: { ConsumableResourceName: 'empty', ResourceType: 'NON_REPLENISHABLE' } },
      },
    };

    // WHEN
    const loaded = loadTemplate(target, template, 'S');
    const getAtt = (logicalId: string, attribute: string): unknown => loaded.resolver.resolve({ 'Fn::GetAtt': [logicalId, attribute] }, 'Outputs.X');

    // THEN
    expect(getAtt('Licences', 'ConsumableResourceArn')).toBe('arn:aws:batch:us-east-1:123456789012:consumable-resource/licences');
    expect(getAtt('Licences', 'CreatedAt')).toBe(DEFAULT_VIRTUAL_EPOCH_MS + 3_600_000);
    expect(getAtt('Licences', 'CreatedAt')).toBe(target.consumableResources.describe('licences').createdAt);
    expect(getAtt('Licences', 'AvailableQuantity')).toBe(3);
    expect(getAtt('Licences', 'InUseQuantity')).toBe(0);
    expect(getAtt('Empty', 'AvailableQuantity')).toBe(0); // TotalQuantity left out: 0, as the API creates it
    expect(loaded.resolver.resolve({ 'Fn::Sub': '${Licences.AvailableQuantity} of ${Licences.ConsumableResourceArn}' })).toBe('3 of arn:aws:batch:us-east-1:123456789012:consumable-resource/licences');
  });
});
