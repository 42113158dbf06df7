import { applyContainerOverrides, containerDemand, taskDemand } from './container-launch';
import { JobRecord, JobSpec } from './job-record';
import { findInstanceType } from '../../../instance-catalog/instance-catalog';
import { parseTargetNodes, resolveNodeSpecs, validateNodeProperties } from '../../../validation';
import { ContainerOverrides, NodePropertyOverride, SubmitJobRequest } from '../../shapes';
import { ClientException } from '../errors';
import { isTerminal } from '../model/job-status';
import { ContainerProperties, NodeProperties, NodeRangeProperty } from '../model/requests';
import { ContainerDemand } from '../types/demand';
import type { Placement } from '../types/placement';

/** What the coordinator needs from the rest of the core. */
export interface MultiNodeContext {
  transition(job: JobRecord, to: JobRecord['status'], reason?: string): void;
  /** Puts a node into its queue's RUNNABLE FIFO. */
  enqueueNode(node: JobRecord): void;
  /** Starts a node on the place reserved for it with the main node's (MNP-8 gang placement). */
  startNode(node: JobRecord, placement: Placement): void;
  /** Runs `action` at the next event of the current instant (after the main node's own launch). */
  defer(action: () => void): void;
  /** Stops a node that is STARTING or RUNNING (SIGTERM, then SIGKILL). */
  stopNode(node: JobRecord, reason: string): void;
  now(): number;
}

/**
 * MNP-1: node overrides over the definition's ranges. An override whose `targetNodes` names the same
 * nodes as a range of the definition (`"0"` for `"0"`, `"1:"` for `"1:2"` of 3 nodes) is applied to
 * that range's container (OVR-1 merge); any other override is a range of its own, nested in the
 * definition's (validated like them: disjoint or nested, LIM-12).
 */
function applyNodePropertyOverrides(
  ranges: readonly NodeRangeProperty[], overrides: readonly NodePropertyOverride[], numNodes: number,
): NodeRangeProperty[] {
  const result = [...ranges];
  overrides.forEach((override, index) => {
    const field = `nodeOverrides.nodePropertyOverrides[${index}].targetNodes`;
    let span: { from: number; to: number };
    try {
      span = parseTargetNodes(field, override.targetNodes, numNodes);
    } catch (error) {
      throw new ClientException((error as Error).message);
    }
    const same = result.findIndex((range) => {
      const other = safeSpan(range.targetNodes, numNodes);
      return other !== undefined && other.from === span.from && other.to === span.to;
    });
    const containerOverrides = override.containerOverrides ?? {};
    const { ecsPropertiesOverride, eksPropertiesOverride } = override as NodeOverrideTaskMembers;
    if (eksPropertiesOverride !== undefined) {
      throw new ClientException(`nodeOverrides.nodePropertyOverrides[${index}].eksPropertiesOverride: eksProperties node ranges are not modelled by the local runtime (MNP-1)`);
    }
    if (ecsPropertiesOverride !== undefined) {
      if (same < 0 || result[same].ecsProperties === undefined) {
        throw new ClientException(`nodeOverrides.nodePropertyOverrides[${index}].ecsPropertiesOverride: targetNodes ${JSON.stringify(override.targetNodes)} must name exactly the nodes of an ecsProperties node range (MNP-1)`);
      }
      result[same] = { ...result[same], ecsProperties: overrideTask(result[same].ecsProperties!, ecsPropertiesOverride, index) };
    } else if (same >= 0 && result[same].ecsProperties !== undefined && override.containerOverrides !== undefined) {
      throw new ClientException(`nodeOverrides.nodePropertyOverrides[${index}].containerOverrides: the range ${JSON.stringify(override.targetNodes)} runs an ecsProperties task; use ecsPropertiesOverride (MNP-1)`);
    } else if (same >= 0) {
      result[same] = { ...result[same], container: applyContainerOverrides(result[same].container ?? {}, containerOverrides) };
    } else {
      result.push({ targetNodes: override.targetNodes, container: containerOverrides as ContainerProperties });
    }
  });
  return result;
}

/** Node override members the public `NodePropertyOverride` shape does not declare, read from the raw request. */
type NodeOverrideTaskMembers = {
  ecsPropertiesOverride?: { taskProperties?: Array<{ containers?: Array<Record<string, unknown>> }> };
  eksPropertiesOverride?: unknown;
};

/**
 * MNP-1, PLAT-2: a node range's task with a node override's `ecsPropertiesOverride` applied by
 * container name (OVR-1 merge, as for a single-node multi-container job); an unknown name is refused.
 */
function overrideTask(ecs: Record<string, unknown>, override: NonNullable<NodeOverrideTaskMembers['ecsPropertiesOverride']>, index: number): Record<string, unknown> {
  const tasks = ecs.taskProperties as Array<{ containers: ContainerProperties[] }>;
  const overrides = override.taskProperties?.[0]?.containers ?? [];
  overrides.forEach((o, c) => {
    if (!tasks[0].containers.some((container) => o.name !== undefined && container.name === o.name)) {
      throw new ClientException(`nodeOverrides.nodePropertyOverrides[${index}].ecsPropertiesOverride.taskProperties[0].containers[${c}].name: ${JSON.stringify(o.name)} names no container of the node range's task (MNP-1)`);
    }
  });
  const containers = tasks[0].containers.map((container) => {
    const found = overrides.find((o) => o.name === container.name);
    if (!found) return container;
    const { name: _name, ...fields } = found;
    return applyContainerOverrides(container, fields as ContainerOverrides);
  });
  return { ...ecs, taskProperties: [{ ...tasks[0], containers }, ...tasks.slice(1)] };
}

