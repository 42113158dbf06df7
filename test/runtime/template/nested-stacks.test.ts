import { BatchBackend } from '../../../src/runtime/core/backend';
import { DEFAULT_VIRTUAL_EPOCH_MS, VirtualClock } from '../../../src/runtime/core/clock';
import { SeededIdGenerator } from '../../../src/runtime/core/id-generator';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { CfnTemplate } from '../../../src/runtime/template/intrinsic-resolver';
import { NestedTemplate, NestedTemplateSource } from '../../../src/runtime/template/nested-stacks';
import { loadTemplate } from '../../../src/runtime/template/template-loader';

function backend(): BatchBackend {
  return new BatchBackend({
    clock: new VirtualClock(DEFAULT_VIRTUAL_EPOCH_MS), ids: new SeededIdGenerator(1), runner: JobExecutor.simulated()._createRunner(),
  });
}

/** Nested templates by TemplateURL, in memory. */
class MemoryTemplates implements NestedTemplateSource {
  constructor(private readonly templates: Record<string, CfnTemplate>) {}
  read(_logicalId: string, templateUrl: unknown): NestedTemplate | undefined {
    const template = this.templates[String(templateUrl)];
    return template ? { template, source: String(templateUrl), nested: this } : undefined;
  }
}

const CHILD: CfnTemplate = {
  Parameters: { Cpus: { Type: 'Number' }, Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' } },
  Resources: {
    CE: { Type: 'AWS::Batch::ComputeEnvironment', Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: { Ref: 'Cpus' }, InstanceTypes: ['optimal'], Subnets: { Ref: 'Subnets' } } } },
  },
  Outputs: { CeArn: { Value: { Ref: 'CE' } }, FirstSubnet: { Value: { 'Fn::Select': [0, { Ref: 'Subnets' }] } } },
};

const parent = (templateUrl: string): CfnTemplate => ({
  Resources: {
    Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: templateUrl, Parameters: { Cpus: 24, Subnets: { 'Fn::Join': [',', ['subnet-1', 'subnet-2']] } } } },
    Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { 'Fn::GetAtt': ['Child', 'Outputs.CeArn'] } }] } },
  },
});

describe('nested stacks', () => {
  test('CFN-5: a nested stack loads with the parameters its parent passes, and its outputs flow back through Fn::GetAtt', () => {
    // GIVEN
    const target = backend();

    // WHEN
    const loaded = loadTemplate(target, parent('child.yaml'), 'Parent', {}, { nestedTemplates: new MemoryTemplates({ 'child.yaml': CHILD }) });

    // THEN
    const [ce] = target.registry.listComputeEnvironments();
    expect(ce.name).toMatch(/^Parent-Child-[A-Z0-9]{12}-CE-[A-Z0-9]{12}$/); // named inside the nested stack's name
    expect(ce.computeResources).toMatchObject({ maxvCpus: 24, subnets: ['subnet-1', 'subnet-2'] });
    expect(target.registry.listJobQueues()[0].computeEnvironmentOrder[0].computeEnvironment.name).toBe(ce.name);
    expect(loaded.resolver.resolve({ 'Fn::GetAtt': ['Child', 'Outputs.FirstSubnet'] })).toBe('subnet-1');
  });

  test('CFN-5: an output the child does not have is an error naming the ones it has', () => {
    const template = parent('child.yaml');
    const loaded = loadTemplate(backend(), template, 'Parent', {}, { nestedTemplates: new MemoryTemplates({ 'child.yaml': CHILD }) });
    expect(() => loaded.resolver.resolve({ 'Fn::GetAtt': ['Child', 'Outputs.Nope'] }, 'X')).toThrow('X.Fn::GetAtt: nested stack Child has no output Nope; it has: CeArn, FirstSubnet');
  });

  test('CFN-5, CFN-6: a nested stack whose template is not here is listed as not modelled; what uses its outputs is rejected, naming why', () => {
    // GIVEN
    const rejected: Error[] = [];

    // WHEN
    const loaded = loadTemplate(backend(), parent('https://bucket.s3.amazonaws.com/child.yaml'), 'Parent', {}, { rejected, nestedTemplates: new MemoryTemplates({}) });

    // THEN
    expect(loaded.notModelled).toEqual([expect.objectContaining({ logicalId: 'Child', type: 'AWS::CloudFormation::Stack' })]);
    expect(rejected.map((e) => e.message)).toEqual([expect.stringMatching(/the template of nested stack Child could not be read here, so its output CeArn is unknown/)]);
  });
});
