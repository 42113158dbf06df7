import { mergeContainer } from './container-merge';
import { effectiveMemoryMiB, effectiveVcpus, validateContainerProperties } from './container-properties';
import { EcsPropertiesInput, validateEcsProperties } from './ecs-properties';
import { EksPropertiesInput, validateEksProperties } from './eks-properties';
import { fail, isInteger } from './validation-error';

const RULE = 'LIM-12';

/** LIM-12: node count bounds of a multi-node parallel job. */
export const MIN_NUM_NODES = 1;
export const MAX_NUM_NODES = 1000;
/** LIM-12 (choice): most node ranges; the guide allows five node groups. */
export const MAX_NODE_RANGES = 5;

export interface NodeRangeInput {
  targetNodes: string;
  container?: { vcpus?: number; memory?: number; resourceRequirements?: Array<{ type: string; value: string }>; [k: string]: unknown };
  /** MNP-1, PLAT-2: a multi-container task per node of the range, instead of `container`. */
  ecsProperties?: EcsPropertiesInput;
  /** MNP-1, PLAT-3: an EKS pod per node of the range (every range of the job then has one: it runs on EKS). */
  eksProperties?: EksPropertiesInput;
  /** MNP-2: the one instance type the range's nodes run on (AWS allows one element). */
  instanceTypes?: string[];
  /** PLAT-4: consumable resources each node of the range needs (checked against the resources by the runtime). */
  consumableResourceProperties?: unknown;
}

/**
 * What one node runs: a container (LIM-12 merge of its ranges), or the task (pod) of its narrowest
 * `ecsProperties` (`eksProperties`) range; the narrowest range's `instanceTypes` and `consumableResourceProperties`.
 */
export interface NodeSpec {
  container: Record<string, unknown>;
  ecsProperties?: EcsPropertiesInput;
  eksProperties?: EksPropertiesInput;
  instanceType?: string;
  consumableResourceProperties?: unknown;
}

export interface NodePropertiesInput {
  numNodes: number;
  mainNode: number;
  nodeRangeProperties: NodeRangeInput[];
}

/** `a`, `a:b`, `:b`, `a:` or `:` (indices are non-negative decimal integers). */
const TARGET_NODES = /^([0-9]*)(:([0-9]*))?$/;
const TARGET_NODES_LIMIT = 'a node index or range "a:b", ":b", "a:" or ":" within [0, numNodes)';

/**
 * LIM-12: the inclusive node indices `targetNodes` names, for a job of `numNodes` nodes.
 * A missing start means 0 and a missing end means `numNodes - 1`; a lone index is a range of
 * one node. Indices outside `[0, numNodes)` and reversed ranges are rejected.
 */
export function parseTargetNodes(field: string, targetNodes: string, numNodes: number): { from: number; to: number } {
  const match = typeof targetNodes === 'string' ? TARGET_NODES.exec(targetNodes) : null;
  if (!match || targetNodes === '') {
    fail(field, targetNodes, TARGET_NODES_LIMIT, RULE, 'not a node index or range');
  }
  const [, start, colon, end] = match;
  const from = start === '' ? 0 : Number(start);
  const to = colon === undefined ? from : end === '' ? numNodes - 1 : Number(end);
  if (from > numNodes - 1 || to > numNodes - 1) {
    fail(field, targetNodes, TARGET_NODES_LIMIT, RULE, `numNodes is ${numNodes}, so the highest node index is ${numNodes - 1}`);
  }
  if (from > to) {
    fail(field, targetNodes, TARGET_NODES_LIMIT, RULE, `the range starts at ${from}, after its end ${to}`);
  }
  return { from, to };
}

/**
 * LIM-12, whole `nodeProperties`: numNodes 1..1000; mainNode in [0, numNodes); 1..5 ranges, each
 * well formed; two ranges are either disjoint or one nested in the other (a partial overlap, or
 * the same range twice, would leave the nodes they share without a defined container);
 * together they cover every node; each range's container obeys LIM-8/9/11; and every node's
 * effective container (after nested overrides) has vcpus and memory.
 */
