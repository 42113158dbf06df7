import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_batch as batchRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { fail, isSharePrefix, validateShareIdentifier } from '../../validation';
import { allRevisionsArn } from '../private/job-definition-arn';
import { validateAt } from '../private/validate';

/** What `BatchPermissions.submitJob` lets a principal submit. */
export interface SubmitJobPermissionOptions {
  /**
   * Job definitions whose name starts with this prefix, every revision (e.g. `JobDefA_`).
   *
   * @default - no prefix
   */
  readonly jobDefinitionNamePrefix?: string;

  /**
   * These job definitions, every revision (aws-cdk-lib's `grantSubmitJob` covers only the
   * revision it created, so a later revision is denied; aws-cdk#33862).
   *
   * @default - none
   */
  readonly jobDefinitions?: batch.IJobDefinition[];

  /**
   * The queues jobs may be submitted to. SubmitJob is authorized against both the job
   * definition and the queue, so a statement always names both resource types (IAM-4).
   *
   * @default - every queue in the account and region (`job-queue/*`)
   */
  readonly jobQueues?: batchRefs.IJobQueueRef[];

  /**
   * Only submissions that carry one of these share identifiers (IAM condition key
   * `batch:ShareIdentifier`); one ending in `*` allows every identifier with that prefix, as in a
   * fair-share policy (FS-1). A submission without a share identifier, as every one to a FIFO
   * queue must be (FS-3), no longer matches: list only fair-share queues in `jobQueues`.
   *
   * @default - no condition on the share identifier
   */
  readonly shareIdentifiers?: string[];
}

/** What `BatchPermissions.registerJobDefinition` lets a principal register. */
export interface RegisterJobDefinitionPermissionOptions {
  /** Job definitions whose name starts with this prefix (e.g. `JobDefA_`). */
  readonly jobDefinitionNamePrefix: string;

  /**
   * Allowed values of the container `user` (condition key `batch:User`; numeric uids avoid
   * name resolution inside the image).
   *
   * @default - any user
   */
  readonly users?: string[];

  /**
   * Allowed container images (condition key `batch:Image`).
   *
   * @default - any image
   */
  readonly images?: string[];

  /**
   * Whether privileged containers may be registered (condition key `batch:Privileged`).
   *
   * @default false
   */
  readonly allowPrivileged?: boolean;

  /**
   * Whether the same principal may deregister those job definitions.
   *
   * @default true
   */
  readonly allowDeregister?: boolean;
}

/**
 * IAM policy statements and grants for the AWS Batch user guide's example policies (IAM-4).
 * Statements need a scope only to know the stack's partition, region and account.
 */
export class BatchPermissions {
  /** `batch:Describe*` and `batch:List*` on everything (Batch has no resource-level read permissions). */
  public static readOnly(): iam.PolicyStatement {
    return new iam.PolicyStatement({ actions: ['batch:Describe*', 'batch:List*'], resources: ['*'] });
  }

  /** `batch:SubmitJob` on the given job definitions (all revisions) and queues. */
  public static submitJob(scope: Construct, options: SubmitJobPermissionOptions): iam.PolicyStatement {
    const stack = cdk.Stack.of(scope);
    const definitions = [
      ...(options.jobDefinitionNamePrefix !== undefined ? [jobDefinitionArn(stack, `${options.jobDefinitionNamePrefix}*`)] : []),
      ...(options.jobDefinitions ?? []).map((definition) => allRevisionsArn(definition)),
    ];
    const queues = options.jobQueues?.length
      ? options.jobQueues.map((queue) => queue.jobQueueRef.jobQueueArn)
      : [stack.formatArn({ service: 'batch', resource: 'job-queue', resourceName: '*' })];
    return new iam.PolicyStatement({
      actions: ['batch:SubmitJob'],
      resources: [...(definitions.length ? definitions : [jobDefinitionArn(stack, '*')]), ...queues],
      conditions: shareIdentifierConditions(scope, options.shareIdentifiers),
    });
  }

