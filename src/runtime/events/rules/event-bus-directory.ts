import { DEFAULT_EVENT_BUS } from './event-rule';
import { Environment } from '../../core/model/arns';
import { IntrinsicResolver } from '../../template/intrinsic-resolver';

/**
 * The event buses a template knows, each under its canonical name, so that a rule's `EventBusName`
 * and a `putEvents` entry's bus meet however each was written: a name, an ARN
 * (`arn:...:event-bus/NAME`), the logical id, or what `Ref` / `Fn::GetAtt Arn` resolve to.
 */
export class EventBusDirectory {
  private readonly aliases = new Map<string, string>();

  constructor(resolver: IntrinsicResolver, private readonly environment: Environment) {
    this.add(DEFAULT_EVENT_BUS, [DEFAULT_EVENT_BUS, this.arnOf(DEFAULT_EVENT_BUS)]);
    for (const [logicalId, resource] of Object.entries(resolver.template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Events::EventBus' || !resolver.resourceExists(logicalId)) continue;
      const explicit = resource.Properties?.Name;
      const name = explicit !== undefined ? String(resolver.resolve(explicit, `${logicalId}.Properties.Name`)) : resolver.ref(logicalId, logicalId);
      this.add(name, [
        logicalId,
        resolver.ref(logicalId, logicalId),
        String(resolver.getAtt(logicalId, 'Arn', `${logicalId}.Arn`)),
        this.arnOf(name),
      ]);
    }
  }

  /** The canonical name of a bus, or undefined when the template has no such bus. */
  canonical(nameOrArn: string | undefined): string | undefined {
    if (nameOrArn === undefined) return DEFAULT_EVENT_BUS;
    return this.aliases.get(nameOrArn) ?? this.aliases.get(/:event-bus\/(.+)$/.exec(nameOrArn)?.[1] ?? '');
  }

  names(): string[] {
    return [...new Set(this.aliases.values())];
  }

  private add(name: string, aliases: string[]): void {
    for (const alias of [name, ...aliases]) this.aliases.set(alias, name);
  }

  private arnOf(name: string): string {
    const env = this.environment;
    return `arn:${env.partition}:events:${env.region}:${env.account}:event-bus/${name}`;
  }
}
