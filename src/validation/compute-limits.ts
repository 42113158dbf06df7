import { fail, isInteger } from './validation-error';

/** `computeResources.allocationStrategy` values (`CRAllocationStrategy` in the service model). */
export const ALLOCATION_STRATEGIES: readonly string[] = [
  'BEST_FIT',
  'BEST_FIT_PROGRESSIVE',
  'SPOT_CAPACITY_OPTIMIZED',
  'SPOT_PRICE_CAPACITY_OPTIMIZED',
];
/** LIM-13: strategies only a SPOT compute environment may use. */
export const SPOT_ONLY_ALLOCATION_STRATEGIES: readonly string[] = ['SPOT_CAPACITY_OPTIMIZED', 'SPOT_PRICE_CAPACITY_OPTIMIZED'];
/** LIM-14: most security groups on a compute environment that runs multi-node jobs. */
export const MAX_MULTI_NODE_SECURITY_GROUPS = 5;
/**
 * LIM-14 (API): compute environment types that cannot run multi-node parallel jobs. The spec
 * names SPOT and UNMANAGED; Fargate is listed too because AWS does not run MNP jobs on Fargate.
 */
export const MULTI_NODE_UNSUPPORTED_TYPES: readonly string[] = ['SPOT', 'UNMANAGED', 'FARGATE', 'FARGATE_SPOT'];

/** LIM-15 (API): instance type keywords and the architecture each selects. */
export const INSTANCE_TYPE_BUNDLES: ReadonlyMap<string, string> = new Map([
  ['optimal', 'x86_64'],
  ['default_x86_64', 'x86_64'],
  ['default_arm64', 'arm64'],
]);

/**
 * LIM-15: a family (`c5`, `p4d`, `u-6tb1`) or a size (`c5.8xlarge`, `m5.metal`). Every EC2
 * family name has a generation digit after its letters, which also catches keyword typos such
 * as `default` or `optimum`.
 */
const INSTANCE_TYPE = /^[a-z][a-z-]*[0-9][a-z0-9-]*(\.[a-z0-9-]+)?$/;
const LAUNCH_TEMPLATE_VERSION = /^(\$Default|\$Latest|[1-9][0-9]*)$/;

/**
 * LIM-13 (API): allocation strategy known; `SPOT_CAPACITY_OPTIMIZED` and
 * `SPOT_PRICE_CAPACITY_OPTIMIZED` only on SPOT; a SPOT CE with `BEST_FIT` or no strategy needs
 * `spotIamFleetRole`; `bidPercentage` an integer 0..100 (choice). `field` is the path of the
 * compute resources, e.g. `computeResources`. Whether the role is a *valid* ARN is DIAG-1's
 * business (the CE becomes INVALID), not a ClientException.
 */
export function validateSpotSettings(
  field: string,
  cr: { type: string; allocationStrategy?: string; spotIamFleetRole?: string; bidPercentage?: number },
): void {
  const strategy = cr.allocationStrategy;
  if (strategy !== undefined) {
    if (!ALLOCATION_STRATEGIES.includes(strategy)) {
      fail(`${field}.allocationStrategy`, strategy, `one of ${ALLOCATION_STRATEGIES.join(', ')}`, 'LIM-13');
    }
    if (SPOT_ONLY_ALLOCATION_STRATEGIES.includes(strategy) && cr.type !== 'SPOT') {
      fail(`${field}.allocationStrategy`, strategy, `${SPOT_ONLY_ALLOCATION_STRATEGIES.join(' and ')} only for SPOT compute resources`, 'LIM-13',
        `type is ${cr.type}`);
    }
  }
  const needsFleetRole = cr.type === 'SPOT' && (strategy === undefined || strategy === 'BEST_FIT');
  if (needsFleetRole && !cr.spotIamFleetRole) {
    fail(`${field}.spotIamFleetRole`, cr.spotIamFleetRole, 'required for SPOT compute resources with allocation strategy BEST_FIT or none', 'LIM-13',
      `allocationStrategy is ${strategy ?? 'not set (BEST_FIT)'}`);
  }
  if (cr.bidPercentage !== undefined && (!isInteger(cr.bidPercentage) || cr.bidPercentage < 0 || cr.bidPercentage > 100)) {
    fail(`${field}.bidPercentage`, cr.bidPercentage, 'an integer 0..100', 'LIM-13');
  }
}

/**
 * LIM-13: a launch template is named by `launchTemplateId` or `launchTemplateName`, exactly one
 * of them, non-empty; `version`, when given, is `$Default`, `$Latest` or a version number.
 */
