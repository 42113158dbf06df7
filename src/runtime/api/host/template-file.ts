import * as fs from 'fs';
import * as path from 'path';
import { CfnTemplate } from '../../template/intrinsic-resolver';
import { parseJsonText } from '../json/parse-json-text';

export interface TemplateFile {
  readonly template: CfnTemplate;
  readonly stackName: string;
  /** The file the template was read from. */
  readonly file: string;
}

/**
 * Reads a CloudFormation template (JSON) or a cloud assembly directory (`cdk.out`, where `stackName`
 * picks one of several `<Stack>.template.json`). The stack name defaults to the file's base name.
 * Errors say what was found instead, so a wrong path is easy to fix.
 */
export function readTemplateFile(file: string, stackName?: string): TemplateFile {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file or directory`);
  let templateFile = file;
  let name = stackName;
  if (fs.statSync(file).isDirectory()) {
    const names = fs.readdirSync(file).filter((f) => f.endsWith('.template.json')).map((f) => f.replace(/\.template\.json$/, '')).sort();
    const chosen = name !== undefined ? names.find((n) => n === name) : names.length === 1 ? names[0] : undefined;
    if (chosen === undefined) {
      const problem = names.length === 0 ? 'has no <Stack>.template.json (is it a cdk.out directory? run cdk synth)'
        : name !== undefined ? `has no stack named ${name}` : 'has several stacks; choose one with --stack';
      throw new Error(`${file} ${problem}; stacks: ${names.join(', ') || '(none)'}`);
    }
    templateFile = path.join(file, `${chosen}.template.json`);
    name = chosen;
  }
  let template: CfnTemplate;
  const text = fs.readFileSync(templateFile, 'utf8');
  try {
    template = parseJsonText(text) as CfnTemplate;
  } catch (error) {
    // A file that starts like JSON has a typo (the line and column find it); anything else is likely YAML.
    if (/^\uFEFF?\s*[{[]/.test(text)) throw new Error(`${templateFile}: not valid JSON (${(error as Error).message})`);
    throw new Error(`${templateFile}: not a JSON CloudFormation template (${(error as Error).message}); YAML templates are not supported, use cdk synth --json or cdk.out`);
  }
  return { template, stackName: name ?? path.basename(templateFile).replace(/\.template\.json$|\.json$/, ''), file: templateFile };
}
