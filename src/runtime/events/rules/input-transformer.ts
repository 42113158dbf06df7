import { EventsValidationException, TargetInputTransformError } from '../events-errors';
import { evaluateJsonPath, JsonPath, parseJsonPath } from './json-path';

/**
 * What an EventBridge target receives (spec rule EVT-3: a Batch target's `InputTransformer` becomes
 * SubmitJob `Parameters`). The settings use the EventBridge API / CloudFormation names, so a rule
 * target from a template can be passed as it is.
 *
 * - `Input`: this constant JSON text, as written.
 * - `InputPath`: the JSON of the part of the event the path selects (`$.detail` → the detail object).
 * - `InputTransformer`: `InputTemplate` with each `<name>` replaced by the value `InputPathsMap[name]`
 *   selects, or by a predefined `aws.events.*` value.
 * - none of them: the whole event as JSON.
 *
 * Placeholder substitution follows what EventBridge delivers ("Transforming target input" in the
 * EventBridge User Guide, and messages recorded from AWS):
 * - a template starting with `{` or `[` is JSON: a bare `<name>` becomes the value's JSON (a string
 *   gets quotes), a `<name>` inside a JSON string is pasted unescaped (so an object pasted inside a
 *   string breaks the JSON, and EventBridge then drops the invocation), a path that matches nothing
 *   counts as the empty string, and the result is delivered minified;
 * - any other template is text: every `<name>` is pasted as text, objects and lists as JSON with
 *   their quote marks removed (`{acc_id:0a787ecb,sf_id:baz}`, `[ACTIVE,INACTIVE]`), and the result
 *   is delivered as written, surrounding quote marks included.
 */
export interface TargetInputSettings {
  /** The target's Id, named in error messages. */
  readonly Id?: string;
  readonly Input?: string;
  readonly InputPath?: string;
  readonly InputTransformer?: InputTransformerSettings;
}

/** `AWS::Events::Rule` `InputTransformer`. */
export interface InputTransformerSettings {
  /** Placeholder name → JSON path into the event; at most 100 entries. */
  readonly InputPathsMap?: Record<string, string>;
  /** 1 to 8192 characters. */
  readonly InputTemplate: string;
}

/** The facts about the delivery that predefined placeholders expose. */
export interface TargetInputContext {
  /** `<aws.events.rule-name>` */
  readonly ruleName: string;
  /** `<aws.events.rule-arn>` */
  readonly ruleArn: string;
  /** When EventBridge received the event, epoch ms; `<aws.events.event.ingestion-time>` (ISO-8601, seconds). */
  readonly ingestionTimeEpochMs: number;
}

/** A validated target input setting, ready to render many events. */
export interface CompiledTargetInput {
  /**
   * The text the target receives for this event.
   *
   * @throws TargetInputTransformError when EventBridge would drop the invocation (InputPath selects
   *   nothing, or a JSON template stops being JSON for this event)
   */
  render(event: Record<string, unknown>, context: TargetInputContext): string;
}

/** Reserved placeholder names; they need no `InputPathsMap` entry and cannot be redefined. */
export const PREDEFINED_PLACEHOLDERS: readonly string[] = [
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event',
  'aws.events.event.ingestion-time',
  'aws.events.event.json',
];

/** Limits from the EventBridge API model (TargetInput, TargetInputPath, TransformerInput, TransformerPaths). */
export const TARGET_INPUT_LIMITS = {
  inputLength: 8192,
  inputPathLength: 256,
  inputTemplateLength: 8192,
  inputPathsMapEntries: 100,
  inputPathsMapKeyLength: 256,
} as const;

const PLACEHOLDER_AT = /^<([A-Za-z0-9_\-.]+)>/;
const PATHS_MAP_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Validates the settings the way `PutTargets` does and compiles them.
 *
 * @throws EventsValidationException naming the target, the setting, the value and the limit
 */
export function compileTargetInput(target: TargetInputSettings): CompiledTargetInput {
  const id = target.Id ?? '(unnamed)';
  const given = [target.Input, target.InputPath, target.InputTransformer].filter((setting) => setting !== undefined);
  if (given.length > 1) {
    throw new EventsValidationException(
      `Only one of Input, InputPath, or InputTransformer must be provided for target ${id}.`);
  }
  if (target.Input !== undefined) {
    return compileConstantInput(target.Input, id);
  }
  if (target.InputPath !== undefined) {
    return compileInputPath(target.InputPath, id);
  }
  if (target.InputTransformer !== undefined) {
    return compileTransformer(target.InputTransformer, id);
  }
  return { render: (event) => JSON.stringify(event) };
}

