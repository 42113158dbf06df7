import { cidrBlocks } from './cidr';
import { ParameterDefinition, parameterOption, parameterValue } from './parameter-values';
import { generatePhysicalName, generateResourceId } from './physical-names';
import { UnknownValues } from './unknown-values';
import { Environment } from '../core/model/arns';

/** A CloudFormation template, as JSON. */
export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResourceJson>;
  readonly Parameters?: Record<string, ParameterDefinition>;
  readonly Conditions?: Record<string, unknown>;
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  readonly [key: string]: unknown;
}

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: string | string[];
  readonly [key: string]: unknown;
}

/** Marks a property that `Ref: AWS::NoValue` removed. */
const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolverContext {
  readonly stackName: string;
  readonly environment: Environment;
  /** Values for template parameters, winning over their defaults. */
  readonly parameters: Record<string, string>;
  /** Values of `Fn::ImportValue` exports, by export name (CFN-4). @default - none */
  readonly imports?: Record<string, string>;
  /** Where values nobody gave get their placeholders (CFN-4). @default - a tracker of this resolver's own */
  readonly unknownValues?: UnknownValues;
  /** The outputs of a nested stack resource (CFN-5). @default - nested stacks have no outputs */
  readonly nestedStackOutput?: NestedStackOutputs;
  /**
   * PLAT-4: when the consumable resource of this name was created, in ms since the epoch on the
   * runtime's clock (`Fn::GetAtt X.CreatedAt`). @default - such a GetAtt is an error naming its path
   */
  consumableResourceCreatedAt?(name: string): number;
}

/** Loads a nested stack on first use and answers its outputs (CFN-5). */
export interface NestedStackOutputs {
  output(logicalId: string, outputName: string, path: string): unknown;
}

/**
 * Resolves the intrinsic functions of one template in ONE place: Ref, Fn::GetAtt, Fn::Join, Fn::Sub,
 * Fn::Select, Fn::Split, Fn::If/conditions, Fn::FindInMap, Fn::GetAZs, Fn::Base64, Fn::Cidr,
 * Fn::ImportValue (CFN-4), nested stacks' outputs (CFN-5) and the pseudo parameters. Parameters resolve
 * by their type (CFN-2); resources to the names and ARNs the local runtime gives them (physical-names.ts).
 */
export class IntrinsicResolver {
  private readonly physicalNames = new Map<string, string>();
  private readonly conditionCache = new Map<string, boolean>();
  private readonly parameterCache = new Map<string, unknown>();
  readonly unknownValues: UnknownValues;

  constructor(readonly template: CfnTemplate, private readonly context: ResolverContext) {
    this.unknownValues = context.unknownValues ?? new UnknownValues();
  }

  /**
   * CFN-2: the parameters that have no value (no Default and none given), with their types; SSM
   * parameters are not among them (their values are unknown values, CFN-4).
   */
  parametersWithoutValue(): string[] {
    return Object.entries(this.template.Parameters ?? {})
      .filter(([name, definition]) => !/^AWS::SSM::Parameter::Value</.test(String(definition?.Type ?? ''))
        && this.context.parameters[name] === undefined && definition?.Default === undefined)
      .map(([name, definition]) => `${name} (${definition?.Type ?? 'String'})`);
  }

