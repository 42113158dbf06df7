import { toApiShape } from './cfn-properties';
import { CfnTemplate, IntrinsicResolver } from './intrinsic-resolver';
import { markLaunchTemplateProblems, readLaunchTemplates } from './launch-template-loading';
import { BatchBackend } from '../core/backend';
import { ClientException } from '../core/errors';
import { CreateComputeEnvironmentRequest, CreateJobQueueRequest, CreateSchedulingPolicyRequest, RegisterJobDefinitionRequest } from '../core/model/requests';
import { AliasedKind } from '../core/model/resource-aliases';

/**
 * The Batch resource types the loader turns into backend calls, in creation order (a scheduling policy
 * before the queues that name it, FS-2).
 */
const BATCH_TYPES = ['AWS::Batch::SchedulingPolicy', 'AWS::Batch::ComputeEnvironment', 'AWS::Batch::JobQueue', 'AWS::Batch::JobDefinition'] as const;

/** Kinds that lookups by logical id or construct path accept (queues name their policy by ARN). */
const KIND_OF_TYPE: Partial<Record<typeof BATCH_TYPES[number], AliasedKind>> = {
  'AWS::Batch::ComputeEnvironment': 'compute environment',
  'AWS::Batch::JobQueue': 'job queue',
  'AWS::Batch::JobDefinition': 'job definition',
};

/** What loading a template produced: how its logical ids map to the runtime's ARNs. */
export interface LoadedTemplate {
  readonly stackName: string;
  readonly resolver: IntrinsicResolver;
  /** Logical id -> ARN, for the Batch resources created. */
  readonly batchResources: ReadonlyMap<string, string>;
}

export interface LoadTemplateOptions {
  /**
   * When given, a resource the API rejects is added here (its error names the resource) and loading
   * goes on with the next one, so a diagnosis can list every invalid resource. Resources that refer
   * to a rejected one are then rejected too. @default - the first rejected resource throws
   */
  readonly rejected?: Error[];
  /**
   * Logical id -> construct path, from the construct tree when the template comes from a stack (apps
   * created in tests write no path metadata). @default - the template's `aws:cdk:path` metadata only
   */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

/**
 * Loads a CloudFormation template into the backend through the same operations the HTTP API uses
 * (createComputeEnvironment, createJobQueue, registerJobDefinition), so validation and errors are
 * the same whichever way a resource arrives. Each resource's logical id and construct path (from
 * `constructPaths`, else its `aws:cdk:path` metadata) become aliases every lookup accepts.
 */
export function loadTemplate(
  backend: BatchBackend,
  template: CfnTemplate,
  stackName: string,
  parameters: Record<string, string> = {},
  options: LoadTemplateOptions = {},
): LoadedTemplate {
  if (!template || typeof template !== 'object' || typeof template.Resources !== 'object') {
    throw new Error(`The template of ${stackName} has no Resources section; is it a CloudFormation template?`);
  }
  const resolver = new IntrinsicResolver(template, { stackName, environment: backend.environment, parameters });
  const resources = Object.entries(template.Resources).filter(([id]) => resolver.resourceExists(id));
  const batchResources = new Map<string, string>();
  if (!resources.some(([, r]) => (BATCH_TYPES as readonly string[]).includes(r.Type))) {
    const types = [...new Set(resources.map(([, r]) => r.Type))].sort();
    throw new Error(`The template of ${stackName} has no AWS Batch resources (AWS::Batch::ComputeEnvironment, JobQueue or JobDefinition); it has: ${types.join(', ') || 'no resources'}`);
  }

  const launchTemplateProblems = readLaunchTemplates(backend, resolver, resources);
  for (const type of BATCH_TYPES) {
    for (const [logicalId, resource] of resources) {
      if (resource.Type !== type) continue;
      const path = `${stackName}/${logicalId}`;
      try {
        const props = toApiShape(resolver.resolve(resource.Properties ?? {}, `${logicalId}.Properties`)) as Record<string, unknown>;
        const name = resolver.physicalName(logicalId);
        switch (type) {
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
        const named = error instanceof ClientException ? new ClientException(`${path} (${type}): ${error.message}`) : error;
        if (!options.rejected || !(named instanceof Error)) throw named;
        options.rejected.push(named);
        continue;
      }
      const target = resolver.ref(logicalId, path);
      batchResources.set(logicalId, target);
      const metadataPath = (resource.Metadata as Record<string, unknown> | undefined)?.['aws:cdk:path'];
      const kind = KIND_OF_TYPE[type];
      if (kind === undefined) continue;
      backend.registry.aliases.add(kind, {
        target: String(target),
        logicalId,
        constructPath: options.constructPaths?.get(logicalId) ?? (typeof metadataPath === 'string' ? metadataPath : undefined),
      });
    }
  }
  return { stackName, resolver, batchResources };
}
