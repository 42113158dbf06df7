import { CfnTemplate, IntrinsicResolver } from './intrinsic-resolver';
import { NotModelledResource } from './resource-preparation';
import { UnknownValues } from './unknown-values';
import { BatchBackend } from '../core/backend';

// The loader's types, apart from the loader: nested-stacks.ts loads each child with the loader it is
// given, and both modules need these types, so keeping them here keeps the two from importing each other.

/** A nested stack's template, read from where the parent's file is. */
export interface NestedTemplate {
  readonly template: CfnTemplate;
  /** Where it was read (for messages). */
  readonly source: string;
  /** Where its own nested stacks are read. */
  readonly nested: NestedTemplateSource;
}

/** Reads the templates of nested stacks (CFN-5); the file reader gives one for the template's directory. */
export interface NestedTemplateSource {
  /**
   * The template of nested stack `logicalId`: `templateUrl` is its resolved `TemplateURL`, `assetPath`
   * the `aws:asset:path` metadata `cdk synth` writes. Undefined when it is not found locally.
   */
  read(logicalId: string, templateUrl: unknown, assetPath: string | undefined): NestedTemplate | undefined;
}

/** What loading a template produced: how its logical ids map to the runtime's ARNs. */
export interface LoadedTemplate {
  readonly stackName: string;
  readonly resolver: IntrinsicResolver;
  /** Logical id -> ARN, for the Batch resources created. */
  readonly batchResources: ReadonlyMap<string, string>;
  /** What the template (and its nested stacks) has that the local runtime does not model (CFN-6), each once. */
  readonly notModelled: readonly NotModelledResource[];
  /** Warnings of the load, each once: values nobody gave (CFN-4), not-modelled parts (CFN-6), unknown instance types (CFN-8). */
  readonly warnings: readonly string[];
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
  /** Values of `Fn::ImportValue` exports (CFN-4). @default - none: placeholders and a warning */
  readonly imports?: Record<string, string>;
  /** Where nested stacks' templates are read (CFN-5). @default - nested stacks are not modelled */
  readonly nestedTemplates?: NestedTemplateSource;
  /** @internal shared by a parent and its nested stacks, so each unknown value is named once */
  readonly unknownValues?: UnknownValues;
}

/** The loader's signature (template-loader.ts's loadTemplate), as nested stacks are handed it. */
export type TemplateLoaderFunction = (
  backend: BatchBackend, template: CfnTemplate, stackName: string, parameters?: Record<string, string>, options?: LoadTemplateOptions,
) => LoadedTemplate;
