import { CfnResourceJson, CfnTemplate, IntrinsicResolver } from './intrinsic-resolver';
import { markLaunchTemplateProblems, readLaunchTemplates } from './launch-template-loading';
import { LoadedTemplate, LoadTemplateOptions } from './loaded-template';
import { MalformedTemplateError } from './malformed-template-error';
import { NestedStacks } from './nested-stacks';
import { NotModelledResource, notModelledTypeReason, prepareForApi } from './resource-preparation';
import { UnknownValues } from './unknown-values';
import { BatchBackend } from '../core/backend';
import { ClientException } from '../core/errors';
import { CreateConsumableResourceRequest } from '../core/model/consumable-resource-operations';
import { CreateComputeEnvironmentRequest, CreateJobQueueRequest, CreateSchedulingPolicyRequest, RegisterJobDefinitionRequest } from '../core/model/requests';
import { AliasedKind } from '../core/model/resource-aliases';

export type { NotModelledResource } from './resource-preparation';
export type { LoadedTemplate, LoadTemplateOptions } from './loaded-template';

/**
 * The Batch resource types the loader turns into backend calls, in creation order (a consumable
 * resource before the job definitions that need it, PLAT-4; a scheduling policy before the queues
 * that name it, FS-2).
 */
const BATCH_TYPES = ['AWS::Batch::ConsumableResource', 'AWS::Batch::SchedulingPolicy', 'AWS::Batch::ComputeEnvironment', 'AWS::Batch::JobQueue', 'AWS::Batch::JobDefinition'] as const;

/** Kinds that lookups by logical id or construct path accept (queues name their policy by ARN). */
const KIND_OF_TYPE: Partial<Record<typeof BATCH_TYPES[number], AliasedKind>> = {
  'AWS::Batch::ComputeEnvironment': 'compute environment',
  'AWS::Batch::JobQueue': 'job queue',
  'AWS::Batch::JobDefinition': 'job definition',
};

/**
 * Loads a CloudFormation template into the backend through the same operations the HTTP API uses
 * (createComputeEnvironment, createJobQueue, registerJobDefinition), so validation and errors are
 * the same whichever way a resource arrives. Each resource's logical id and construct path (from
 * `constructPaths`, else its `aws:cdk:path` metadata) become aliases every lookup accepts. What the
 * runtime does not model is listed and never stops the rest (CFN-6).
 */
