import { parse as parseYaml, Scalar, Pair, ScalarTag, CollectionTag, Tags, YAMLMap, YAMLSeq } from 'yaml';
import { parseJsonText } from '../api/json/parse-json-text';
import { CfnTemplate } from './intrinsic-resolver';

/*
 * CFN-1: CloudFormation templates are JSON or YAML. JSON keeps its own fast path (JSON.parse); YAML is
 * read with the `yaml` package (eemeli/yaml: maintained, no dependencies, and custom tags that construct values, which CloudFormation's short forms need) and each
 * short form becomes the long form (`!Ref X` -> `{ Ref: X }`), so the resolver sees one shape.
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

/** `{ [name]: node }` as a YAML map, so `toJS` converts the argument like any other node. */
function longForm(name: string, argument: unknown): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(name), argument));
  return map;
}

/** `!GetAtt Resource.Attribute` is the list `[Resource, Attribute]` (the attribute may contain dots). */
function getAttArgument(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function cloudFormationTags(): Array<ScalarTag | CollectionTag> {
  const tags: Array<ScalarTag | CollectionTag> = [];
  for (const [tag, name] of Object.entries(SHORT_FORMS)) {
    tags.push({
      tag,
      // A scalar's resolved value is kept as it is (no node conversion): a plain object.
      resolve: (text: string) => ({ [name]: name === 'Fn::GetAtt' ? getAttArgument(text) : text }) as unknown as string,
    } as ScalarTag);
    tags.push({ tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq: YAMLSeq) => longForm(name, seq) } as unknown as CollectionTag);
    tags.push({ tag, collection: 'map', nodeClass: YAMLMap, resolve: (map: YAMLMap) => longForm(name, map) } as unknown as CollectionTag);
  }
  return tags;
}

const CFN_TAGS = cloudFormationTags();

/** Timestamps stay out: an unquoted `2010-09-09` is the string CloudFormation reads, not a Date. */
function withCloudFormationTags(defaults: Tags): Tags {
  return [...defaults.filter((tag) => (tag as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp'), ...CFN_TAGS];
}

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
    parsed = parseYaml(text.startsWith('\uFEFF') ? text.slice(1) : text, {
      // The core schema: only true/false are booleans, so a key or value `Y`, `on` or `no` stays the
      // string the author meant (YAML 1.1's yes/no/on/off booleans surprise in resource properties).
      schema: 'core',
      customTags: withCloudFormationTags,
      // CloudFormation templates are data: no alias bombs, and large user-data blocks stay as written.
      maxAliasCount: 100,
      prettyErrors: true,
    });
  } catch (error) {
    throw new Error(`${source}: not a valid JSON or YAML template (${(error as Error).message.split('\n')[0]})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${source}: not a CloudFormation template (the file is ${parsed === null ? 'empty' : `a YAML ${Array.isArray(parsed) ? 'list' : typeof parsed}`}, not a map with Resources)`);
  }
  return parsed as CfnTemplate;
}
