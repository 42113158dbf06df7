import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  applyOrgGuardrails,
  buildOrgWideDefaultsApp,
  ORG_PERMISSIONS_BOUNDARY,
  ORG_TAGS,
  OrgWideDefaultsStack,
} from '../../examples/org-wide-defaults';
import { WizardEquivalentStack } from '../../examples/wizard-equivalent';
import { BatchChecks } from '../../src/nag';

/**
 * The "org-wide patterns": an organization wraps BatchEnvironment in its own construct
 * (examples/org-wide-defaults.ts) and applies tags, a permissions boundary and cdk-nag packs
 * across the app. These tests prove that they reach every resource the library creates.
 */

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;

const ORG_AND_TEAM_TAGS: Record<string, string> = { ...ORG_TAGS, 'org:team': 'analytics' };

/**
 * Types that CloudFormation cannot tag at all (no `Tags` property): they are the only ones
 * allowed to lack the org tags. Custom resources (`Custom::*`) create nothing in AWS to tag.
 */
const UNTAGGABLE_TYPES = new Set([
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::IAM::Policy',
  'AWS::IAM::InstanceProfile',
  'AWS::SNS::TopicPolicy',
]);

/** The org example's stack plus what the issue asks for on top: a multi-node job definition. */
function fullOrgApp(context?: Record<string, unknown>): { app: cdk.App; stack: OrgWideDefaultsStack } {
  const built = context ? buildWithContext(context) : buildOrgWideDefaultsApp();
  const { stack } = built;
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/amazonlinux/amazonlinux:latest');
  const worker = new batch.EcsEc2ContainerDefinition(stack.analytics, 'MpiWorker', { image, cpu: 4, memory: cdk.Size.gibibytes(8), command: ['true'] });
  stack.analytics.batch.addMultiNodeJobDefinition('Mpi', {
    numNodes: 2,
    mainNode: 0,
    instanceType: new ec2.InstanceType('m6i.2xlarge'),
    nodeRanges: [{ container: worker, startNode: 0 }],
  });
  return built;
}

/** The same app as buildOrgWideDefaultsApp, with feature flags in its context. */
function buildWithContext(context: Record<string, unknown>): { app: cdk.App; stack: OrgWideDefaultsStack } {
  const app = new cdk.App({ context });
  const stack = new OrgWideDefaultsStack(app, 'OrgWideDefaults');
  applyOrgGuardrails(app);
  return { app, stack };
}

/** The tags a resource carries, whichever shape its type uses: a list, a map, or tag specifications. */
function tagsOf(resource: { Type: string; Properties?: Record<string, any> }): Array<Record<string, string>> {
  const properties = resource.Properties ?? {};
  if (resource.Type === 'AWS::EC2::LaunchTemplate') {
    // The template itself, and the instances and volumes launched from it.
    const specifications = [...properties.TagSpecifications ?? [], ...properties.LaunchTemplateData?.TagSpecifications ?? []];
    return specifications.map((spec: { Tags: Array<{ Key: string; Value: string }> }) => asMap(spec.Tags));
  }
  if (resource.Type === 'AWS::Batch::ComputeEnvironment') {
    // The CE itself (a map) and the instances it launches (`ComputeResources.Tags`, also a map).
    return [properties.Tags ?? {}, properties.ComputeResources?.Tags ?? {}];
  }
  const tags = properties.Tags;
  return [Array.isArray(tags) ? asMap(tags) : tags ?? {}];
}

function asMap(tags: Array<{ Key: string; Value: string }>): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}

function resourcesMissingTags(resources: Resources, expected: Record<string, string>): string[] {
  return Object.entries(resources)
    .filter(([, resource]) => !UNTAGGABLE_TYPES.has(resource.Type) && !resource.Type.startsWith('Custom::'))
    .filter(([, resource]) => tagsOf(resource).some((tags) => Object.entries(expected).some(([key, value]) => tags[key] !== value)))
    .map(([logicalId, resource]) => `${resource.Type} ${logicalId}`);
}

