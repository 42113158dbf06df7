import { EventsRoleChecker, globMatches } from '../../../../src/runtime/events/rules/events-role-check';
import { CfnTemplate } from '../../../../src/runtime/template/intrinsic-resolver';
import { ARN_PREFIX, resolverFor } from '../events-unit-fixtures';

const QUEUE = `${ARN_PREFIX}:job-queue/q`;
const DEFINITION = `${ARN_PREFIX}:job-definition/d:1`;
const TRUST_EVENTS = { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'events.amazonaws.com' } }] };
const MANAGED = 'arn:aws:iam::aws:policy/service-role/AWSBatchServiceEventTargetRole';

function checker(resources: CfnTemplate['Resources']): { checker: EventsRoleChecker; roleArn: string } {
  const resolver = resolverFor(resources);
  return { checker: new EventsRoleChecker(resolver), roleArn: String(resolver.getAtt('Role', 'Arn', 'Role')) };
}

function role(properties: Record<string, unknown>): CfnTemplate['Resources'] {
  return { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST_EVENTS, ...properties } } };
}

describe('EventsRoleChecker', () => {
  test('EVT-5: a role trusting events.amazonaws.com with AWSBatchServiceEventTargetRole is usable', () => {
    // GIVEN the seed's role WHEN checked for a queue and definition THEN nothing is wrong
    const { checker: c, roleArn } = checker(role({ ManagedPolicyArns: [MANAGED] }));
    expect(c.check(roleArn, QUEUE, DEFINITION)).toEqual({ usable: true });
  });

  test('EVT-5: a missing RoleArn makes the target unusable', () => {
    const { checker: c } = checker(role({}));
    expect(c.check(undefined, QUEUE, DEFINITION)).toEqual({ usable: false, message: expect.stringContaining('RoleArn is missing') });
  });

  test('EVT-5: a role outside the template is used but reported as not checked', () => {
    const { checker: c } = checker(role({}));
    expect(c.check('arn:aws:iam::1:role/elsewhere', QUEUE, DEFINITION)).toEqual({ usable: true, message: expect.stringContaining('arn:aws:iam::1:role/elsewhere is not part of the template') });
  });

  test('EVT-5: a role that does not trust events.amazonaws.com is unusable', () => {
    const { checker: c, roleArn } = checker({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['lambda.amazonaws.com'] } }] },
          ManagedPolicyArns: [MANAGED],
        },
      },
    });
    expect(c.check(roleArn, QUEUE, DEFINITION)).toEqual({ usable: false, message: expect.stringContaining('does not trust events.amazonaws.com') });
  });

  test('EVT-5: a trusted role without batch:SubmitJob is unusable, naming what is denied', () => {
    const { checker: c, roleArn } = checker(role({ Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'batch:DescribeJobs', Resource: '*' }] } }] }));
    expect(c.check(roleArn, QUEUE, DEFINITION)).toEqual({ usable: false, message: expect.stringContaining(`does not allow batch:SubmitJob on ${QUEUE} and ${DEFINITION}`) });
  });

  test('EVT-5: an AWS::IAM::Policy attached by Roles allowing SubmitJob on the queue and definition suffices (as aws-cdk-lib writes it)', () => {
    const { checker: c, roleArn } = checker({
      ...role({}),
      Policy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'p',
          Roles: [{ Ref: 'Role' }],
          PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'batch:SubmitJob', Resource: [DEFINITION, QUEUE] }] },
        },
      },
    });
    expect(c.check(roleArn, QUEUE, DEFINITION)).toEqual({ usable: true });
  });

  test('EVT-5: permission on the queue only is not enough', () => {
    const { checker: c, roleArn } = checker(role({ Policies: [{ PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'batch:Submit*', Resource: QUEUE }] } }] }));
    expect(c.check(roleArn, QUEUE, DEFINITION).message).toContain(`on ${DEFINITION} (EVT-5`);
  });

  test('EVT-5: an explicit Deny wins over the managed policy', () => {
    const { checker: c, roleArn } = checker(role({
      ManagedPolicyArns: [MANAGED],
      Policies: [{ PolicyDocument: { Statement: [{ Effect: 'Deny', Action: 'batch:*', Resource: `${ARN_PREFIX}:job-queue/*` }] } }],
    }));
    expect(c.check(roleArn, QUEUE, DEFINITION).usable).toBe(false);
  });

  test('EVT-5: a customer managed policy of the template referenced by ManagedPolicyArns counts', () => {
    const { checker: c, roleArn } = checker({
      ...role({ ManagedPolicyArns: [{ Ref: 'Managed' }] }),
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } } },
    });
    expect(c.check(roleArn, QUEUE, DEFINITION)).toEqual({ usable: true });
  });
});

describe('globMatches', () => {
  test('EVT-5: IAM wildcards * and ?, actions case-insensitive, resources exact', () => {
    expect(globMatches('batch:submit*', 'batch:SubmitJob', true)).toBe(true);
    expect(globMatches('batch:?ubmitJob', 'batch:SubmitJob', true)).toBe(true);
    expect(globMatches('arn:aws:batch:*:job-queue/Q', 'arn:aws:batch:r:a:job-queue/q', false)).toBe(false);
    expect(globMatches('arn:aws:batch:*:job-queue/q.x', 'arn:aws:batch:r:a:job-queue/qax', false)).toBe(false);
  });
});