/** The span of a definition range, or undefined where the node count leaves it out of bounds (validated later). */
function safeSpan(targetNodes: string, numNodes: number): { from: number; to: number } | undefined {
  try {
    return parseTargetNodes('targetNodes', targetNodes, numNodes);
  } catch {
    return undefined;
  }
}

/** MNP-4: the statusReason of nodes stopped because the main node exited. */
export const MAIN_NODE_EXITED = 'Main node exited';

/**
 * Multi-node parallel jobs (MNP-1..8): the parent `jobId` and its nodes `jobId#n`. The main node is
 * queued; the scheduler places it only together with all other nodes (MNP-8), whose places it
 * reserves; once the main node RUNS the others start on them (MNP-3); when it exits the job ends with
 * its result and the other nodes are stopped (MNP-4); only a main-node failure retries, restarting
 * every node (MNP-5).
 */
export class MultiNodeCoordinator {
  /** MNP-1: the effective node properties of a submission (node overrides applied), validated (LIM-12). */
  static resolveNodeProperties(definition: NodeProperties, request: SubmitJobRequest): NodeProperties {
    if (request.arrayProperties?.size !== undefined) {
      throw new ClientException('arrayProperties: a multi-node job cannot be an array job (MNP-1)');
    }
    const overrides = request.nodeOverrides;
    const numNodes = overrides?.numNodes ?? definition.numNodes;
    const ranges = applyNodePropertyOverrides(definition.nodeRangeProperties, overrides?.nodePropertyOverrides ?? [], numNodes);
    if (overrides?.numNodes !== undefined && overrides.numNodes !== definition.numNodes) {
      // MNP-1 (API): a new count needs an open-ended range and a main node below it.
      const openEnded = definition.nodeRangeProperties.some((r) => /^\d*:$/.test(r.targetNodes) && Number(r.targetNodes.split(':')[0] || 0) < numNodes);
      if (!openEnded || definition.mainNode >= numNodes) {
        throw new ClientException(`nodeOverrides.numNodes: ${numNodes} needs an open-ended node range (":" or "n:") starting below it and mainNode ${definition.mainNode} < ${numNodes} (MNP-1)`);
      }
    }
    const properties: NodeProperties = { numNodes, mainNode: definition.mainNode, nodeRangeProperties: ranges };
    try {
      validateNodeProperties('nodeProperties', properties as never);
    } catch (error) {
      throw new ClientException((error as Error).message);
    }
    return properties;
  }

  constructor(private readonly context: MultiNodeContext) {}

  /** Creates the nodes of `parent` (PENDING, not yet scheduled). */
  createNodes(parent: JobRecord, properties: NodeProperties): void {
    const specs = resolveNodeSpecs(properties as never) as NodeRun[];
    // MNP-2: all node groups run on one instance type.
    const types = [...new Set(specs.map(nodeInstanceType).filter((t) => t !== undefined))];
    if (types.length > 1) {
      throw new ClientException(`nodeProperties: node groups name different instance types (${types.join(', ')}); a multi-node job uses one (MNP-2)`);
    }
    parent.mainNodeIndex = properties.mainNode;
    parent.nodeProperties = properties;
    parent.nodes = specs.map((run, index) => this.createNode(parent, index, run));
  }

  /** The parent is RUNNABLE: the main node goes first (MNP-3). */
  start(parent: JobRecord): void {
    const main = parent.nodes![parent.mainNodeIndex!];
    this.context.transition(main, 'RUNNABLE');
    this.context.enqueueNode(main);
  }

  /** Follows node state changes: the parent mirrors the main node (MNP-4). */
  nodeChanged(node: JobRecord): void {
    const parent = node.mnpParent!;
    if (parent.nodes![node.nodeIndex!] !== node) return; // a node of an earlier attempt
    const isMain = node.nodeIndex === parent.mainNodeIndex;
    if (!isMain) return; // MNP-4: a non-main node failing changes nothing else
    switch (node.status) {
      case 'STARTING':
        if (parent.status === 'RUNNABLE') this.context.transition(parent, 'STARTING');
        break;
      case 'RUNNING':
        parent.startedAt = node.startedAt;
        parent.addAttempt(node.currentAttempt!);
        if (parent.status === 'STARTING') this.context.transition(parent, 'RUNNING');
        for (const other of parent.nodes!) {
          if (other === node || other.status !== 'PENDING') continue;
          this.context.transition(other, 'RUNNABLE');
          if (other.reservedPlacement) this.context.defer(() => this.startReserved(other));
          else this.context.enqueueNode(other); // a capacity model placed the main node alone
        }
        break;
      case 'SUCCEEDED':
      case 'FAILED':
        this.mainNodeEnded(parent, node);
        break;
      default:
        break;
    }
  }