/** Every template file of a synthesized app, by file name, as the bytes on disk. */
function templateFiles(app: cdk.App): Record<string, string> {
  const assembly = app.synth();
  return Object.fromEntries(assembly.stacks.map((stack) =>
    [stack.templateFile, fs.readFileSync(path.join(assembly.directory, stack.templateFile), 'utf-8')]));
}

describe('org-wide patterns', () => {
  test('IAM-1..4: every IAM role of a full BatchEnvironment carries the org permissions boundary', () => {
    // GIVEN the org's environment (on-demand + Spot CEs, two queues, a container and a multi-node
    // job definition, a job-state-change rule) with the boundary applied to the stack
    const { stack } = fullOrgApp();

    // WHEN
    const template = Template.fromStack(stack);
    const roles = template.findResources('AWS::IAM::Role');

    // THEN every role, those aws-cdk-lib creates inside our constructs included, has the boundary
    const boundaryArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, `:policy/${ORG_PERMISSIONS_BOUNDARY}`]] };
    const withoutBoundary = Object.entries(roles)
      .filter(([, role]) => JSON.stringify(role.Properties.PermissionsBoundary) !== JSON.stringify(boundaryArn))
      .map(([logicalId]) => logicalId);
    expect(withoutBoundary).toEqual([]);
    // flow log, two instance roles, the Spot fleet role, two execution roles: all of them
    expect(Object.keys(roles).sort()).toEqual([
      expect.stringMatching(/^AnalyticsBatchAggregateContainerExecutionRole/),
      expect.stringMatching(/^AnalyticsBatchComputeEnvironmentInstanceProfileRole/),
      expect.stringMatching(/^AnalyticsBatchSpotComputeEnvironmentInstanceProfileRole/),
      expect.stringMatching(/^AnalyticsBatchSpotComputeEnvironmentSpotFleetRole/),
      expect.stringMatching(/^AnalyticsBatchVpcFlowLogIAMRole/),
      expect.stringMatching(/^AnalyticsMpiWorkerExecutionRole/),
    ]);
  });

  test('IAM-1..4: roles of aws-cdk-lib custom-resource providers get the boundary too', () => {
    // GIVEN the feature flag new CDK projects turn on, which adds a Lambda-backed custom resource
    // (and its role) that restricts the VPC's default security group
    const { stack } = fullOrgApp({ '@aws-cdk/aws-ec2:restrictDefaultSecurityGroup': true });

    // WHEN
    const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');

    // THEN
    const providerRoles = Object.keys(roles).filter((id) => id.startsWith('CustomVpcRestrictDefaultSGCustomResourceProviderRole'));
    expect(providerRoles).toHaveLength(1);
    Object.values(roles).forEach((role) => expect(JSON.stringify(role.Properties.PermissionsBoundary)).toContain(`:policy/${ORG_PERMISSIONS_BOUNDARY}`));
  });

  test('CE-1, CE-3: every taggable resource of a full BatchEnvironment carries the org and team tags', () => {
    // GIVEN the org's environment with tags on the app (org) and on the wrapping construct (team)
    const { stack } = fullOrgApp();

    // WHEN
    const resources = Template.fromStack(stack).toJSON().Resources as Resources;

    // THEN nothing taggable lacks a tag: CEs (Tags map and instance tags), queues, job
    // definitions, launch templates (template, instances, volumes), VPC, subnets, route tables,
    // NAT gateway, EIP, flow log, log group, security groups, roles, rule, topic, key
    expect(resourcesMissingTags(resources, ORG_AND_TEAM_TAGS)).toEqual([]);
    const types = new Set(Object.values(resources).map((resource) => resource.Type));
    for (const type of ['AWS::Batch::ComputeEnvironment', 'AWS::Batch::JobQueue', 'AWS::Batch::JobDefinition', 'AWS::EC2::LaunchTemplate',
      'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::SecurityGroup', 'AWS::IAM::Role', 'AWS::Events::Rule', 'AWS::SNS::Topic', 'AWS::KMS::Key']) {
      expect(types).toContain(type);
    }
  });

  test('CE-1: the tags reach jobs too: the org\'s job definitions propagate them to ECS tasks', () => {
    // GIVEN the org's job definition default
    const { stack } = fullOrgApp();

    // WHEN / THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      JobDefinitionName: 'analytics-aggregate',
      PropagateTags: true,
      Tags: ORG_AND_TEAM_TAGS,
    });
  });

  test('CE-1 known gap: aws-cdk-lib custom-resource providers are not taggable', () => {
    // GIVEN the restrictDefaultSecurityGroup feature flag (on in new CDK projects)
    const { stack } = fullOrgApp({ '@aws-cdk/aws-ec2:restrictDefaultSecurityGroup': true });

    // WHEN
    const resources = Template.fromStack(stack).toJSON().Resources as Resources;

    // THEN only the provider's role and function lack the tags: aws-cdk-lib's
    // CustomResourceProvider renders them as plain CfnResources (not ITaggable), so Tags.of
    // cannot reach them, and they live at the stack root, outside any construct of ours. An org
    // that needs them tagged adds an Aspect that sets `Tags` on those two resources.
    expect(resourcesMissingTags(resources, ORG_TAGS)).toEqual([
      expect.stringMatching(/^AWS::IAM::Role CustomVpcRestrictDefaultSGCustomResourceProviderRole/),
      expect.stringMatching(/^AWS::Lambda::Function CustomVpcRestrictDefaultSGCustomResourceProviderHandler/),
    ]);
  });

  test('synthesis is deterministic: two fresh apps of the org example give byte-identical templates', () => {
    // GIVEN / WHEN two independent synths
    const first = templateFiles(buildOrgWideDefaultsApp().app);
    const second = templateFiles(buildOrgWideDefaultsApp().app);

    // THEN
    expect(Object.keys(first)).toEqual(['OrgWideDefaults.template.json']);
    expect(first['OrgWideDefaults.template.json'].length).toBeGreaterThan(10_000);
    expect(second).toEqual(first);
  });

  test('synthesis is deterministic: two fresh apps of wizard-equivalent give byte-identical templates', () => {
    // GIVEN
    const build = () => {
      const app = new cdk.App();
      new WizardEquivalentStack(app, 'WizardEquivalent');
      cdk.Validations.of(app).addPlugins(new BatchChecks(app));
      return app;
    };

    // WHEN
    const first = templateFiles(build());
    const second = templateFiles(build());

    // THEN
    expect(Object.keys(first)).toEqual(['WizardEquivalent.template.json']);
    expect(first['WizardEquivalent.template.json']).toContain('first-run-job-definition');
    expect(second).toEqual(first);
  });

  test('CE-3: BatchChecks registered on the app reaches a bad resource inside the wrapped construct', () => {
    // GIVEN the org app, and inside OrgBatchEnvironment a CE on a launch template without IMDSv2
    const { app, stack } = buildOrgWideDefaultsApp();
    const legacy = new ec2.LaunchTemplate(stack.analytics, 'LegacyLaunchTemplate', {});
    stack.analytics.batch.addComputeEnvironment('Legacy', { launchTemplate: legacy, maxvCpus: 16 });

    // WHEN
    const violations = new BatchChecks(app).validateScope(app).violations;

    // THEN the finding names the nested resource, and synthesis fails on it
    const imdsv2 = violations.find((violation) => violation.ruleName === 'Batch-LT1');
    expect(imdsv2?.violatingResources.map((resource) => resource.constructPath))
      .toEqual(['OrgWideDefaults/Analytics/LegacyLaunchTemplate/Resource']);
    expect(() => app.synth()).toThrow(/Batch-LT1/);
  });

  test('the org example synthesizes with zero unacknowledged AwsSolutions and BatchChecks findings', () => {
    // GIVEN the example as it ships
    const { app } = buildOrgWideDefaultsApp();

    // WHEN / THEN
    expect(() => app.synth()).not.toThrow();
  });
});