export function validateNodeProperties(field: string, props: NodePropertiesInput): void {
  validateNumNodes(field, props.numNodes);
  const { numNodes, mainNode } = props;
  if (!isInteger(mainNode) || mainNode < 0 || mainNode >= numNodes) {
    fail(`${field}.mainNode`, mainNode, `an integer in [0, numNodes) = [0, ${numNodes})`, RULE);
  }
  const ranges = props.nodeRangeProperties;
  if (!Array.isArray(ranges) || ranges.length < 1 || ranges.length > MAX_NODE_RANGES) {
    const count = Array.isArray(ranges) ? ranges.length : ranges;
    fail(`${field}.nodeRangeProperties`, count, `1..${MAX_NODE_RANGES} node ranges`, RULE, `${String(count)} given`);
  }
  const parsed = ranges.map((range, index) => parseTargetNodes(rangeField(field, index), range.targetNodes, numNodes));
  checkNesting(field, ranges, parsed);
  checkCoverage(field, numNodes, parsed);
  ranges.forEach((range, index) => validateRangeShape(`${field}.nodeRangeProperties[${index}]`, range));
  checkOnePlatform(field, ranges);
  resolveNodeSpecs(props).forEach(({ container, ecsProperties, eksProperties }, node) => {
    // PLAT-2 checked the task's VCPU and MEMORY; a pod is sized by its containers' resources (PLAT-3).
    if (ecsProperties !== undefined || eksProperties !== undefined) return;
    const missing = [
      effectiveVcpus(container) === undefined ? 'vcpus (or a VCPU resource requirement)' : undefined,
      effectiveMemoryMiB(container) === undefined ? 'memory (or a MEMORY resource requirement)' : undefined,
    ].filter((what): what is string => what !== undefined);
    if (missing.length > 0) {
      const covering = ranges.filter((_, index) => parsed[index].from <= node && node <= parsed[index].to).map((range) => range.targetNodes);
      fail(`${field}.nodeRangeProperties`, node,
        "every node's container sets vcpus and memory", RULE,
        `node ${node} (targetNodes ${covering.map((t) => JSON.stringify(t)).join(', ')}) has no ${missing.join(' and no ')}`);
    }
  });
}

/**
 * LIM-12: the container each node index runs, for a job whose ranges are valid. Ranges are
 * applied widest first, so a narrower range nested in a wider one overrides it field by field
 * (see `mergeContainer`). A node no range covers gets `{}`.
 */
export function resolveNodeContainers(props: NodePropertiesInput): Array<Record<string, unknown>> {
  return resolveNodeSpecs(props).map((spec) => spec.container);
}

/**
 * MNP-1, LIM-12: what each node runs. Ranges apply widest first: a `container` range merges into
 * the node's container (and replaces a wider range's task); an `ecsProperties` range replaces
 * whatever a wider range gave (tasks are not merged field by field: AWS documents no such merge).
 */
export function resolveNodeSpecs(props: NodePropertiesInput): NodeSpec[] {
  validateNumNodes('nodeProperties', props.numNodes);
  const layers = props.nodeRangeProperties
    .map((range, index) => ({ range, span: parseTargetNodes(rangeField('nodeProperties', index), range.targetNodes, props.numNodes), index }))
    // Widest first; equal widths keep their order, so with identical ranges the later one wins.
    .sort((a, b) => (b.span.to - b.span.from) - (a.span.to - a.span.from) || a.index - b.index);
  const specs: NodeSpec[] = [];
  for (let node = 0; node < props.numNodes; node++) {
    let container: Record<string, unknown> = {};
    let ecsProperties: EcsPropertiesInput | undefined;
    let eksProperties: EksPropertiesInput | undefined;
    let instanceType: string | undefined;
    let consumableResourceProperties: unknown;
    for (const { range, span } of layers) {
      if (span.from > node || node > span.to) continue;
      if (range.instanceTypes !== undefined) instanceType = range.instanceTypes[0];
      // PLAT-4: a narrower range's list replaces a wider one's (as SubmitJob's override replaces the definition's).
      if (range.consumableResourceProperties !== undefined) consumableResourceProperties = range.consumableResourceProperties;
      if (range.ecsProperties !== undefined || range.eksProperties !== undefined) {
        ecsProperties = range.ecsProperties;
        eksProperties = range.eksProperties;
        container = {};
      } else if (range.container !== undefined) {
        container = mergeContainer(ecsProperties !== undefined || eksProperties !== undefined ? {} : container, range.container);
        ecsProperties = undefined;
        eksProperties = undefined;
      }
    }
    specs.push({
      container,
      ...(ecsProperties !== undefined ? { ecsProperties } : {}),
      ...(eksProperties !== undefined ? { eksProperties } : {}),
      ...(instanceType !== undefined ? { instanceType } : {}),
      ...(consumableResourceProperties !== undefined ? { consumableResourceProperties } : {}),
    });
  }
  return specs;
}