  /**
   * MNP-8: a node starts on its reserved place, unless the main node ended meanwhile (which released
   * it). If the place's instance was terminated meanwhile (a host failure), the node is queued for
   * another place rather than started on an instance that is gone.
   */
  private startReserved(node: JobRecord): void {
    const placement = node.reservedPlacement;
    if (!placement || node.status !== 'RUNNABLE') return;
    node.reservedPlacement = undefined;
    if (placement.released) this.context.enqueueNode(node);
    else this.context.startNode(node, placement);
  }

  private mainNodeEnded(parent: JobRecord, main: JobRecord): void {
    for (const other of parent.nodes!) {
      // MNP-8: places reserved for nodes that never started go back (the main node ended early).
      other.reservedPlacement?.release();
      other.reservedPlacement = undefined;
    }
    for (const other of parent.nodes!) {
      if (other === main || isTerminal(other.status)) continue;
      if (other.status === 'STARTING' || other.status === 'RUNNING') this.context.stopNode(other, MAIN_NODE_EXITED);
      else this.context.transition(other, 'FAILED', MAIN_NODE_EXITED);
    }
    const attemptsUsed = parent.attemptCount;
    const retry = main.status === 'FAILED' && !parent.isCancelled && !parent.isTerminated
      && main.stopCause !== 'TIMEOUT' && main.attempts.length > 0 && attemptsUsed < parent.spec.attempts;
    if (main.status === 'FAILED' && main.attemptCount === 0) {
      // Cancelled before it ran: the whole job is cancelled.
      if (!isTerminal(parent.status)) this.context.transition(parent, 'FAILED', main.statusReason);
      return;
    }
    if (retry) {
      // MNP-5: a new attempt restarts every node.
      parent.nodes = parent.nodes!.map((old, index) => this.createNode(parent, index, {
        container: old.spec.derived.container!, ecsProperties: old.spec.nodeEcsProperties, instanceType: old.spec.nodeInstanceType,
      }));
      this.context.transition(parent, 'RUNNABLE', main.statusReason);
      this.start(parent);
      return;
    }
    parent.stoppedAt = this.context.now();
    this.context.transition(parent, main.status, main.statusReason);
  }

  private createNode(parent: JobRecord, index: number, run: NodeRun): JobRecord {
    const isMain = index === parent.mainNodeIndex;
    const { container, ecsProperties } = run;
    const instanceType = nodeInstanceType(run);
    // MNP-1, PLAT-2: a node of an ecsProperties range runs its task with the multi-container machinery.
    const taskContainers = ecsProperties !== undefined
      ? (ecsProperties.taskProperties as Array<{ containers: ContainerProperties[] }>)[0].containers : undefined;
    const spec: JobSpec = {
      ...parent.spec,
      // Nodes never retry on their own: the parent decides (MNP-5). The timeout is the job's (MNP-1):
      // the main node's exit ends the job, so it carries it.
      attempts: 1,
      evaluateOnExit: undefined,
      attemptDurationSeconds: isMain ? parent.spec.attemptDurationSeconds : undefined,
      environment: container.environment ?? [],
      derived: { container, demand: nodeDemand(taskContainers ? taskDemand(taskContainers) : containerDemand(container), instanceType) },
      nodeEcsProperties: ecsProperties,
      nodeInstanceType: instanceType,
      // Node overrides are already applied to the node's task (MNP-1).
      ecsPropertiesOverride: undefined,
      // PLAT-4: the main node's placement places the whole job (MNP-8), so it takes the job's resources.
      consumableNeeds: isMain ? parent.spec.consumableNeeds : undefined,
    };
    const node = new JobRecord(`${parent.jobId}#${index}`, `${parent.arn}#${index}`, spec, parent.createdAt, parent.sequence);
    node.status = 'PENDING';
    node.mnpParent = parent;
    node.nodeIndex = index;
    return node;
  }
}

/** What one node runs (see `resolveNodeSpecs`). */
interface NodeRun {
  readonly container: ContainerProperties;
  readonly ecsProperties?: Record<string, unknown>;
  /** The range's `instanceTypes[0]`. */
  readonly instanceType?: string;
}

/** MNP-2: the instance type a node is pinned to: its range's `instanceTypes`, else its container's `instanceType`. */
function nodeInstanceType(run: NodeRun): string | undefined {
  return run.instanceType ?? run.container.instanceType;
}

/**
 * MNP-2: nodes are single-tenant. A node pinned to an instance type asks for all of that type's vCPUs,
 * so no other container can share its instance (memory and GPUs stay the node's own).
 */
function nodeDemand(demand: ContainerDemand, instanceType: string | undefined): ContainerDemand {
  const spec = instanceType !== undefined ? findInstanceType(instanceType) : undefined;
  // The node is placed only on its instance type (a range's instanceTypes pins it as a container's instanceType does).
  return spec ? { ...demand, instanceType, vcpus: Math.max(demand.vcpus, spec.vcpus) } : demand;
}
