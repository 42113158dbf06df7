import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { BatchLaunchTemplate } from './batch-launch-template';
import { ComputeEnvironmentOptions } from './compute-environment-options';
import { isEfaInstanceType } from '../../instance-catalog';
import {
  fail,
  MAX_COMPUTE_ENVIRONMENTS,
  validateInstanceTypes,
  validateLaunchTemplateSpecification,
  validateMinMaxDesiredVcpus,
  validateResourceName,
  validateSpotSettings,
} from '../../validation';
import { SpotFleetRole } from '../iam/spot-fleet-role';
import { BatchVpc } from '../network/batch-vpc';
import { computeEnvironmentFacts } from '../private/compute-environment-facts';
import { acknowledgeManagedPolicy, INSTANCE_ROLE_REASON } from '../private/nag-acknowledgments';
import { checkStackQuota } from '../private/quota';
import { isUnresolved, validateAt, validationMessages, whenResolved } from '../private/validate';

/** Properties of a `BatchComputeEnvironment`. */
export interface BatchComputeEnvironmentProps extends ComputeEnvironmentOptions {
  /** The VPC the instances run in. */
  readonly vpc: ec2.IVpc;

  /**
   * The subnets the instances run in.
   *
   * @default - a `BatchVpc`'s compute subnets; otherwise the private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the instances.
   *
   * @default - one new security group with no inbound rules
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/**
 * A managed EC2 or SPOT compute environment (CE-1) built on aws-cdk-lib's
 * `ManagedEc2EcsComputeEnvironment`, with what that construct lacks:
 * - the launch template is referenced by id or name **with a pinned version** (CE-3);
 * - a SPOT CE gets a Spot Fleet role with AmazonEC2SpotFleetTaggingRole (IAM-3);
 * - the service role is an explicit choice: service-linked, created, or a full ARN (IAM-1);
 * - `desiredvCpus` and `ec2KeyPair`, which the L2 does not offer;
 * - IMDSv2 and encrypted volumes by default, through a `BatchLaunchTemplate`;
 * - an EFA-ready option (CE-6);
 * - synth-time checks of LIM-1, LIM-3, LIM-8, LIM-13, LIM-15 and SCHED-5.
 */
export class BatchComputeEnvironment extends Construct {
  /** The aws-cdk-lib compute environment (give it to job queues). */
  public readonly computeEnvironment: batch.ManagedEc2EcsComputeEnvironment;
  /** The CloudFormation resource, for escape hatches. */
  public readonly cfnComputeEnvironment: batch.CfnComputeEnvironment;
  /** The launch template the instances start from. */
  public readonly launchTemplate: ec2.ILaunchTemplate;
  /** The launch-template version pinned in the compute environment. */
  public readonly launchTemplateVersion: string;
  /** The Spot Fleet role (SPOT only). */
  public readonly spotFleetRole?: iam.IRole;
  /** The service role, or undefined for the service-linked role. */
  public readonly serviceRole?: iam.IRole;
  /** The instance security groups. */
  public readonly securityGroups: ec2.ISecurityGroup[];
  /** The placement group, if any. */
  public readonly placementGroup?: ec2.IPlacementGroup;
  /** Whether this CE runs on Spot instances. */
  public readonly spot: boolean;

