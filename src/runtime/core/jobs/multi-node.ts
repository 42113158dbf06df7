import { containerDemand, podDemand, taskDemand } from './container-launch';
import { EffectivePod, JobRecord, JobSpec } from './job-record';
import { applyNodePropertyOverrides } from './node-overrides';
import { findInstanceType } from '../../../instance-catalog/instance-catalog';
import { resolveNodeSpecs, validateNodeProperties } from '../../../validation';
import { ConsumableResourceProperties, SubmitJobRequest } from '../../shapes';
import { ClientException } from '../errors';
import { consumableNeedsOf, resolveConsumableResources, sumNeeds } from '../model/consumable-requirements';
import { ConsumableNeed, ConsumableResourceStore } from '../model/consumable-resource-store';
import { isTerminal } from '../model/job-status';
import { ContainerProperties, NodeProperties } from '../model/requests';
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
  /** PLAT-4: a node that never started ended; what the gang placement took for it comes back. */
  nodeNeverRan(node: JobRecord): void;
  now(): number;
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
  /**
   * MNP-1: the effective node properties of a submission (node overrides applied), validated (LIM-12,
   * MNP-2 one instance type; PLAT-4 each node's consumable resources exist when `store` is given).
   */
  static resolveNodeProperties(definition: NodeProperties, request: SubmitJobRequest, store?: ConsumableResourceStore): NodeProperties {
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
    const specs = resolveNodeSpecs(properties as never) as NodeRun[];
    // MNP-2: all node groups run on one instance type.
    const types = [...new Set(specs.map(nodeInstanceType).filter((t) => t !== undefined))];
    if (types.length > 1) {
      throw new ClientException(`nodeProperties: node groups name different instance types (${types.join(', ')}); a multi-node job uses one (MNP-2)`);
    }
    if (store) {
      // PLAT-4: a node override's list is checked as SubmitJob's override is; every range's resources exist now.
      (overrides?.nodePropertyOverrides ?? []).forEach((override, index) => {
        const list = (override as { consumableResourcePropertiesOverride?: ConsumableResourceProperties }).consumableResourcePropertiesOverride;
        if (list !== undefined) resolveConsumableResources(store, `nodeOverrides.nodePropertyOverrides[${index}].consumableResourcePropertiesOverride`, list);
      });
      nodeRuns(properties, store);
    }
    return properties;
  }

  /** `consumables`: where node ranges' consumable resources are looked up (PLAT-4); none means no range names any. */
  constructor(private readonly context: MultiNodeContext, private readonly consumables?: ConsumableResourceStore) {}

  /** Creates the nodes of `parent` (PENDING, not yet scheduled). */
  createNodes(parent: JobRecord, properties: NodeProperties): void {
    parent.mainNodeIndex = properties.mainNode;
    parent.nodeProperties = properties;
    parent.nodes = nodeRuns(properties, this.consumables).map((run, index) => this.createNode(parent, index, run));
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
      if (other.status === 'STARTING' || other.status === 'RUNNING') {
        this.context.stopNode(other, MAIN_NODE_EXITED);
      } else {
        this.context.transition(other, 'FAILED', MAIN_NODE_EXITED);
        this.context.nodeNeverRan(other); // PLAT-4: its share of the gang's resources comes back
      }
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
      // MNP-5: a new attempt restarts every node; the old nodes' log streams stay (CloudWatch keeps them).
      const streams = parent.nodes!.flatMap((old) => old.attempts.flatMap((attempt) =>
        [attempt.logStreamName, ...(attempt.containers ?? []).map((container) => container.logStreamName)]))
        .filter((stream): stream is string => stream !== undefined);
      if (streams.length > 0) parent.earlierNodeStreams = [...(parent.earlierNodeStreams ?? []), ...streams];
      const runs = parent.nodes!.map((old): NodeRun => ({
        container: old.spec.derived.container!,
        ecsProperties: old.spec.nodeEcsProperties,
        eksProperties: old.spec.nodeEksProperties,
        instanceType: old.spec.nodeInstanceType,
        consumableNeeds: old.spec.nodeConsumableNeeds,
      }));
      parent.nodes = runs.map((run, index) => this.createNode(parent, index, run));
      this.context.transition(parent, 'RUNNABLE', main.statusReason);
      this.start(parent);
      return;
    }
    parent.stoppedAt = this.context.now();
    this.context.transition(parent, main.status, main.statusReason);
  }

  private createNode(parent: JobRecord, index: number, run: NodeRun): JobRecord {
    const isMain = index === parent.mainNodeIndex;
    const { container, ecsProperties, eksProperties } = run;
    const instanceType = nodeInstanceType(run);
    // MNP-1, PLAT-2: a node of an ecsProperties range runs its task with the multi-container machinery;
    // PLAT-3: a node of an eksProperties range runs its pod, placed only on EKS compute environments.
    const taskContainers = ecsProperties !== undefined
      ? (ecsProperties.taskProperties as Array<{ containers: ContainerProperties[] }>)[0].containers : undefined;
    const demand = taskContainers ? taskDemand(taskContainers)
      : eksProperties ? { ...podDemand(eksProperties.podProperties as EffectivePod), platform: 'EKS' as const } : containerDemand(container);
    const spec: JobSpec = {
      ...parent.spec,
      // Nodes never retry on their own: the parent decides (MNP-5). The timeout is the job's (MNP-1):
      // the main node's exit ends the job, so it carries it.
      attempts: 1,
      evaluateOnExit: undefined,
      attemptDurationSeconds: isMain ? parent.spec.attemptDurationSeconds : undefined,
      environment: container.environment ?? [],
      derived: { container, demand: nodeDemand(demand, instanceType) },
      nodeEcsProperties: ecsProperties,
      nodeEksProperties: eksProperties,
      nodeInstanceType: instanceType,
      nodeConsumableNeeds: run.consumableNeeds,
      // Node overrides are already applied to the node's task or pod (MNP-1).
      ecsPropertiesOverride: undefined,
      eksPropertiesOverride: undefined,
      // PLAT-4: each node holds its range's resources; the main node also the job's (its placement places the
      // whole gang, MNP-8, and the gate takes every node's share then).
      consumableNeeds: isMain ? sumNeeds(parent.spec.consumableNeeds, run.consumableNeeds) : run.consumableNeeds,
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
  readonly eksProperties?: Record<string, unknown>;
  /** The range's `instanceTypes[0]`. */
  readonly instanceType?: string;
  /** PLAT-4: the narrowest range's `consumableResourceProperties`, resolved to resource names. */
  readonly consumableNeeds?: readonly ConsumableNeed[];
}

/** What each node runs, its range's consumable resources resolved by `store` (PLAT-4; ClientException for one that is gone). */
function nodeRuns(properties: NodeProperties, store: ConsumableResourceStore | undefined): NodeRun[] {
  const specs = resolveNodeSpecs(properties as never) as Array<NodeRun & { consumableResourceProperties?: ConsumableResourceProperties }>;
  return specs.map(({ consumableResourceProperties, ...run }, node) => {
    if (consumableResourceProperties === undefined || store === undefined) return run;
    const consumableNeeds = consumableNeedsOf(store, `nodeProperties (node ${node}) consumableResourceProperties`, consumableResourceProperties);
    return consumableNeeds === undefined ? run : { ...run, consumableNeeds };
  });
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
