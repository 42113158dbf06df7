/*
 * What a container asks of a host, shared by jobs (which compute it), scheduling (which orders it)
 * and capacity (which places it). It lives in core/types (no imports) so those three do not import each
 * other for it (issue #11 §1: no cycles between the core folders).
 */

/** The resources a container asks for, read from `vcpus`/`memory` or `resourceRequirements`. */
export interface ContainerDemand {
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly gpus: number;
  readonly instanceType?: string;
  /**
   * PLAT-1: where the container runs; undefined is EC2 (ECS on EC2 instances), AWS's default for
   * `platformCapabilities`. A compute environment of another platform never takes it.
   */
  readonly platform?: 'FARGATE' | 'EKS';
}