  /** Fully resolves a value; throws naming the path when an intrinsic cannot be resolved. */
  resolve(value: unknown, path: string = ''): unknown {
    const resolved = this.resolveValue(value, path);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** The physical name of a resource: its explicit name property if it has one, else a generated one. */
  physicalName(logicalId: string): string {
    const known = this.physicalNames.get(logicalId);
    if (known) return known;
    const resource = this.resource(logicalId, `Ref ${logicalId}`);
    const nameProperty = NAME_PROPERTIES[resource.Type];
    const explicit = nameProperty ? resource.Properties?.[nameProperty] : undefined;
    const name = explicit !== undefined
      ? String(this.resolve(explicit, `${logicalId}.Properties.${nameProperty}`))
      : generatePhysicalName(this.context.stackName, logicalId);
    this.physicalNames.set(logicalId, name);
    return name;
  }

  /** Whether a resource's `Condition` holds (resources without one always exist). */
  resourceExists(logicalId: string): boolean {
    const condition = this.template.Resources?.[logicalId]?.Condition;
    return condition === undefined || this.condition(condition);
  }

  resource(logicalId: string, path: string): CfnResourceJson {
    const resource = this.template.Resources?.[logicalId];
    if (!resource) throw new Error(`${path}: the template has no resource or parameter named ${logicalId}`);
    return resource;
  }

  /** What `Ref` returns for a resource (CloudFormation's documented return values per type). */
  ref(logicalId: string, path: string): string {
    const param = this.template.Parameters?.[logicalId];
    if (param) return String(this.parameter(logicalId, param));
    const resource = this.resource(logicalId, path);
    const { environment: env } = this.context;
    const name = this.physicalName(logicalId);
    switch (resource.Type) {
      case 'AWS::Batch::ComputeEnvironment': return `arn:${env.partition}:batch:${env.region}:${env.account}:compute-environment/${name}`;
      case 'AWS::Batch::JobQueue': return `arn:${env.partition}:batch:${env.region}:${env.account}:job-queue/${name}`;
      // Each template load registers revision 1 of a fresh job definition name.
      case 'AWS::Batch::JobDefinition': return `arn:${env.partition}:batch:${env.region}:${env.account}:job-definition/${name}:1`;
      case 'AWS::Batch::SchedulingPolicy': return `arn:${env.partition}:batch:${env.region}:${env.account}:scheduling-policy/${name}`;
      // PLAT-4: CloudFormation's Ref of a consumable resource is its ARN (the resource's primary identifier).
      case 'AWS::Batch::ConsumableResource': return `arn:${env.partition}:batch:${env.region}:${env.account}:consumable-resource/${name}`;
      case 'AWS::SNS::Topic': return `arn:${env.partition}:sns:${env.region}:${env.account}:${name}`;
      case 'AWS::SQS::Queue': return `https://sqs.${env.region}.amazonaws.com/${env.account}/${name}`;
      case 'AWS::EC2::VPC': return generateResourceId('vpc', this.context.stackName, logicalId);
      case 'AWS::EC2::Subnet': return generateResourceId('subnet', this.context.stackName, logicalId);
      case 'AWS::EC2::SecurityGroup': return generateResourceId('sg', this.context.stackName, logicalId);
      case 'AWS::EC2::LaunchTemplate': return generateResourceId('lt', this.context.stackName, logicalId);
      case 'AWS::EC2::InternetGateway': return generateResourceId('igw', this.context.stackName, logicalId);
      case 'AWS::EC2::NatGateway': return generateResourceId('nat', this.context.stackName, logicalId);
      case 'AWS::EC2::RouteTable': return generateResourceId('rtb', this.context.stackName, logicalId);
      case 'AWS::EC2::EIP': return '198.51.100.1';
      case 'AWS::EC2::VPCEndpoint': return generateResourceId('vpce', this.context.stackName, logicalId);
      case 'AWS::EC2::PlacementGroup': return name;
      default: return name;
    }
  }

  /** What `Fn::GetAtt` returns. */
  getAtt(logicalId: string, attribute: string, path: string): unknown {
    const resource = this.resource(logicalId, path);
    const { environment: env } = this.context;
    const name = this.physicalName(logicalId);
    switch (`${resource.Type}.${attribute}`) {
      case 'AWS::Batch::ComputeEnvironment.ComputeEnvironmentArn':
      case 'AWS::Batch::JobQueue.JobQueueArn':
      case 'AWS::Batch::JobDefinition.JobDefinitionArn':
      case 'AWS::Batch::SchedulingPolicy.Arn':
      case 'AWS::Batch::ConsumableResource.ConsumableResourceArn':
      case 'AWS::SNS::Topic.TopicArn':
        return this.ref(logicalId, path);
      // PLAT-4: CloudFormation reads these when it creates the resource: all of it available, none in use yet.
      case 'AWS::Batch::ConsumableResource.AvailableQuantity': return Number(this.resolve(resource.Properties?.TotalQuantity ?? 0, path));
      case 'AWS::Batch::ConsumableResource.InUseQuantity': return 0;
      case 'AWS::Batch::ConsumableResource.CreatedAt': {
        if (!this.context.consumableResourceCreatedAt) throw new Error(`${path}: ${logicalId}.CreatedAt is known only when the template is loaded into a runtime`);
        return this.context.consumableResourceCreatedAt(name);
      }
      case 'AWS::IAM::Role.Arn': {
        const rolePath = String(this.resolve(resource.Properties?.Path ?? '/', path));
        return `arn:${env.partition}:iam::${env.account}:role${rolePath}${name}`;
      }
      case 'AWS::IAM::Role.RoleId': return `AROA${generateResourceId('r', this.context.stackName, logicalId).slice(4).toUpperCase()}`;
      case 'AWS::IAM::InstanceProfile.Arn': {
        const profilePath = String(this.resolve(resource.Properties?.Path ?? '/', path));
        return `arn:${env.partition}:iam::${env.account}:instance-profile${profilePath}${name}`;
      }
      case 'AWS::EC2::LaunchTemplate.LatestVersionNumber':
      case 'AWS::EC2::LaunchTemplate.DefaultVersionNumber':
        return '1';
      case 'AWS::EC2::LaunchTemplate.LaunchTemplateId': return this.ref(logicalId, path);
      case 'AWS::EC2::SecurityGroup.GroupId': return this.ref(logicalId, path);
      case 'AWS::EC2::VPC.CidrBlock': return this.resolve(resource.Properties?.CidrBlock, path);
      case 'AWS::EC2::VPC.DefaultSecurityGroup': return generateResourceId('sg', this.context.stackName, `${logicalId}Default`);
      case 'AWS::EC2::Subnet.SubnetId': return this.ref(logicalId, path);
      case 'AWS::EC2::Subnet.AvailabilityZone': return this.resolve(resource.Properties?.AvailabilityZone, path);
      case 'AWS::EC2::EIP.AllocationId': return generateResourceId('eipalloc', this.context.stackName, logicalId);
      case 'AWS::SQS::Queue.QueueName': return name;
    }
    if (resource.Type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
      if (!this.context.nestedStackOutput) throw new Error(`${path}: ${logicalId} is a nested stack, and its template could not be read`);
      return this.context.nestedStackOutput.output(logicalId, attribute.slice('Outputs.'.length), path);
    }
    if (attribute === 'Arn') {
      // Arn of a resource type without a special case: a well-formed ARN of its service.
      const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'unknown';
      return `arn:${env.partition}:${service}:${env.region}:${env.account}:${name}`;
    }
    return `${name}.${attribute}`;
  }

  condition(name: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const definition = this.template.Conditions?.[name];
    if (definition === undefined) throw new Error(`Condition ${name} is not defined in the template`);
    const result = Boolean(this.resolve(definition, `Conditions.${name}`));
    this.conditionCache.set(name, result);
    return result;
  }

  /** A parameter's value by its type (CFN-2); an SSM parameter nobody gave a value is an unknown value (CFN-4). */
  private parameter(name: string, definition: ParameterDefinition): unknown {
    if (this.parameterCache.has(name)) return this.parameterCache.get(name);
    let value = parameterValue(name, definition ?? {}, this.context.parameters[name]);
    if (value === undefined) {
      if (!/^AWS::SSM::Parameter::Value</.test(String(definition?.Type ?? ''))) {
        throw new Error(`Parameter ${name} (${definition?.Type ?? 'String'}) has no value: give it with ${parameterOption(name)}`);
      }
      const placeholder = this.unknownValues.placeholder('SSM parameter', name);
      value = /^AWS::SSM::Parameter::Value<List<|CommaDelimitedList>$/.test(String(definition.Type)) ? [placeholder] : placeholder;
    }
    this.parameterCache.set(name, value);
    return value;
  }

  private importValue(exportName: string): string {
    const given = this.context.imports?.[exportName];
    return given !== undefined ? given : this.unknownValues.placeholder('export', exportName);
  }

  private pseudo(name: string): string | typeof NO_VALUE | undefined {
    const { environment: env, stackName } = this.context;
    switch (name) {
      case 'AWS::AccountId': return env.account;
      case 'AWS::Region': return env.region;
      case 'AWS::Partition': return env.partition;
      case 'AWS::URLSuffix': return 'amazonaws.com';
      case 'AWS::StackName': return stackName;
      case 'AWS::StackId': return `arn:${env.partition}:cloudformation:${env.region}:${env.account}:stack/${stackName}/00000000-0000-4000-8000-000000000000`;
      case 'AWS::NotificationARNs': return undefined;
      case 'AWS::NoValue': return NO_VALUE;
      default: return undefined;
    }
  }

  private resolveValue(value: unknown, path: string): unknown {
    if (Array.isArray(value)) {
      return value.map((v, i) => this.resolveValue(v, `${path}[${i}]`)).filter((v) => v !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1) {
      const [key, arg] = entries[0];
      if (key === 'Ref' || key.startsWith('Fn::') || key === 'Condition') {
        return this.intrinsic(key, arg, `${path}.${key}`);
      }
    }
    const result: Record<string, unknown> = {};
    for (const [key, child] of entries) {
      const resolved = this.resolveValue(child, path ? `${path}.${key}` : key);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  private intrinsic(name: string, arg: unknown, path: string): unknown {
    switch (name) {
      case 'Ref': {
        const target = String(arg);
        const pseudo = this.pseudo(target);
        if (pseudo !== undefined) return pseudo;
        const param = this.template.Parameters?.[target];
        return param ? this.parameter(target, param) : this.ref(target, path);
      }
      case 'Fn::ImportValue': return this.importValue(String(this.resolveValue(arg, path)));
      case 'Fn::Cidr': {
        const [block, count, bits] = (arg as unknown[]).map((v) => this.resolveValue(v, path));
        return cidrBlocks(String(block), Number(count), Number(bits), path);
      }
      case 'Fn::Length': {
        const list = this.resolveValue(arg, path);
        return Array.isArray(list) ? list.length : 0;
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg.map((v) => this.resolveValue(v, path)) : String(arg).split(/\.(.+)/);
        return this.getAtt(String(logicalId), String(attribute), path);
      }
      case 'Fn::Join': {
        const [separator, items] = arg as [string, unknown];
        const list = this.resolveValue(items, path) as unknown[];
        return list.map(String).join(separator);
      }
      case 'Fn::Select': {
        const [index, items] = arg as [unknown, unknown];
        const list = this.resolveValue(items, path) as unknown[];
        const i = Number(this.resolveValue(index, path));
        if (!Array.isArray(list) || i < 0 || i >= list.length) throw new Error(`${path}: index ${i} out of range of ${JSON.stringify(list)}`);
        return list[i];
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        return String(this.resolveValue(source, path)).split(separator);
      }
      case 'Fn::Sub': return this.sub(arg, path);
      case 'Fn::Base64': return Buffer.from(String(this.resolveValue(arg, path)), 'utf8').toString('base64');
      case 'Fn::GetAZs': return ['a', 'b', 'c'].map((zone) => `${this.context.environment.region}${zone}`);
      case 'Fn::FindInMap': {
        const [map, top, second] = (arg as unknown[]).map((v) => String(this.resolveValue(v, path)));
        const found = this.template.Mappings?.[map]?.[top]?.[second];
        if (found === undefined) throw new Error(`${path}: mapping ${map}.${top}.${second} not found`);
        return found;
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
        return this.resolveValue(this.condition(condition) ? whenTrue : whenFalse, path);
      }
      case 'Fn::Equals': {
        // CloudFormation compares scalars as strings: a Number parameter equals '0' and 0 alike.
        const [a, b] = (arg as unknown[]).map((v) => this.resolveValue(v, path)).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
        return a === b;
      }
      case 'Fn::Not': return !this.resolveValue((arg as unknown[])[0], path);
      case 'Fn::And': return (arg as unknown[]).every((v) => this.resolveValue(v, path));
      case 'Fn::Or': return (arg as unknown[]).some((v) => this.resolveValue(v, path));
      case 'Condition': return this.condition(String(arg));
      case 'Fn::ToJsonString': return JSON.stringify(this.resolveValue(arg, path));
      default:
        throw new Error(`${path}: the local runtime does not support the intrinsic ${name}`);
    }
  }

  private sub(arg: unknown, path: string): string {
    const [text, variables] = Array.isArray(arg) ? [String(arg[0]), arg[1] as Record<string, unknown>] : [String(arg), {}];
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_match, expression: string) => {
      if (variables && Object.prototype.hasOwnProperty.call(variables, expression)) {
        return String(this.resolveValue(variables[expression], path));
      }
      const pseudo = this.pseudo(expression);
      if (typeof pseudo === 'string') return pseudo;
      const dot = expression.indexOf('.');
      return dot > 0
        ? String(this.getAtt(expression.slice(0, dot), expression.slice(dot + 1), path))
        : this.ref(expression, path);
    }).replace(/\$\{!/g, '${');
  }
}

/** The property holding a resource's explicit physical name, per type. */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::Batch::ComputeEnvironment': 'ComputeEnvironmentName',
  'AWS::Batch::JobQueue': 'JobQueueName',
  'AWS::Batch::JobDefinition': 'JobDefinitionName',
  'AWS::Batch::SchedulingPolicy': 'Name',
  'AWS::Batch::ConsumableResource': 'ConsumableResourceName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Events::Rule': 'Name',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateName',
  'AWS::S3::Bucket': 'BucketName',
};
