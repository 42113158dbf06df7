import { pageOf } from './paging';
import { SchedulingPolicyRecord } from './records';
import { CreateSchedulingPolicyRequest, ListSchedulingPoliciesRequest, UpdateSchedulingPolicyRequest } from './requests';
import { ResourceRegistry } from './resource-registry';
import { ListSchedulingPoliciesResponse, SchedulingPolicyDetail } from './responses';
import { validateFairsharePolicy } from './scheduling-policy-rules';
import { validateTags } from './tag-limits';
import { asClientException } from './validation-bridge';
import { validateResourceName } from '../../../validation';
import { ClientException } from '../errors';

/** DescribeSchedulingPolicies takes at most this many ARNs (API reference). */
const MAX_DESCRIBE_POLICIES = 100;

/**
 * FS-1: Create/Describe/List/Update/DeleteSchedulingPolicy. Each validates the whole request before it
 * changes anything, so a rejected request leaves the registry as it was.
 */
export class SchedulingPolicyOperations {
  constructor(private readonly registry: ResourceRegistry) {}

  create(request: CreateSchedulingPolicyRequest): SchedulingPolicyRecord {
    rejectQuotaSharePolicy(request);
    const fairsharePolicy = asClientException(() => {
      validateResourceName('name', request.name);
      if (request.tags !== undefined) validateTags('tags', request.tags);
      return validateFairsharePolicy('fairsharePolicy', request.fairsharePolicy);
    });
    return this.registry.storeSchedulingPolicy({ name: request.name, fairsharePolicy, tags: { ...(request.tags ?? {}) } });
  }

  /** Unknown ARNs are left out of the answer, as for the other Describe operations. */
  describe(arns: string[]): SchedulingPolicyDetail[] {
    if (!Array.isArray(arns) || arns.length > MAX_DESCRIBE_POLICIES) {
      throw new ClientException(`arns: ${Array.isArray(arns) ? arns.length : JSON.stringify(arns)} entries given, at most ${MAX_DESCRIBE_POLICIES} are allowed`);
    }
    return arns.map((arn) => this.registry.findSchedulingPolicy(arn))
      .filter((policy): policy is SchedulingPolicyRecord => policy !== undefined)
      .map(describeSchedulingPolicy);
  }

  list(request: ListSchedulingPoliciesRequest = {}): ListSchedulingPoliciesResponse {
    const page = pageOf(this.registry.listSchedulingPolicies(), 'ListSchedulingPolicies', request.maxResults, request.nextToken);
    const schedulingPolicies = page.items.map((policy) => ({ arn: policy.arn }));
    return page.nextToken === undefined ? { schedulingPolicies } : { schedulingPolicies, nextToken: page.nextToken };
  }

  /** The new policy reaches every queue that uses it at its next scheduling pass. */
  update(request: UpdateSchedulingPolicyRequest): SchedulingPolicyRecord {
    const policy = this.registry.schedulingPolicy(request.arn);
    rejectQuotaSharePolicy(request);
    if (request.fairsharePolicy !== undefined) {
      policy.fairsharePolicy = asClientException(() => validateFairsharePolicy('fairsharePolicy', request.fairsharePolicy));
    }
    return policy;
  }

  /** FS-1: a policy that a job queue uses cannot be deleted. */
  delete(arn: string, queuesUsing: (policy: SchedulingPolicyRecord) => string[]): void {
    const policy = this.registry.schedulingPolicy(arn);
    const users = queuesUsing(policy);
    if (users.length > 0) {
      throw new ClientException(`arn: scheduling policy ${policy.name} is used by job queue(s) ${users.join(', ')}; delete those queues first (FS-1)`);
    }
    this.registry.removeSchedulingPolicy(policy);
  }
}

/** Quota shares (the API's newer `quotaSharePolicy`) are not modelled: say so rather than ignore them (PLAT-6). */
function rejectQuotaSharePolicy(request: object): void {
  if ('quotaSharePolicy' in request && (request as { quotaSharePolicy?: unknown }).quotaSharePolicy !== undefined) {
    throw new ClientException('quotaSharePolicy: quota-share scheduling policies are not modelled by the local runtime; give a fairsharePolicy');
  }
}

export function describeSchedulingPolicy(policy: SchedulingPolicyRecord): SchedulingPolicyDetail {
  const { shareDecaySeconds, computeReservation, shareDistribution } = policy.fairsharePolicy;
  return {
    name: policy.name,
    arn: policy.arn,
    fairsharePolicy: { shareDecaySeconds, computeReservation, shareDistribution: shareDistribution.map((entry) => ({ ...entry })) },
    tags: { ...policy.tags },
  };
}
