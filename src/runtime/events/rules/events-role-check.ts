import { IntrinsicResolver } from '../../template/intrinsic-resolver';

/** The AWS managed policy for EventBridge's Batch targets (EVT-5, guide "CloudWatch Events IAM role"). */
const BATCH_EVENT_TARGET_POLICY = /:iam::aws:policy\/service-role\/AWSBatchServiceEventTargetRole$/;

const EVENTS_PRINCIPAL = 'events.amazonaws.com';

/** The outcome of checking a Batch target's role. */
export interface RoleCheck {
  /** False when EventBridge could not submit the job with this role (the invocation fails). */
  readonly usable: boolean;
  /** What to tell the user at load: the problem, or that the role could not be checked. */
  readonly message?: string;
}

interface PolicyStatement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Principal?: unknown;
}

/**
 * EVT-5: the role a Batch target names must trust `events.amazonaws.com` and allow `batch:SubmitJob`
 * on the job queue and the job definition (the seed's "CloudWatch Events IAM role";
 * `AWSBatchServiceEventTargetRole` grants it on every resource).
 *
 * Reads the role and the policies attached to it in the template: inline `Policies`,
 * `ManagedPolicyArns` (the AWS managed policy, or an `AWS::IAM::ManagedPolicy` of the template) and
 * `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` resources listing the role in `Roles`. Explicit
 * denies win; `Condition` blocks are taken as met (the runtime cannot evaluate request context).
 */
export class EventsRoleChecker {
  private readonly rolesByArn = new Map<string, string>();

  constructor(private readonly resolver: IntrinsicResolver) {
    for (const logicalId of this.resources('AWS::IAM::Role')) {
      this.rolesByArn.set(String(resolver.getAtt(logicalId, 'Arn', `${logicalId}.Arn`)), logicalId);
    }
  }

  check(roleArn: string | undefined, queueArn: string, jobDefinitionArn: string): RoleCheck {
    if (roleArn === undefined) {
      return { usable: false, message: 'RoleArn is missing: EventBridge needs a role it can assume to call batch:SubmitJob (EVT-5)' };
    }
    const logicalId = this.rolesByArn.get(roleArn);
    if (logicalId === undefined) {
      return { usable: true, message: `role ${roleArn} is not part of the template; its trust of ${EVENTS_PRINCIPAL} and its batch:SubmitJob permission were not checked (EVT-5)` };
    }
    const properties = this.properties(logicalId);
    if (!this.trustsEvents(properties.AssumeRolePolicyDocument)) {
      return { usable: false, message: `role ${logicalId} does not trust ${EVENTS_PRINCIPAL} in its AssumeRolePolicyDocument, so EventBridge cannot assume it (EVT-5)` };
    }
    const statements = this.statementsOf(logicalId, properties);
    const denied = [queueArn, jobDefinitionArn].filter((arn) => !isAllowed(statements, 'batch:SubmitJob', arn));
    if (denied.length > 0) {
      return { usable: false, message: `role ${logicalId} does not allow batch:SubmitJob on ${denied.join(' and ')} (EVT-5: attach AWSBatchServiceEventTargetRole or a statement allowing it)` };
    }
    return { usable: true };
  }

  private trustsEvents(document: unknown): boolean {
    return statementsIn(document).some((statement) => statement.Effect === 'Allow'
      && actionMatches(statement, 'sts:AssumeRole')
      && principalServices(statement.Principal).some((service) => service === EVENTS_PRINCIPAL || service === '*'));
  }

  /** Every statement that applies to the role, inline and attached. */
  private statementsOf(logicalId: string, properties: Record<string, any>): PolicyStatement[] {
    const statements: PolicyStatement[] = [];
    for (const policy of asArray(properties.Policies)) statements.push(...statementsIn(policy?.PolicyDocument));
    const roleName = this.resolver.ref(logicalId, logicalId);
    for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
      for (const policyId of this.resources(type)) {
        const policy = this.properties(policyId);
        const attached = asArray(policy.Roles).map(String).includes(roleName)
          || (type === 'AWS::IAM::ManagedPolicy' && asArray(properties.ManagedPolicyArns).map(String).includes(this.resolver.ref(policyId, policyId)));
        if (attached) statements.push(...statementsIn(policy.PolicyDocument));
      }
    }
    if (asArray(properties.ManagedPolicyArns).some((arn) => BATCH_EVENT_TARGET_POLICY.test(String(arn)))) {
      statements.push({ Effect: 'Allow', Action: 'batch:SubmitJob', Resource: '*' });
    }
    return statements;
  }

  /** Logical ids of the template's resources of `type` whose condition holds. */
  private resources(type: string): string[] {
    return Object.entries(this.resolver.template.Resources ?? {})
      .filter(([id, resource]) => resource.Type === type && this.resolver.resourceExists(id))
      .map(([id]) => id);
  }

  private properties(logicalId: string): Record<string, any> {
    const resource = this.resolver.resource(logicalId, logicalId);
    return (this.resolver.resolve(resource.Properties ?? {}, `${logicalId}.Properties`) ?? {}) as Record<string, any>;
  }
}

/** IAM evaluation in short: an explicit Deny wins, else some Allow must cover the action and resource. */
function isAllowed(statements: readonly PolicyStatement[], action: string, resource: string): boolean {
  const applies = (statement: PolicyStatement): boolean => actionMatches(statement, action) && resourceMatches(statement, resource);
  if (statements.some((statement) => statement.Effect === 'Deny' && applies(statement))) return false;
  return statements.some((statement) => statement.Effect === 'Allow' && applies(statement));
}

function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) return !asArray(statement.NotAction).some((p) => globMatches(String(p), action, true));
  return asArray(statement.Action).some((p) => globMatches(String(p), action, true));
}

function resourceMatches(statement: PolicyStatement, resource: string): boolean {
  if (statement.NotResource !== undefined) return !asArray(statement.NotResource).some((p) => globMatches(String(p), resource, false));
  return asArray(statement.Resource).some((p) => globMatches(String(p), resource, false));
}

/** IAM wildcards: `*` any run of characters, `?` one; actions compare case-insensitively. */
export function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.split('').map((c) => c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function principalServices(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (principal && typeof principal === 'object') {
    const { Service: service, AWS: aws } = principal as { Service?: unknown; AWS?: unknown };
    return [...asArray(service), ...asArray(aws).filter((p) => p === '*')].map(String);
  }
  return [];
}

function statementsIn(document: unknown): PolicyStatement[] {
  const statement = (document as { Statement?: unknown } | undefined)?.Statement;
  return asArray(statement).filter((s): s is PolicyStatement => !!s && typeof s === 'object');
}

function asArray(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
