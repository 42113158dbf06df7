import { ClientException } from '../errors';
import { AliasedKind } from './resource-aliases';

interface NotModelled {
  readonly logicalId: string;
  readonly reason: string;
}

/**
 * CFN-6: Batch resources of a loaded template that the local runtime does not model (an EKS job
 * definition, a definition or compute environment the API here rejects although AWS accepts it). A
 * reference to one is a ClientException that says so: a local limitation, not the caller's mistake.
 */
export class NotModelledResources {
  private readonly byRef = new Map<AliasedKind, Map<string, NotModelled>>();

  /** Records the resource under each of its references (logical id, name, ARN). */
  add(kind: AliasedKind, refs: readonly string[], logicalId: string, reason: string): void {
    let map = this.byRef.get(kind);
    if (!map) this.byRef.set(kind, map = new Map());
    for (const ref of refs) map.set(ref, { logicalId, reason });
  }

  /** Throws when `ref` names a resource that is not modelled. */
  check(kind: AliasedKind, ref: string, field: string): void {
    const entry = typeof ref === 'string' ? this.byRef.get(kind)?.get(ref) : undefined;
    if (entry) {
      throw new ClientException(`${field}: ${JSON.stringify(ref)} is the template's ${kind} ${entry.logicalId}, which the local runtime does not model `
        + `(${entry.reason}); this is a limitation of the local runtime, not an AWS validation error (CFN-6)`);
    }
  }
}