export function validateLaunchTemplateSpecification(
  field: string,
  lt: { launchTemplateId?: string; launchTemplateName?: string; version?: string },
): void {
  const hasId = lt.launchTemplateId !== undefined;
  const hasName = lt.launchTemplateName !== undefined;
  if (hasId === hasName) {
    fail(field, { launchTemplateId: lt.launchTemplateId, launchTemplateName: lt.launchTemplateName },
      'exactly one of launchTemplateId and launchTemplateName', 'LIM-13', hasId ? 'both are given' : 'neither is given');
  }
  if (hasId && lt.launchTemplateId === '') {
    fail(`${field}.launchTemplateId`, lt.launchTemplateId, 'a non-empty launch template id', 'LIM-13');
  }
  if (hasName && lt.launchTemplateName === '') {
    fail(`${field}.launchTemplateName`, lt.launchTemplateName, 'a non-empty launch template name', 'LIM-13');
  }
  if (lt.version !== undefined && (typeof lt.version !== 'string' || !LAUNCH_TEMPLATE_VERSION.test(lt.version))) {
    fail(`${field}.version`, lt.version, '$Default, $Latest or a version number >= 1', 'LIM-13');
  }
}

/**
 * LIM-14 (API): a compute environment that runs multi-node parallel jobs is neither SPOT nor
 * UNMANAGED (nor Fargate) and has at most 5 security groups.
 */
export function validateMultiNodeComputeEnvironment(field: string, ce: { type: string; securityGroupCount: number }): void {
  if (MULTI_NODE_UNSUPPORTED_TYPES.includes(ce.type)) {
    fail(`${field}.type`, ce.type, `multi-node parallel jobs do not run on ${MULTI_NODE_UNSUPPORTED_TYPES.join(', ')} compute environments`, 'LIM-14');
  }
  if (ce.securityGroupCount > MAX_MULTI_NODE_SECURITY_GROUPS) {
    fail(`${field}.securityGroupIds`, ce.securityGroupCount,
      `at most ${MAX_MULTI_NODE_SECURITY_GROUPS} security groups for multi-node parallel jobs`, 'LIM-14',
      `${ce.securityGroupCount} security groups given`);
  }
}

/**
 * SCHED-5 / CE-1: vCPU bounds of a managed CE are non-negative integers with
 * `minvCpus <= desiredvCpus <= maxvCpus` (each bound checked when given; the scaler starts at
 * desired and moves between min and max, so any other order has no meaning).
 */
export function validateMinMaxDesiredVcpus(field: string, v: { minvCpus?: number; desiredvCpus?: number; maxvCpus: number }): void {
  const rule = 'SCHED-5';
  for (const key of ['minvCpus', 'desiredvCpus', 'maxvCpus'] as const) {
    const value = v[key];
    if (value !== undefined && (!isInteger(value) || value < 0)) {
      fail(`${field}.${key}`, value, 'a non-negative integer', rule);
    }
  }
  const { minvCpus, desiredvCpus, maxvCpus } = v;
  if (minvCpus !== undefined && minvCpus > maxvCpus) {
    fail(`${field}.minvCpus`, minvCpus, `at most maxvCpus (${maxvCpus})`, rule);
  }
  if (desiredvCpus !== undefined && desiredvCpus > maxvCpus) {
    fail(`${field}.desiredvCpus`, desiredvCpus, `at most maxvCpus (${maxvCpus})`, rule);
  }
  if (desiredvCpus !== undefined && minvCpus !== undefined && desiredvCpus < minvCpus) {
    fail(`${field}.desiredvCpus`, desiredvCpus, `at least minvCpus (${minvCpus})`, rule);
  }
}

/**
 * LIM-15 (syntax only): each entry is `optimal`, `default_x86_64`, `default_arm64`, a family or a
 * size; bundle keywords of different architectures are not mixed (LIM-3). Whether a family or
 * size exists, and the architecture of concrete types, is the instance catalog's business.
 */
export function validateInstanceTypes(field: string, instanceTypes: string[]): void {
  const limit = 'optimal, default_x86_64, default_arm64, an instance family (c5) or size (c5.8xlarge)';
  let bundle: { keyword: string; architecture: string } | undefined;
  instanceTypes.forEach((instanceType, index) => {
    const at = `${field}[${index}]`;
    const architecture = INSTANCE_TYPE_BUNDLES.get(instanceType);
    if (architecture === undefined) {
      if (typeof instanceType !== 'string' || !INSTANCE_TYPE.test(instanceType)) {
        fail(at, instanceType, limit, 'LIM-15');
      }
      return;
    }
    if (bundle && bundle.architecture !== architecture) {
      fail(at, instanceType, 'all instance types of a compute environment share one architecture', 'LIM-3',
        `${instanceType} selects ${architecture}, ${bundle.keyword} selects ${bundle.architecture}`);
    }
    bundle = bundle ?? { keyword: instanceType, architecture };
  });
}