/** Throws the error `PutTargets` would return for these settings; returns quietly when they are valid. */
export function validateTargetInput(target: TargetInputSettings): void {
  compileTargetInput(target);
}

/** One-off transformation; compile once with `compileTargetInput` when a target receives many events. */
export function transformTargetInput(
  target: TargetInputSettings,
  event: Record<string, unknown>,
  context: TargetInputContext,
): string {
  return compileTargetInput(target).render(event, context);
}

function compileConstantInput(input: string, id: string): CompiledTargetInput {
  if (input.length > TARGET_INPUT_LIMITS.inputLength) {
    throw new EventsValidationException(
      `Input for target ${id} is ${input.length} characters long; the limit is ${TARGET_INPUT_LIMITS.inputLength}.`);
  }
  try {
    JSON.parse(input);
  } catch (error) {
    throw new EventsValidationException(`Input for target ${id} is not valid JSON: ${(error as Error).message}.`);
  }
  return { render: () => input };
}

function compileInputPath(inputPath: string, id: string): CompiledTargetInput {
  const path = requirePath(inputPath, `InputPath for target ${id}`);
  return {
    render: (event) => {
      const value = evaluateJsonPath(path, event);
      if (value === undefined) {
        throw new TargetInputTransformError(`InputPath ${inputPath} of target ${id} selects nothing in the event.`);
      }
      return JSON.stringify(value);
    },
  };
}

function requirePath(source: string, setting: string): JsonPath {
  if (source.length > TARGET_INPUT_LIMITS.inputPathLength) {
    throw new EventsValidationException(
      `${setting} is ${source.length} characters long; the limit is ${TARGET_INPUT_LIMITS.inputPathLength}.`);
  }
  const parsed = parseJsonPath(source);
  if (typeof parsed === 'string') {
    throw new EventsValidationException(`${setting} is not valid: ${parsed}.`);
  }
  return parsed;
}

/** A piece of the template: literal text, or a placeholder and where it sits. */
type TemplatePart = string | { readonly name: string; readonly inString: boolean; readonly isKey: boolean };

