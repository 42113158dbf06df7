import { CfnResourceJson, CfnTemplate, IntrinsicResolver, NestedStackOutputs } from './intrinsic-resolver';
import { LoadedTemplate, LoadTemplateOptions, TemplateLoaderFunction } from './loaded-template';
import { generatePhysicalName } from './physical-names';
import { NotModelledResource } from './resource-preparation';
import { BatchBackend } from '../core/backend';

export type { NestedTemplate, NestedTemplateSource } from './loaded-template';

/**
 * CFN-5: the `AWS::CloudFormation::Stack` resources of a template. Each child is loaded into the same
 * backend, as a stack named as CloudFormation names nested stacks (`<parent>-<LogicalId>-<SUFFIX>`),
 * with the parameters the parent passes; `Fn::GetAtt Child.Outputs.X` loads the child on first use,
 * so a child that takes another's outputs loads after it. A child whose template cannot be read is
 * listed as not modelled (CFN-6), and only a reference to one of its outputs is an error.
 */
export class NestedStacks implements NestedStackOutputs {
  private readonly loaded = new Map<string, LoadedTemplate | undefined>();
  private readonly loading = new Set<string>();
  private resolver?: IntrinsicResolver;

  constructor(
    private readonly backend: BatchBackend,
    private readonly template: CfnTemplate,
    private readonly stackName: string,
    private readonly options: LoadTemplateOptions,
    private readonly notModelled: NotModelledResource[],
    private readonly warnings: string[],
    /** The loader itself, which loads each child (passed in: the two modules would import each other). */
    private readonly loadNested: TemplateLoaderFunction,
  ) {}

  /** The parent's resolver (it and this refer to each other). */
  attach(resolver: IntrinsicResolver): void {
    this.resolver = resolver;
  }

  loadAll(resources: Array<[string, CfnResourceJson]>): void {
    for (const [logicalId, resource] of resources) {
      if (resource.Type === 'AWS::CloudFormation::Stack') this.load(logicalId, logicalId);
    }
  }

  output(logicalId: string, outputName: string, path: string): unknown {
    const child = this.load(logicalId, path);
    if (!child) {
      throw new Error(`${path}: the template of nested stack ${logicalId} could not be read here, so its output ${outputName} is unknown; `
        + 'give its TemplateURL as a local file or load the cdk.out directory (CFN-5)');
    }
    const output = child.resolver.template.Outputs as Record<string, { Value?: unknown; Condition?: string }> | undefined;
    const definition = output?.[outputName];
    if (!definition) throw new Error(`${path}: nested stack ${logicalId} has no output ${outputName}; it has: ${Object.keys(output ?? {}).join(', ') || 'none'}`);
    return child.resolver.resolve(definition.Value, `${child.stackName}.Outputs.${outputName}`);
  }

  private load(logicalId: string, path: string): LoadedTemplate | undefined {
    if (this.loaded.has(logicalId)) return this.loaded.get(logicalId);
    if (this.loading.has(logicalId)) throw new Error(`${path}: nested stack ${logicalId} depends on its own outputs`);
    this.loading.add(logicalId);
    try {
      const child = this.loadChild(logicalId);
      this.loaded.set(logicalId, child);
      return child;
    } finally {
      this.loading.delete(logicalId);
    }
  }

  private loadChild(logicalId: string): LoadedTemplate | undefined {
    const resolver = this.resolver!;
    const resource = this.template.Resources![logicalId];
    const properties = resolver.resolve(resource.Properties ?? {}, `${logicalId}.Properties`) as Record<string, unknown>;
    const metadata = resource.Metadata as Record<string, unknown> | undefined;
    const assetPath = typeof metadata?.['aws:asset:path'] === 'string' ? metadata['aws:asset:path'] as string : undefined;
    const read = this.options.nestedTemplates?.read(logicalId, properties.TemplateURL, assetPath);
    if (!read) {
      this.notModelled.push({
        stackName: this.stackName,
        logicalId,
        type: resource.Type,
        reason: `its template (${JSON.stringify(properties.TemplateURL ?? assetPath)}) is not a local file or cdk.out asset`,
      });
      return undefined;
    }
    const parameters = Object.fromEntries(Object.entries((properties.Parameters ?? {}) as Record<string, unknown>)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]));
    const child = this.loadNested(this.backend, read.template, generatePhysicalName(this.stackName, logicalId), parameters, {
      ...this.options, nestedTemplates: read.nested, constructPaths: undefined,
    });
    this.notModelled.push(...child.notModelled);
    this.warnings.push(...child.warnings);
    return child;
  }
}