export function loadTemplate(
  backend: BatchBackend,
  template: CfnTemplate,
  stackName: string,
  parameters: Record<string, string> = {},
  options: LoadTemplateOptions = {},
): LoadedTemplate {
  if (!template || typeof template !== 'object' || typeof template.Resources !== 'object' || template.Resources === null) {
    throw new MalformedTemplateError(`The template of ${stackName} has no Resources section; is it a CloudFormation template?`);
  }
  const unknownValues = options.unknownValues ?? new UnknownValues();
  const notModelled: NotModelledResource[] = [];
  const warnings: string[] = [];
  const nested = new NestedStacks(backend, template, stackName, { ...options, unknownValues }, notModelled, warnings, loadTemplate);
  const resolver = new IntrinsicResolver(template, {
    stackName,
    environment: backend.environment,
    parameters,
    imports: options.imports,
    unknownValues,
    nestedStackOutput: nested,
    // PLAT-4: consumable resources load first; one not created (yet) would be created now, in the same load.
    consumableResourceCreatedAt: (name) => backend.registry.consumableResources.find(name)?.createdAt ?? backend.loop.now(),
  });
  nested.attach(resolver);
  const missing = resolver.parametersWithoutValue();
  if (missing.length > 0) {
    throw new Error(`The template of ${stackName} needs values for ${missing.join(', ')}: give each with --parameter NAME=VALUE (the runtime's \`parameters\` prop) (CFN-2)`);
  }
  const resources = Object.entries(template.Resources).filter(([id]) => resolver.resourceExists(id));
  if (!resources.some(([, r]) => r?.Type?.startsWith('AWS::Batch::') || r?.Type === 'AWS::CloudFormation::Stack')) {
    const types = [...new Set(resources.map(([, r]) => r?.Type))].sort();
    throw new Error(`The template of ${stackName} has no AWS Batch resources (AWS::Batch::*) and no nested stacks; it has: ${types.join(', ') || 'no resources'}`);
  }
  for (const [logicalId, resource] of resources) {
    const reason = notModelledTypeReason(resource.Type);
    if (reason) notModelled.push({ stackName, logicalId, type: resource.Type, reason });
  }
  nested.loadAll(resources);

  const batchResources = new Map<string, string>();
  const launchTemplateProblems = readLaunchTemplates(backend, resolver, resources);
  for (const type of BATCH_TYPES) {
    for (const [logicalId, resource] of resources) {
      if (resource.Type !== type) continue;
      const path = `${stackName}/${logicalId}`;
      const kind = KIND_OF_TYPE[type];
      try {
        const resolved = resolver.resolve(resource.Properties ?? {}, `${logicalId}.Properties`) as Record<string, unknown>;
        const props = prepareForApi(backend, resolver, type, resolved, path, warnings);
        const name = resolver.physicalName(logicalId);
        switch (type) {
          case 'AWS::Batch::ConsumableResource':
            backend.consumableResources.create({ ...props, consumableResourceName: name } as unknown as CreateConsumableResourceRequest);
            break;
          case 'AWS::Batch::SchedulingPolicy':
            backend.createSchedulingPolicy({ ...props, name } as unknown as CreateSchedulingPolicyRequest);
            break;
          case 'AWS::Batch::ComputeEnvironment':
            markLaunchTemplateProblems(
              backend,
              backend.createComputeEnvironment({ ...props, computeEnvironmentName: name } as unknown as CreateComputeEnvironmentRequest),
              launchTemplateProblems,
            );
            break;
          case 'AWS::Batch::JobQueue':
            backend.createJobQueue({ ...props, jobQueueName: name, priority: Number(props.priority ?? 1) } as unknown as CreateJobQueueRequest);
            break;
          case 'AWS::Batch::JobDefinition':
            backend.registerJobDefinition({ ...props, jobDefinitionName: name } as unknown as RegisterJobDefinitionRequest);
            break;
        }
      } catch (error) {
        const reason = notModelledPartReason(resource, error);
        if (reason !== undefined) {
          // CFN-6: AWS accepts it, the local runtime cannot run it: listed, and named when a job uses it.
          notModelled.push({ stackName, logicalId, type, reason });
          // A policy is named by ARN only (no alias kind): listing it is all there is to do.
          if (kind !== undefined) backend.registry.notModelled.add(kind, refsOf(resolver, logicalId, path), logicalId, reason);
          continue;
        }
        const named = error instanceof ClientException ? new ClientException(`${path} (${type}): ${error.message}`) : error;
        if (!options.rejected || !(named instanceof Error)) throw named;
        options.rejected.push(named);
        continue;
      }
      const target = resolver.ref(logicalId, path);
      batchResources.set(logicalId, target);
      const metadataPath = (resource.Metadata as Record<string, unknown> | undefined)?.['aws:cdk:path'];
      if (kind === undefined) continue;
      backend.registry.aliases.add(kind, {
        target: String(target),
        logicalId,
        constructPath: options.constructPaths?.get(logicalId) ?? (typeof metadataPath === 'string' ? metadataPath : undefined),
      });
    }
  }
  const ownNotModelled = notModelled.filter((n) => n.stackName === stackName);
  for (const item of ownNotModelled) warnings.push(`${item.stackName}/${item.logicalId} (${item.type}) is not modelled by the local runtime: ${item.reason} (CFN-6)`);
  // A parent reports the unknown values of the whole tree once; a nested stack leaves them to it.
  if (options.unknownValues === undefined) warnings.push(...unknownValues.warnings);
  return { stackName, resolver, batchResources, notModelled, warnings };
}

/**
 * Why a Batch resource the API rejected is a part the runtime does not model (its EKS parts, or a
 * reference to a resource that is not modelled), or undefined when the rejection is the template's fault.
 */
function notModelledPartReason(resource: CfnResourceJson, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (/\(CFN-6\)/.test(message)) return `it refers to a resource the local runtime does not model: ${message}`;
  const properties = resource.Properties ?? {};
  // MNP-1: an EKS node range (`NodeProperties.NodeRangeProperties[].EksProperties`) is such a part too.
  const eksNodeRange = ((properties.NodeProperties as { NodeRangeProperties?: unknown[] } | undefined)?.NodeRangeProperties ?? [])
    .some((range) => typeof range === 'object' && range !== null && 'EksProperties' in range);
  if (error instanceof ClientException && ('EksProperties' in properties || 'EksConfiguration' in properties || eksNodeRange)) {
    return `its EKS part is not supported here: ${message}`;
  }
  return undefined;
}

/** The references a job could use for a resource: logical id, name, ARN and `name:revision`. */
function refsOf(resolver: IntrinsicResolver, logicalId: string, path: string): string[] {
  const refs = [logicalId];
  try {
    const arn = resolver.ref(logicalId, path);
    // The ARN's resource part: a job definition's `name:revision`, as SubmitJob takes it too.
    refs.push(resolver.physicalName(logicalId), arn, arn.slice(arn.lastIndexOf('/') + 1));
  } catch {
    // A name that cannot be resolved: the logical id still names it.
  }
  return refs;
}
