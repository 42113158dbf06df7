import { ClientException } from '../../../../src/runtime/core/errors';
import { NotModelledResources } from '../../../../src/runtime/core/model/not-modelled-resources';

describe('NotModelledResources', () => {
  test('CFN-6: a reference to a resource that is not modelled is a ClientException naming the local limitation; others pass', () => {
    // GIVEN
    const resources = new NotModelledResources();
    resources.add('job definition', ['EksJob', 'stack-EksJob-X', 'stack-EksJob-X:1'], 'EksJob', 'its EKS part is not supported here');

    // THEN
    expect(() => resources.check('job definition', 'stack-EksJob-X:1', 'jobDefinition')).toThrow(ClientException);
    expect(() => resources.check('job definition', 'EksJob', 'jobDefinition')).toThrow(
      'jobDefinition: "EksJob" is the template\'s job definition EksJob, which the local runtime does not model (its EKS part is not supported here); '
      + 'this is a limitation of the local runtime, not an AWS validation error (CFN-6)');
    expect(() => resources.check('job queue', 'EksJob', 'jobQueue')).not.toThrow();
    expect(() => resources.check('job definition', 'other', 'jobDefinition')).not.toThrow();
  });
});
