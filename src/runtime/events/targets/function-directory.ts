import { lambdaFunctionName } from './target-arn';
import { IntrinsicResolver } from '../../template/intrinsic-resolver';

/**
 * The Lambda functions a local handler can stand in for: those of the template (by logical id,
 * physical name or ARN) and those rule targets name by ARN from outside the template (by name or
 * ARN). Each has one key, so a handler registered under any alias reaches every target of it.
 */
export class FunctionDirectory {
  private readonly aliases = new Map<string, string>();
  private readonly byArn = new Map<string, string>();

  constructor(resolver: IntrinsicResolver) {
    for (const [logicalId, resource] of Object.entries(resolver.template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function' || !resolver.resourceExists(logicalId)) continue;
      const arn = String(resolver.getAtt(logicalId, 'Arn', `${logicalId}.Arn`));
      this.byArn.set(arn, logicalId);
      for (const alias of [logicalId, resolver.physicalName(logicalId), arn]) this.aliases.set(alias, logicalId);
    }
  }

  /** The key of the function a Lambda target's ARN points at; functions outside the template are added. */
  keyOfTarget(arn: string): string {
    const known = this.byArn.get(arn) ?? this.aliases.get(arn);
    if (known !== undefined) return known;
    const name = lambdaFunctionName(arn) ?? arn;
    const key = this.aliases.get(name) ?? name;
    this.aliases.set(arn, key);
    this.aliases.set(name, key);
    return key;
  }

  /** The key of a function by any alias; undefined when no function goes by it. */
  key(alias: string): string | undefined {
    return this.aliases.get(alias);
  }

  aliasList(): string[] {
    return [...this.aliases.keys()].filter((alias) => !alias.startsWith('arn:'));
  }
}