/** MNP-1: a range describes its nodes one way: `container`, `ecsProperties` (PLAT-2) or `eksProperties` (PLAT-3). */
function validateRangeShape(field: string, range: NodeRangeInput): void {
  const shapes = (['container', 'ecsProperties', 'eksProperties'] as const).filter((member) => range[member] !== undefined);
  if (shapes.length > 1) {
    fail(`${field}.${shapes[1]}`, range[shapes[1]], `not together with ${shapes[0]}: a node range describes its nodes one way`, 'MNP-1');
  }
  const types = range.instanceTypes;
  if (types !== undefined && (!Array.isArray(types) || types.length !== 1 || typeof types[0] !== 'string' || types[0] === '')) {
    fail(`${field}.instanceTypes`, types, 'a list of one instance type', 'MNP-2', 'AWS limits the list to one element');
  }
  if (range.container !== undefined) validateContainerProperties(`${field}.container`, range.container);
  if (range.ecsProperties !== undefined) validateEcsProperties(`${field}.ecsProperties`, range.ecsProperties);
  if (range.eksProperties !== undefined) validateEksProperties(`${field}.eksProperties`, range.eksProperties);
}

/**
 * MNP-1, PLAT-3: a multi-node job runs on one kind of compute environment, so either every range is
 * an EKS pod (`eksProperties`, run on EKS compute environments) or none is (ECS: `container` or `ecsProperties`).
 */
function checkOnePlatform(field: string, ranges: NodeRangeInput[]): void {
  const eks = ranges.findIndex((range) => range.eksProperties !== undefined);
  if (eks < 0) return;
  const other = ranges.findIndex((range) => range.container !== undefined || range.ecsProperties !== undefined);
  if (other < 0) return;
  const member = ranges[other].container !== undefined ? 'container' : 'ecsProperties';
  fail(`${field}.nodeRangeProperties[${other}].${member}`, ranges[other][member],
    `eksProperties, as nodeRangeProperties[${eks}] has: a multi-node job runs either on EKS (every range an eksProperties pod) or on ECS`, 'MNP-1');
}

/** MNP-1, PLAT-3: whether the node ranges are EKS pods (the job then runs on EKS compute environments). */
export function hasEksNodeRanges(props: { nodeRangeProperties?: ReadonlyArray<{ eksProperties?: unknown }> } | undefined): boolean {
  return Array.isArray(props?.nodeRangeProperties) && props!.nodeRangeProperties.some((range) => range?.eksProperties !== undefined);
}

function validateNumNodes(field: string, numNodes: number): void {
  if (!isInteger(numNodes) || numNodes < MIN_NUM_NODES || numNodes > MAX_NUM_NODES) {
    fail(`${field}.numNodes`, numNodes, `an integer ${MIN_NUM_NODES}..${MAX_NUM_NODES}`, RULE);
  }
}

function rangeField(field: string, index: number): string {
  return `${field}.nodeRangeProperties[${index}].targetNodes`;
}

type Span = { from: number; to: number };

function checkNesting(field: string, ranges: NodeRangeInput[], spans: Span[]): void {
  for (let j = 1; j < spans.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [spans[i], spans[j]];
      const disjoint = a.to < b.from || b.to < a.from;
      const aInB = b.from <= a.from && a.to <= b.to;
      const bInA = a.from <= b.from && b.to <= a.to;
      const limit = 'node ranges are disjoint or nested, never the same nodes twice';
      if (aInB && bInA) {
        fail(rangeField(field, j), ranges[j].targetNodes, limit, RULE,
          `it names the same nodes ${a.from}..${a.to} as nodeRangeProperties[${i}] (${JSON.stringify(ranges[i].targetNodes)})`);
      }
      if (!disjoint && !aInB && !bInA) {
        fail(rangeField(field, j), ranges[j].targetNodes, limit, RULE,
          `it partially overlaps nodeRangeProperties[${i}] (${JSON.stringify(ranges[i].targetNodes)})`);
      }
    }
  }
}

function checkCoverage(field: string, numNodes: number, spans: Span[]): void {
  // Walk the spans in start order, tracking the highest node covered so far; a gap shows up as
  // a span that starts beyond it (O(ranges log ranges), independent of numNodes).
  let coveredTo = -1;
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    if (span.from > coveredTo + 1) {
      break;
    }
    coveredTo = Math.max(coveredTo, span.to);
  }
  if (coveredTo < numNodes - 1) {
    const node = coveredTo + 1;
    fail(`${field}.nodeRangeProperties`, node, `the ranges together cover nodes 0..numNodes-1 = 0..${numNodes - 1}`, RULE,
      `node ${node} is in no range`);
  }
}
