import { CORE_SCHEMA, load as loadYaml, Type } from 'js-yaml';
import { CfnTemplate } from './intrinsic-resolver';
import { parseJsonText } from '../api/json/parse-json-text';

/*
 * CFN-1: CloudFormation templates are JSON or YAML. JSON keeps its own fast path (JSON.parse); YAML is
 * read with js-yaml (maintained, one small dependency, custom tags for CloudFormation's short forms,
 * and about ten times faster than eemeli's yaml 2 on a 500-resource template: bench/template-load.ts).
 * Each short form becomes the long form (`!Ref X` -> `{ Ref: X }`), so the resolver sees one shape.
 */

/** Short-form tags whose argument is passed through as it is (scalar, list or map). */
const SHORT_FORMS: Record<string, string> = {
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!Transform': 'Fn::Transform',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!If': 'Fn::If',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!GetAtt': 'Fn::GetAtt',
  '!Ref': 'Ref',
  '!Condition': 'Condition',
};

/** `!GetAtt Resource.Attribute` is the list `[Resource, Attribute]` (the attribute may contain dots). */
function getAttArgument(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** Each short form as a scalar, a list and a map; js-yaml has constructed the argument already. */
function cloudFormationTypes(): Type[] {
  return Object.entries(SHORT_FORMS).flatMap(([tag, name]) => (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type(tag, {
    kind,
    construct: (argument: unknown) => {
      // `!GetAZs` with no argument is `!GetAZs ''` (the stack's region).
      const value = argument ?? '';
      return { [name]: name === 'Fn::GetAtt' && typeof value === 'string' ? getAttArgument(value) : value };
    },
  })));
}

/**
 * YAML 1.2's core schema (only true/false are booleans, so `yes`, `on` or `Y` stay the strings the
 * author meant; no timestamps, so `2010-09-09` stays a string), and the short forms. No merge keys
 * (`<<`): CloudFormation does not take them either.
 */
const CFN_SCHEMA = CORE_SCHEMA.extend(cloudFormationTypes());

/** Whether the text is JSON (the fast path): its first non-blank character opens an object. */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/**
 * A template's text as an object. `source` names it in errors. JSON when it looks like JSON (with
 * line and column in errors), else YAML with CloudFormation's short-form tags.
 */
export function parseTemplateText(text: string, source: string): CfnTemplate {
  if (looksLikeJson(text)) {
    try {
      return parseJsonText(text) as CfnTemplate;
    } catch (error) {
      throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = loadYaml(text.startsWith('\uFEFF') ? text.slice(1) : text, { schema: CFN_SCHEMA, filename: source });
  } catch (error) {
    throw new Error(`${source}: not a valid JSON or YAML template (${(error as Error).message.split('\n')[0]})`);
  }
  if (parsed === undefined) parsed = null;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${source}: not a CloudFormation template (the file is ${parsed === null ? 'empty' : `a YAML ${Array.isArray(parsed) ? 'list' : typeof parsed}`}, not a map with Resources)`);
  }
  return parsed as CfnTemplate;
}
