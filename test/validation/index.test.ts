import * as validation from '../../src/validation';

describe('validation barrel', () => {
  // The names other modules (constructs, runtime API) import; renaming one breaks them.
  test.each([
    'ValidationError',
    'validateResourceName', 'validateJobName', 'validateVolumeName', 'validateImage',
    'validateDependsOnCount', 'validateArraySize', 'validateJsonSize',
    'validateVcpus', 'validateMemory', 'validateGpuCount', 'validateResourceRequirements', 'validateEnvironmentVariableNames',
    'validateAttemptDurationSeconds', 'validateRetryStrategy',
    'parseTargetNodes', 'validateNodeProperties', 'resolveNodeContainers',
    'validateQuota', 'validateComputeEnvironmentOrder', 'validateQueueComputeEnvironments',
    'validateSpotSettings', 'validateLaunchTemplateSpecification', 'validateMultiNodeComputeEnvironment', 'validateMinMaxDesiredVcpus',
  ])('LIM-1..15: %s is exported as a function', (name) => {
    expect(typeof (validation as Record<string, unknown>)[name]).toBe('function');
  });

  test.each([
    'validateShareDecaySeconds', 'validateComputeReservation', 'validateWeightFactor', 'validateShareIdentifier', 'validateShareCount',
    'validateShareDistribution', 'shareEntriesOverlap', 'shareEntryMatches', 'isSharePrefix',
  ])('FS-1: %s is exported as a function', (name) => {
    expect(typeof (validation as Record<string, unknown>)[name]).toBe('function');
  });

  test('LIM-5: the payload limits are exported', () => {
    expect(validation.JOB_DEFINITION_MAX_BYTES).toBe(24 * 1024);
    expect(validation.SUBMIT_JOB_MAX_BYTES).toBe(30 * 1024);
  });
});
