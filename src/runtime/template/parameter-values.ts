/**
 * CFN-2: a template parameter's value as CloudFormation gives it to `Ref`: `List<...>` and
 * `CommaDelimitedList` are lists (split on commas), `Number` is a number, other types (String, the
 * AWS-specific `AWS::EC2::Subnet::Id`, ...) are strings. `AWS::SSM::Parameter::Value<...>` parameters
 * hold an SSM parameter name, not a value: the value is the user's to give.
 */

export interface ParameterDefinition {
  readonly Type?: string;
  readonly Default?: unknown;
  readonly AllowedValues?: unknown[];
  readonly [key: string]: unknown;
}

const SSM_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/;

/** Whether the parameter's value lives in SSM (its Default is a parameter name, not the value). */
export function isSsmParameter(definition: ParameterDefinition): boolean {
  return SSM_TYPE.test(String(definition.Type ?? ''));
}

/** The option (CLI) and prop (facade) that give a parameter its value, for messages. */
export function parameterOption(name: string): string {
  return `--parameter ${name}=VALUE (the runtime's \`parameters\` prop)`;
}

/**
 * The value of parameter `name` from the given text or its Default, converted by its Type; undefined
 * when it has neither (or is an SSM parameter without a given value). Throws naming the parameter when
 * the value does not fit the type or its AllowedValues.
 */
export function parameterValue(name: string, definition: ParameterDefinition, given: string | undefined): unknown {
  const type = String(definition.Type ?? 'String').trim();
  const ssm = SSM_TYPE.exec(type);
  const raw = given ?? (ssm ? undefined : definition.Default);
  if (raw === undefined) return undefined;
  const valueType = ssm ? ssm[1] : type;
  const value = convert(name, valueType, raw);
  const allowed = definition.AllowedValues;
  if (Array.isArray(allowed) && allowed.length > 0) {
    const outside = (Array.isArray(value) ? value : [value]).filter((v) => !allowed.map(String).includes(String(v)));
    if (outside.length > 0) {
      throw new Error(`Parameter ${name}: ${JSON.stringify(outside[0])} is not one of its AllowedValues ${JSON.stringify(allowed)}`);
    }
  }
  return value;
}

function convert(name: string, type: string, raw: unknown): unknown {
  if (isListType(type)) {
    const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((item) => item.trim());
    // An empty value is an empty list (CloudFormation allows an empty CommaDelimitedList default).
    const list = items.length === 1 && items[0] === '' ? [] : items;
    if (/^List<Number>$/.test(type)) return list.map((item) => toNumber(name, type, item));
    return list;
  }
  if (type === 'Number') return toNumber(name, type, raw);
  return String(raw);
}

function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || /^List<.+>$/.test(type);
}

function toNumber(name: string, type: string, raw: unknown): number {
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (String(raw).trim() === '' || !Number.isFinite(value)) throw new Error(`Parameter ${name} (${type}): ${JSON.stringify(raw)} is not a number`);
  return value;
}
