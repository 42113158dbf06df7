import { UnknownValues } from '../../../src/runtime/template/unknown-values';

describe('UnknownValues', () => {
  test('CFN-4: the same export has the same placeholder every time', () => {
    expect(new UnknownValues().placeholder('export', 'shared:Subnets')).toBe(new UnknownValues().placeholder('export', 'shared:Subnets'));
  });

  test('CFN-4: a placeholder in a field the runtime only carries is one warning naming the export and the option', () => {
    // GIVEN
    const unknown = new UnknownValues();
    const subnet = unknown.placeholder('export', 'net-Subnet');

    // WHEN
    unknown.check({ computeResources: { subnets: [subnet] } }, 'S/CE', '123456789012', 'aws');
    unknown.check({ computeResources: { subnets: [subnet, 'x'] } }, 'S/CE2', '123456789012', 'aws');

    // THEN
    expect(unknown.warnings).toEqual([expect.stringMatching(/^the Fn::ImportValue of export "net-Subnet" has no value here; .*first used in S\/CE computeResources\.subnets.*--import net-Subnet=VALUE or --imports FILE/)]);
  });

  test('CFN-4: a placeholder in a field that decides scheduling is an error naming the export and the option', () => {
    const unknown = new UnknownValues();
    const cpus = unknown.placeholder('export', 'shared-MaxCpus');
    expect(() => unknown.check({ computeResources: { maxvCpus: cpus } }, 'S/CE', '1', 'aws'))
      .toThrow('S/CE: computeResources.maxvCpus comes from the Fn::ImportValue of export "shared-MaxCpus", and it decides what the local runtime does; give its value with --import shared-MaxCpus=VALUE');
    const ssm = unknown.placeholder('SSM parameter', 'Types');
    expect(() => unknown.check({ computeResources: { instanceTypes: [ssm] } }, 'S/CE', '1', 'aws')).toThrow(/--parameter Types=VALUE/);
  });

  test('CFN-4, IAM-1: an imported service role stands in as a role ARN, so the CE stays VALID', () => {
    const unknown = new UnknownValues();
    const role = unknown.placeholder('export', 'BatchServiceRoleArn');
    expect(unknown.check({ serviceRole: role }, 'S/CE', '123456789012', 'aws'))
      .toEqual({ serviceRole: 'arn:aws:iam::123456789012:role/unresolved-import-BatchServiceRoleArn' });
  });
});
