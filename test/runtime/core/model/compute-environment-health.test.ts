import { assessComputeEnvironment } from '../../../../src/runtime/core/model/compute-environment-health';
import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';

const ce = (fields: Partial<ComputeEnvironmentRecord>): ComputeEnvironmentRecord => ({ name: 'ce', type: 'MANAGED', ...fields } as ComputeEnvironmentRecord);

describe('assessComputeEnvironment (DIAG-1)', () => {
  test('IAM-1: a service role ARN, with or without a path, or no role at all, is VALID', () => {
    expect(assessComputeEnvironment(ce({})).status).toBe('VALID');
    expect(assessComputeEnvironment(ce({ serviceRole: 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole' })).status).toBe('VALID');
    expect(assessComputeEnvironment(ce({ serviceRole: 'arn:aws-cn:iam::123456789012:role/R' })).status).toBe('VALID');
  });

  test('IAM-1: a bare role name makes the CE INVALID with a CLIENT_ERROR reason', () => {
    const health = assessComputeEnvironment(ce({ serviceRole: 'AWSBatchServiceRole' }));
    expect(health.status).toBe('INVALID');
    expect(health.statusReason).toMatch(/^CLIENT_ERROR - serviceRole "AWSBatchServiceRole" is not a full IAM role ARN.*\(DIAG-1\)$/);
  });

  test('IAM-3: a SPOT CE whose fleet role is not a role ARN is INVALID', () => {
    const health = assessComputeEnvironment(ce({ computeResources: { type: 'SPOT', maxvCpus: 4, spotIamFleetRole: 'AmazonEC2SpotFleetRole' } }));
    expect([health.status, health.statusReason]).toEqual(['INVALID', expect.stringContaining('spotIamFleetRole "AmazonEC2SpotFleetRole"')]);
  });

  test('LIM-3: instance types of two architectures make the CE INVALID, naming the odd ones', () => {
    const health = assessComputeEnvironment(ce({ computeResources: { type: 'EC2', maxvCpus: 4, instanceTypes: ['c5.large', 'c5.xlarge', 'm6g.large'] } }));
    expect(health.status).toBe('INVALID');
    expect(health.statusReason).toContain('most are x86_64, but m6g.large (arm64) are not');
  });
});
