import * as fs from 'fs';
import * as path from 'path';
import { CfnTemplate } from './intrinsic-resolver';
import { NestedTemplate, NestedTemplateSource } from './nested-stacks';
import { parseTemplateText } from './template-text';

export interface TemplateFile {
  readonly template: CfnTemplate;
  readonly stackName: string;
  /** The file the template was read from. */
  readonly file: string;
  /** Reads its nested stacks' templates from beside it (CFN-5). */
  readonly nestedTemplates: NestedTemplateSource;
}

/** File name endings that are not part of a stack name. */
const TEMPLATE_SUFFIX = /(\.nested)?(\.template)?\.(json|ya?ml|template|txt)$|\.template$/i;

/**
 * CFN-7: the stack name a file name gives, sanitized as CloudFormation requires (letters, digits and
 * `-`, starting with a letter, at most 128 characters): `batch.v2.json` -> `batch-v2`.
 */
export function stackNameFromFile(file: string): string {
  const base = path.basename(file).replace(TEMPLATE_SUFFIX, '');
  const cleaned = base.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  const named = /^[A-Za-z]/.test(cleaned) ? cleaned : `Stack-${cleaned}`.replace(/-+$/, '');
  return named.slice(0, 128);
}

/**
 * Reads a CloudFormation template (JSON or YAML, CFN-1) or a cloud assembly directory (`cdk.out`, where
 * `stackName` picks one of several `<Stack>.template.json`). The stack name defaults to the file's base
 * name (CFN-7). Errors say what was found instead, so a wrong path is easy to fix.
 */
export function readTemplateFile(file: string, stackName?: string): TemplateFile {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file or directory`);
  let templateFile = file;
  let name = stackName;
  if (fs.statSync(file).isDirectory()) {
    const names = fs.readdirSync(file).filter((f) => f.endsWith('.template.json') && !f.endsWith('.nested.template.json'))
      .map((f) => f.replace(/\.template\.json$/, '')).sort();
    const chosen = name !== undefined ? names.find((n) => n === name) : names.length === 1 ? names[0] : undefined;
    if (chosen === undefined) {
      const problem = names.length === 0 ? 'has no <Stack>.template.json (is it a cdk.out directory? run cdk synth)'
        : name !== undefined ? `has no stack named ${name}` : 'has several stacks; choose one with --stack';
      throw new Error(`${file} ${problem}; stacks: ${names.join(', ') || '(none)'}`);
    }
    templateFile = path.join(file, `${chosen}.template.json`);
    name = chosen;
  }
  const template = parseTemplateText(fs.readFileSync(templateFile, 'utf8'), templateFile);
  return {
    template,
    stackName: name ?? stackNameFromFile(templateFile),
    file: templateFile,
    nestedTemplates: new DirectoryTemplateSource(path.dirname(templateFile)),
  };
}

/**
 * Nested stacks' templates from a directory (CFN-5): the `aws:asset:path` a `cdk.out` parent names, a
 * relative or `file://` TemplateURL, or the last segment of an S3 URL found beside the parent.
 */
export class DirectoryTemplateSource implements NestedTemplateSource {
  constructor(private readonly directory: string) {}

  read(_logicalId: string, templateUrl: unknown, assetPath: string | undefined): NestedTemplate | undefined {
    const candidates: string[] = [];
    if (assetPath) candidates.push(assetPath);
    if (typeof templateUrl === 'string' && templateUrl !== '') {
      if (/^(https?|s3):\/\//i.test(templateUrl)) candidates.push(decodeURIComponent(templateUrl.split(/[?#]/)[0].split('/').pop() ?? ''));
      else candidates.push(templateUrl.replace(/^file:\/\//i, ''));
    }
    for (const candidate of candidates) {
      const file = path.resolve(this.directory, candidate);
      if (candidate === '' || !fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
      return {
        template: parseTemplateText(fs.readFileSync(file, 'utf8'), file),
        source: file,
        nested: new DirectoryTemplateSource(path.dirname(file)),
      };
    }
    return undefined;
  }
}
