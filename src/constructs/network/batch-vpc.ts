import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** The VPC range when none is given. */
const DEFAULT_CIDR = '10.0.0.0/16';

/**
 * How instances in the compute subnets reach the ECS, ECR and CloudWatch Logs endpoints (NET-1).
 */
export enum BatchVpcEgress {
  /** Private subnets route to a NAT gateway (with an Elastic IP) in a public subnet. */
  NAT_GATEWAY = 'NAT_GATEWAY',
  /**
   * No internet route at all: isolated subnets reach AWS through interface endpoints (ecs,
   * ecs-agent, ecs-telemetry, ecr.api, ecr.dkr, logs) and an S3 gateway endpoint (ECR layers).
   * Images must then come from ECR in the same region.
   */
  VPC_ENDPOINTS = 'VPC_ENDPOINTS',
}

/**
 * Properties of a `BatchVpc`.
 */
export interface BatchVpcProps {
  /**
   * How many Availability Zones to use.
   *
   * @default 2
   */
  readonly maxAzs?: number;

  /**
   * How the compute subnets reach AWS endpoints.
   *
   * @default BatchVpcEgress.NAT_GATEWAY
   */
  readonly egress?: BatchVpcEgress;

  /**
   * How many NAT gateways to create (only with `BatchVpcEgress.NAT_GATEWAY`). One per AZ
   * survives the loss of an AZ; one in total is the seed tutorial's cheaper setup.
   *
   * @default 1
   */
  readonly natGateways?: number;

  /**
   * The IP range of the VPC.
   *
   * @default 10.0.0.0/16
   */
  readonly ipAddresses?: ec2.IIpAddresses;

  /**
   * Whether to record VPC flow logs (all traffic). On by default because a Batch VPC runs
   * arbitrary workloads and flow logs are the only record of what they talked to.
   *
   * @default true
   */
  readonly flowLogs?: boolean;

  /**
   * Where flow logs go.
   *
   * @default - a new CloudWatch Logs log group
   */
  readonly flowLogDestination?: ec2.FlowLogDestination;

  /**
   * The VPC's Name tag.
   *
   * @default - the construct path
   */
  readonly vpcName?: string;
}

/**
 * The reference VPC of the AWS Batch tutorial (NET-1): 2 AZs, a public and a private subnet in
 * each, one NAT gateway with an Elastic IP, public subnets that auto-assign public IPv4, and
 * flow logs. With `BatchVpcEgress.VPC_ENDPOINTS` it has isolated subnets and VPC endpoints
 * instead of a NAT gateway.
 */
export class BatchVpc extends ec2.Vpc {
  /** The interface endpoints an ECS container instance needs when it has no internet route. */
  public static readonly INTERFACE_ENDPOINT_SERVICES: ec2.InterfaceVpcEndpointAwsService[] = [
    ec2.InterfaceVpcEndpointAwsService.ECS,
    ec2.InterfaceVpcEndpointAwsService.ECS_AGENT,
    ec2.InterfaceVpcEndpointAwsService.ECS_TELEMETRY,
    ec2.InterfaceVpcEndpointAwsService.ECR,
    ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
    ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  ];

  /** How the compute subnets reach AWS endpoints. */
  public readonly egress: BatchVpcEgress;
  /** The subnets compute environments should use (never the public ones). */
  public readonly computeSubnets: ec2.SubnetSelection;
  /** The flow log, when enabled. */
  public readonly flowLog?: ec2.FlowLog;
  /** The security group of the interface endpoints (NAT-less egress only). */
  public readonly endpointSecurityGroup?: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: BatchVpcProps = {}) {
    const egress = props.egress ?? BatchVpcEgress.NAT_GATEWAY;
    const natLess = egress === BatchVpcEgress.VPC_ENDPOINTS;
    super(scope, id, {
      vpcName: props.vpcName,
      maxAzs: props.maxAzs ?? 2,
      ipAddresses: props.ipAddresses ?? ec2.IpAddresses.cidr(DEFAULT_CIDR),
      natGateways: natLess ? 0 : props.natGateways ?? 1,
      subnetConfiguration: natLess
        ? [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20 }]
        : [
          { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: true, cidrMask: 24 },
          { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        ],
    });
    this.egress = egress;
    this.computeSubnets = { subnetType: natLess ? ec2.SubnetType.PRIVATE_ISOLATED : ec2.SubnetType.PRIVATE_WITH_EGRESS };

    if (props.flowLogs ?? true) {
      this.flowLog = this.addFlowLog('FlowLog', {
        destination: props.flowLogDestination ?? ec2.FlowLogDestination.toCloudWatchLogs(),
        trafficType: ec2.FlowLogTrafficType.ALL,
      });
    }

    if (natLess) {
      this.addGatewayEndpoint('S3Endpoint', {
        service: ec2.GatewayVpcEndpointAwsService.S3,
        subnets: [this.computeSubnets],
      });
      // One group for all endpoints: HTTPS from inside the VPC. The CIDR is written as a literal
      // when it is ours, so that checks such as cdk-nag's EC23 can read it.
      this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
        vpc: this,
        description: 'AWS service endpoints: HTTPS from inside the VPC (NET-1)',
        allowAllOutbound: false,
      });
      const cidr = props.ipAddresses ? this.vpcCidrBlock : DEFAULT_CIDR;
      this.endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS from the VPC to AWS service endpoints');
      for (const service of BatchVpc.INTERFACE_ENDPOINT_SERVICES) {
        this.addInterfaceEndpoint(endpointId(service), {
          service,
          subnets: this.computeSubnets,
          privateDnsEnabled: true,
          securityGroups: [this.endpointSecurityGroup],
          open: false,
        });
      }
    }
  }
}

/** `com.amazonaws.us-east-1.ecr.dkr` -> `EcrDkrEndpoint`: stable, readable logical ids. */
function endpointId(service: ec2.InterfaceVpcEndpointAwsService): string {
  const short = service.shortName;
  return short.split(/[.-]/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('') + 'Endpoint';
}
