import { describeComputeEnvironment, describeJobDefinition, describeJobQueue } from '../../../../src/runtime/core/model/registry-views';
import { testBackend } from '../fixtures';

describe('registry views (DescribeComputeEnvironments, DescribeJobQueues, DescribeJobDefinitions shapes)', () => {
  test('absent optional members are left out; nested data is copied, not shared', () => {
    // GIVEN
    const { backend } = testBackend();
    const ce = backend.registry.computeEnvironment('ce');

    // WHEN
    const view = describeComputeEnvironment(ce);
    (view.computeResources as any).maxvCpus = 999;

    // THEN
    expect(Object.keys(view)).not.toContain('serviceRole');
    expect(Object.keys(view)).not.toContain('unmanagedvCpus');
    expect(ce.computeResources!.maxvCpus).toBe(4);
  });

  test('a queue lists its compute environments by ARN; a job definition shows revision, status and orchestration type', () => {
    const { backend } = testBackend();
    expect(describeJobQueue(backend.registry.jobQueue('queue')).computeEnvironmentOrder).toEqual([{ order: 1, computeEnvironment: backend.registry.computeEnvironment('ce').arn }]);
    expect(describeJobDefinition(backend.registry.jobDefinition('job'))).toMatchObject({ jobDefinitionName: 'job', revision: 1, status: 'ACTIVE', containerOrchestrationType: 'ECS' });
  });
});