function compileTransformer(transformer: InputTransformerSettings, id: string): CompiledTargetInput {
  const template = transformer.InputTemplate;
  if (typeof template !== 'string' || template.length < 1 || template.length > TARGET_INPUT_LIMITS.inputTemplateLength) {
    throw new EventsValidationException(`InputTemplate for target ${id} must be 1 to `
      + `${TARGET_INPUT_LIMITS.inputTemplateLength} characters long; got ${typeof template === 'string' ? template.length : typeof template}.`);
  }
  const paths = compilePathsMap(transformer.InputPathsMap ?? {}, id);
  const isJson = /^\s*[{[]/.test(template);
  const parts = splitTemplate(template, isJson);
  for (const part of parts) {
    if (typeof part === 'string') {
      continue;
    }
    if (!paths.has(part.name) && !PREDEFINED_PLACEHOLDERS.includes(part.name)) {
      throw new EventsValidationException(`InputTemplate for target ${id} contains invalid placeholder ${part.name}.`);
    }
    if (part.isKey) {
      throw new EventsValidationException(
        `InputTemplate for target ${id} uses placeholder <${part.name}> as an object key, which EventBridge does not allow.`);
    }
  }
  if (isJson) {
    // With every placeholder standing for a harmless value the template itself must be JSON.
    parseJsonOrThrow(fill(parts, (part) => part.inString ? '' : 'null'), (message) => new EventsValidationException(
      `InputTemplate for target ${id} is not valid JSON: ${message}.`));
  }
  return {
    render: (event, context) => {
      const values = placeholderValues(paths, event, context);
      if (!isJson) {
        return fill(parts, (part) => textOf(values.get(part.name)));
      }
      const filled = fill(parts, (part) => jsonTextOf(values.get(part.name), part.inString));
      const parsed = parseJsonOrThrow(filled, (message) => new TargetInputTransformError(
        `InputTemplate for target ${id} produced invalid JSON for this event (${message}): ${filled}`));
      return JSON.stringify(parsed);
    },
  };
}

function compilePathsMap(pathsMap: Record<string, string>, id: string): Map<string, JsonPath> {
  const entries = Object.entries(pathsMap);
  if (entries.length > TARGET_INPUT_LIMITS.inputPathsMapEntries) {
    throw new EventsValidationException(`InputPathsMap for target ${id} has ${entries.length} entries; `
      + `the limit is ${TARGET_INPUT_LIMITS.inputPathsMapEntries}.`);
  }
  const paths = new Map<string, JsonPath>();
  for (const [name, path] of entries) {
    if (!PATHS_MAP_KEY.test(name) || name.length > TARGET_INPUT_LIMITS.inputPathsMapKeyLength) {
      throw new EventsValidationException(`InputPathsMap key "${name}" for target ${id} must be 1 to `
        + `${TARGET_INPUT_LIMITS.inputPathsMapKeyLength} of A-Z a-z 0-9 _ - (and so cannot start with "AWS.").`);
    }
    paths.set(name, requirePath(path, `InputPathsMap["${name}"] for target ${id}`));
  }
  return paths;
}

/**
 * Splits the template at its placeholders. For a JSON template it tracks JSON string literals, so
 * each placeholder knows whether it sits inside a string and whether that string (or the bare
 * placeholder) is an object key, i.e. followed by `:`.
 */
function splitTemplate(template: string, isJson: boolean): TemplatePart[] {
  interface Found { name: string; inString: boolean; end: number }
  const pieces: (string | Found)[] = [];
  let literal = '';
  let inString = false;
  let escaped = false;
  let inCurrentString: Found[] = [];
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    const placeholder = char === '<' ? PLACEHOLDER_AT.exec(template.slice(i)) : null;
    if (placeholder) {
      const found: Found = { name: placeholder[1], inString, end: i + placeholder[0].length };
      pieces.push(literal, found);
      literal = '';
      escaped = false;
      if (inString) {
        inCurrentString.push(found);
      }
      i = found.end - 1;
      continue;
    }
    if (isJson && inString && escaped) {
      escaped = false;
    } else if (isJson && inString && char === '\\') {
      escaped = true;
    } else if (isJson && char === '"') {
      inString = !inString;
      if (!inString) {
        // A placeholder inside a string is a key when the whole string is followed by ':'.
        inCurrentString.forEach((found) => { found.end = i + 1; });
        inCurrentString = [];
      }
    }
    literal += char;
  }
  pieces.push(literal);
  return pieces.map((piece) => typeof piece === 'string' ? piece : {
    name: piece.name,
    inString: piece.inString,
    isKey: isJson && /^\s*:/.test(template.slice(piece.end)),
  });
}

function fill(parts: readonly TemplatePart[], valueOf: (part: Exclude<TemplatePart, string>) => string): string {
  return parts.map((part) => typeof part === 'string' ? part : valueOf(part)).join('');
}

function placeholderValues(
  paths: ReadonlyMap<string, JsonPath>,
  event: Record<string, unknown>,
  context: TargetInputContext,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  paths.forEach((path, name) => values.set(name, evaluateJsonPath(path, event)));
  values.set('aws.events.rule-arn', context.ruleArn);
  values.set('aws.events.rule-name', context.ruleName);
  values.set('aws.events.event.ingestion-time',
    new Date(context.ingestionTimeEpochMs).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  values.set('aws.events.event', eventEnvelope(event));
  values.set('aws.events.event.json', event);
  return values;
}

/**
 * `<aws.events.event>`: the guide calls it "a copy of the original event", but what AWS delivers is
 * the envelope without `detail`, with `detail-type` spelled `detailType` (recorded from AWS in
 * LocalStack's validated snapshot `test_input_transformer_predefined_variables`).
 * `<aws.events.event.json>` is the whole event.
 */
function eventEnvelope(event: Record<string, unknown>): Record<string, unknown> {
  const envelope: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key !== 'detail') {
      envelope[key === 'detail-type' ? 'detailType' : key] = value;
    }
  }
  return envelope;
}

/** In a text template: strings as they are, objects and lists as JSON without quote marks. */
function textOf(value: unknown): string {
  if (value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  const json = JSON.stringify(value);
  return typeof value === 'object' && value !== null ? json.replace(/"/g, '') : json;
}

/** In a JSON template: bare placeholders become JSON; inside a string, text pasted unescaped. */
function jsonTextOf(value: unknown, inString: boolean): string {
  if (value === undefined) {
    return inString ? '' : '""';
  }
  if (inString && typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

function parseJsonOrThrow(text: string, toError: (message: string) => Error): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw toError((error as Error).message);
  }
}
