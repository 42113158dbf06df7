import { ClientException } from '../errors';

/** The kinds of Batch resource a reference may name. */
export type AliasedKind = 'compute environment' | 'job queue' | 'job definition';

/** Where a resource came from in the template: how users know it besides its name and ARN. */
export interface ResourceOrigin {
  /** The resource's name or ARN in the registry (a job definition's ARN names its revision, as `Ref` does). */
  readonly target: string;
  /** Its logical id in the template. */
  readonly logicalId: string;
  /** Its construct path (`Batch/Batch/JobQueue/Resource`), when the template or the stack tells it. */
  readonly constructPath?: string;
}

/** What an alias stands for: one resource, or several (ambiguous). */
interface AliasEntry {
  readonly origins: ResourceOrigin[];
}

/**
 * The other names the template gives a Batch resource: its logical id and its construct path, with the
 * path's `/Resource` (L1 inside L2) segments dropped and any tail of it (`Batch/JobQueue`, `JobQueue`),
 * so a construct id works where it names one resource of its kind. A name or ARN always wins over an
 * alias; a logical id or a full path over a tail; a tail shared by several resources resolves to none
 * and the error names them.
 */
export class ResourceAliases {
  private readonly exact = new Map<AliasedKind, Map<string, AliasEntry>>();
  private readonly tails = new Map<AliasedKind, Map<string, AliasEntry>>();
  private readonly origins = new Map<AliasedKind, ResourceOrigin[]>();

  add(kind: AliasedKind, origin: ResourceOrigin): void {
    listOf(this.origins, kind).push(origin);
    const exact = mapOf(this.exact, kind);
    const tails = mapOf(this.tails, kind);
    add(exact, origin.logicalId, origin);
    if (origin.constructPath === undefined) return;
    // The path and each of its /Resource-less forms (the L2's path, the wrapper's path) are exact.
    const stripped = withoutResourceSegments(origin.constructPath);
    for (let path = origin.constructPath; path.length >= stripped.length; path = path.slice(0, path.lastIndexOf('/'))) {
      add(exact, path, origin);
      if (path === stripped) break;
    }
    const segments = stripped.split('/');
    for (let start = 1; start < segments.length; start++) add(tails, segments.slice(start).join('/'), origin);
  }

  /** The target `ref` stands for; undefined when it is no alias or an ambiguous one. */
  find(kind: AliasedKind, ref: string): string | undefined {
    const entry = this.entry(kind, ref);
    return entry?.origins.length === 1 ? entry.origins[0].target : undefined;
  }

  /** Throws a ClientException when `ref` is an alias of several resources of the kind, naming them. */
  checkAmbiguous(kind: AliasedKind, ref: string, field: string): void {
    const entry = this.entry(kind, ref);
    if (entry && entry.origins.length > 1) {
      throw new ClientException(`${field}: ${JSON.stringify(ref)} names ${entry.origins.length} ${kind}s of the template: `
        + `${entry.origins.map(describeOrigin).join(', ')}; use a longer construct path, the logical id or the name`);
    }
  }

  /** `LogicalId (construct/path)` for each resource of the kind, for "known:" lists. */
  describe(kind: AliasedKind): string[] {
    return (this.origins.get(kind) ?? []).map(describeOrigin);
  }

  /**
   * How the template's author knows the resource whose name or ARN is one of `targets`: its construct
   * path without `/Resource` segments, else its logical id; undefined when the template did not create it.
   */
  displayName(kind: AliasedKind, targets: readonly string[]): string | undefined {
    const origin = (this.origins.get(kind) ?? []).find((o) => targets.includes(o.target));
    return origin && (origin.constructPath !== undefined ? withoutResourceSegments(origin.constructPath) : origin.logicalId);
  }

  /** As describe, for every kind. */
  describeAll(): string[] {
    return [...this.origins.values()].flat().map(describeOrigin);
  }

  private entry(kind: AliasedKind, ref: string): AliasEntry | undefined {
    if (typeof ref !== 'string') return undefined;
    return this.exact.get(kind)?.get(ref) ?? this.tails.get(kind)?.get(ref);
  }
}

/** `Batch/Batch/ComputeEnvironment/Resource/Resource` -> `Batch/Batch/ComputeEnvironment`. */
export function withoutResourceSegments(constructPath: string): string {
  return constructPath.replace(/(\/(Resource|Default))+$/, '');
}

function describeOrigin(origin: ResourceOrigin): string {
  return origin.constructPath !== undefined ? `${origin.logicalId} (${withoutResourceSegments(origin.constructPath)})` : origin.logicalId;
}

function add(map: Map<string, AliasEntry>, alias: string, origin: ResourceOrigin): void {
  const entry = map.get(alias);
  if (!entry) map.set(alias, { origins: [origin] });
  else if (!entry.origins.includes(origin)) entry.origins.push(origin);
}

function mapOf<K, V>(maps: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let map = maps.get(key);
  if (!map) maps.set(key, map = new Map());
  return map;
}

function listOf<K, V>(lists: Map<K, V[]>, key: K): V[] {
  let list = lists.get(key);
  if (!list) lists.set(key, list = []);
  return list;
}