  constructor(scope: Construct, id: string, props: BatchComputeEnvironmentProps) {
    super(scope, id);
    this.spot = props.spot ?? false;
    this.validateProps(props);

    this.securityGroups = props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'AWS Batch compute environment instances (no inbound rules)',
      allowAllOutbound: true,
    })];
    if (props.efa) {
      // CE-6: EFA traffic flows only between members of the same security group.
      this.securityGroups.forEach((group) => group.connections.allowInternally(ec2.Port.allTraffic(), 'EFA traffic within the group (CE-6)'));
    }
    this.placementGroup = props.placementGroup
      ?? (props.efa ? new ec2.PlacementGroup(this, 'PlacementGroup', { strategy: ec2.PlacementGroupStrategy.CLUSTER }) : undefined);

    this.launchTemplate = props.launchTemplate ?? new BatchLaunchTemplate(this, 'LaunchTemplate', { userDataParts: props.userDataParts });
    this.launchTemplateVersion = props.launchTemplateVersion ?? this.launchTemplate.versionNumber;

    this.spotFleetRole = props.spotFleetRole ?? (this.spot ? new SpotFleetRole(this, 'SpotFleetRole') : undefined);
    this.serviceRole = props.serviceRole?.bind(this);

    const useOptimal = !props.instanceTypes?.length && !props.instanceClasses?.length && !props.defaultInstanceClasses?.length;
    this.computeEnvironment = new batch.ManagedEc2EcsComputeEnvironment(this, 'Resource', {
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? (props.vpc instanceof BatchVpc ? props.vpc.computeSubnets : { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }),
      securityGroups: this.securityGroups,
      computeEnvironmentName: props.computeEnvironmentName,
      spot: this.spot,
      allocationStrategy: props.allocationStrategy,
      spotBidPercentage: props.spotBidPercentage,
      spotFleetRole: this.spotFleetRole,
      minvCpus: props.minvCpus,
      maxvCpus: props.maxvCpus ?? 256,
      instanceTypes: props.instanceTypes,
      instanceClasses: props.instanceClasses,
      defaultInstanceClasses: props.defaultInstanceClasses,
      useOptimalInstanceClasses: props.defaultInstanceClasses?.length ? undefined : useOptimal,
      images: props.images,
      instanceRole: props.instanceRole,
      launchTemplate: this.launchTemplate,
      placementGroup: this.placementGroup,
      serviceRole: this.serviceRole,
      enabled: props.enabled,
      updateToLatestImageVersion: props.updateToLatestImageVersion,
      replaceComputeEnvironment: props.replaceComputeEnvironment,
      terminateOnUpdate: props.terminateOnUpdate,
      updateTimeout: props.updateTimeout,
    });
    for (const [key, value] of Object.entries(props.instanceTags ?? {})) {
      cdk.Tags.of(this.computeEnvironment).add(key, value);
    }

    const generatedInstanceRole = props.instanceRole ? undefined : this.computeEnvironment.instanceRole;
    if (generatedInstanceRole) {
      // aws-cdk-lib created this role with the policy IAM-2 requires: our default, so ours to
      // acknowledge. A role the user passed in stays theirs to review.
      acknowledgeManagedPolicy(generatedInstanceRole, 'service-role/AmazonEC2ContainerServiceforEC2Role', INSTANCE_ROLE_REASON);
    }

    this.cfnComputeEnvironment = this.computeEnvironment.node.defaultChild as batch.CfnComputeEnvironment;
    this.completeComputeResources(props);
    this.node.addValidation({ validate: () => this.validateRendered() });
  }

  /** The compute environment's ARN. */
  public get computeEnvironmentArn(): string {
    return this.computeEnvironment.computeEnvironmentArn;
  }

  /** The compute environment's name. */
  public get computeEnvironmentName(): string {
    return this.computeEnvironment.computeEnvironmentName;
  }

  /**
   * Fills in what the L2 renders wrongly or not at all. The L1 property is replaced rather than
   * overridden (`addPropertyOverride`) so that anything reading the resource's properties, such
   * as cdk-nag rules, sees the final values.
   */
  private completeComputeResources(props: ComputeEnvironmentOptions): void {
    const current = this.cfnComputeEnvironment.computeResources as batch.CfnComputeEnvironment.ComputeResourcesProperty;
    const launchTemplate: batch.CfnComputeEnvironment.LaunchTemplateSpecificationProperty = this.launchTemplate.launchTemplateId
      ? { launchTemplateId: this.launchTemplate.launchTemplateId, version: this.launchTemplateVersion }
      : { launchTemplateName: this.launchTemplate.launchTemplateName, version: this.launchTemplateVersion };
    this.cfnComputeEnvironment.computeResources = {
      ...current,
      launchTemplate,
      desiredvCpus: props.desiredvCpus,
      ec2KeyPair: props.ec2KeyPair,
    };
  }

  /** Checks of immutable props: thrown at construction, with the construct path. */
  private validateProps(props: ComputeEnvironmentOptions): void {
    validateAt(this, () => {
      if (props.computeEnvironmentName !== undefined && !isUnresolved(props.computeEnvironmentName)) {
        validateResourceName('computeEnvironmentName', props.computeEnvironmentName);
      }
      whenResolved([props.minvCpus, props.desiredvCpus, props.maxvCpus], () =>
        validateMinMaxDesiredVcpus('computeResources', { minvCpus: props.minvCpus, desiredvCpus: props.desiredvCpus, maxvCpus: props.maxvCpus ?? 256 }));
      if (props.userDataParts?.length && props.launchTemplate) {
        fail('userDataParts', props.userDataParts.length, 'only with the default launch template', 'CE-4',
          'add the parts to the launch template you pass instead');
      }
      if (props.spotBidPercentage !== undefined && !this.spot) {
        fail('computeResources.bidPercentage', props.spotBidPercentage, 'only for SPOT compute resources', 'LIM-13', 'spot is false');
      }
      if (props.efa) {
        this.validateEfa(props);
      }
    });
  }

  /** CE-6: EFA needs explicit EFA-capable sizes; families and `optimal` may pick sizes without one. */
  private validateEfa(props: ComputeEnvironmentOptions): void {
    if (props.instanceClasses?.length || props.defaultInstanceClasses?.length || !props.instanceTypes?.length) {
      fail('computeResources.instanceTypes', (props.instanceTypes ?? []).map(String), 'explicit EFA-capable instance sizes (no families, no optimal)', 'CE-6',
        'with efa, Batch could otherwise launch sizes that have no EFA');
    }
    const unknown = props.instanceTypes.map(String).filter((type) => !isEfaInstanceType(type));
    if (unknown.length) {
      cdk.Annotations.of(this).addWarningV2('cdk-batch-kit:efaInstanceType',
        `instance types ${unknown.join(', ')} are not in the known EFA list (CE-6); check that they support EFA`);
    }
  }

  /** Checks of the rendered resource, which can still change after the constructor (instance types). */
  private validateRendered(): string[] {
    const stack = cdk.Stack.of(this);
    const resources = stack.resolve(this.cfnComputeEnvironment.computeResources) as Record<string, unknown>;
    return validationMessages(() => {
      checkStackQuota(this.cfnComputeEnvironment, 'computeEnvironments', 'compute environments', MAX_COMPUTE_ENVIRONMENTS);
      const instanceTypes = resources.instanceTypes;
      if (Array.isArray(instanceTypes) && instanceTypes.every((type) => typeof type === 'string')) {
        validateInstanceTypes('computeResources.instanceTypes', instanceTypes as string[]);
      }
      const facts = computeEnvironmentFacts(this.cfnComputeEnvironment);
      if (facts && facts.architectures.length > 1) {
        fail('computeResources.instanceTypes', instanceTypes, 'all instance types of a compute environment share one architecture', 'LIM-3',
          `they select ${facts.architectures.join(' and ')}`);
      }
      const fleetRole = resources.spotIamFleetRole;
      validateSpotSettings('computeResources', {
        type: String(resources.type),
        allocationStrategy: typeof resources.allocationStrategy === 'string' ? resources.allocationStrategy : undefined,
        spotIamFleetRole: fleetRole === undefined ? undefined : typeof fleetRole === 'string' ? fleetRole : 'token',
        bidPercentage: typeof resources.bidPercentage === 'number' ? resources.bidPercentage : undefined,
      });
      const template = resources.launchTemplate as Record<string, unknown> | undefined;
      if (template) {
        validateLaunchTemplateSpecification('computeResources.launchTemplate', {
          launchTemplateId: template.launchTemplateId === undefined ? undefined : String(stringOrToken(template.launchTemplateId)),
          launchTemplateName: template.launchTemplateName === undefined ? undefined : String(stringOrToken(template.launchTemplateName)),
          version: typeof template.version === 'string' ? template.version : undefined,
        });
      }
    });
  }
}

/** A resolved value that is an intrinsic (an object) stands for "some string known at deploy time". */
function stringOrToken(value: unknown): string {
  return typeof value === 'string' ? value : 'token';
}