  /**
   * `batch:RegisterJobDefinition` limited to a name prefix and by `batch:User`, `batch:Image` and
   * `batch:Privileged`, plus (by default) `batch:DeregisterJobDefinition` on the same prefix.
   */
  public static registerJobDefinition(scope: Construct, options: RegisterJobDefinitionPermissionOptions): iam.PolicyStatement[] {
    const resource = jobDefinitionArn(cdk.Stack.of(scope), `${options.jobDefinitionNamePrefix}*`);
    const stringEquals: Record<string, string[]> = {};
    if (options.users?.length) {
      stringEquals['batch:User'] = options.users;
    }
    if (options.images?.length) {
      stringEquals['batch:Image'] = options.images;
    }
    const conditions: Record<string, Record<string, unknown>> = {
      Bool: { 'batch:Privileged': options.allowPrivileged ? 'true' : 'false' },
    };
    if (Object.keys(stringEquals).length) {
      conditions.StringEquals = stringEquals;
    }
    if (options.allowPrivileged) {
      // "may be privileged" means no condition on the key at all.
      delete conditions.Bool;
    }
    const statements = [new iam.PolicyStatement({ actions: ['batch:RegisterJobDefinition'], resources: [resource], conditions })];
    if (options.allowDeregister ?? true) {
      statements.push(new iam.PolicyStatement({ actions: ['batch:DeregisterJobDefinition'], resources: [resource] }));
    }
    return statements;
  }

  /** `iam:PassRole` on the given roles, only towards the given services (`iam:PassedToService`). */
  public static passRole(roles: iam.IRole[], services: string[]): iam.PolicyStatement {
    if (roles.length === 0 || services.length === 0) {
      throw new Error(`BatchPermissions.passRole: roles (${roles.length}) and services (${services.length}) are invalid: at least one of each (IAM-4)`);
    }
    return new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: roles.map((role) => role.roleArn),
      conditions: { StringEquals: { 'iam:PassedToService': services } },
    });
  }

  /** Grants `submitJob`'s statement to a principal. */
  public static grantSubmitJob(scope: Construct, grantee: iam.IGrantable, options: SubmitJobPermissionOptions): iam.Grant {
    const statement = BatchPermissions.submitJob(scope, options);
    return iam.Grant.addToPrincipal({
      grantee,
      actions: statement.actions,
      resourceArns: statement.resources,
      conditions: shareIdentifierConditions(scope, options.shareIdentifiers),
    });
  }

  /** Grants `readOnly`'s statement to a principal. */
  public static grantReadOnly(grantee: iam.IGrantable): iam.Grant {
    const statement = BatchPermissions.readOnly();
    return iam.Grant.addToPrincipal({ grantee, actions: statement.actions, resourceArns: statement.resources });
  }

  private constructor() {}
}

/**
 * The `batch:ShareIdentifier` condition for `shareIdentifiers` (undefined: no condition). Exact
 * identifiers use StringEquals; with a prefix entry (`teamB*`) StringLike, whose `*` matches the
 * same identifiers the fair-share policy's prefix does (identifiers hold no `*` or `?` of their own).
 */
function shareIdentifierConditions(scope: Construct, shareIdentifiers?: string[]): Record<string, Record<string, unknown>> | undefined {
  if (shareIdentifiers === undefined) {
    return undefined;
  }
  validateAt(scope, () => {
    if (shareIdentifiers.length === 0) {
      fail('shareIdentifiers', shareIdentifiers, 'at least one share identifier', 'FS-3');
    }
    shareIdentifiers.forEach((identifier, index) => {
      if (!cdk.Token.isUnresolved(identifier)) {
        validateShareIdentifier(`shareIdentifiers[${index}]`, identifier);
      }
    });
  });
  const operator = shareIdentifiers.some((identifier) => !cdk.Token.isUnresolved(identifier) && isSharePrefix(identifier)) ? 'StringLike' : 'StringEquals';
  return { [operator]: { 'batch:ShareIdentifier': [...shareIdentifiers] } };
}

function jobDefinitionArn(stack: cdk.Stack, resourceName: string): string {
  return stack.formatArn({ service: 'batch', resource: 'job-definition', resourceName });
}
