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

  test('PLAT-3: GIVEN an EKS compute environment WHEN described THEN it is EKS with its eksConfiguration and no ECS cluster', () => {
    // GIVEN
    const { backend } = testBackend();
    const eksConfiguration = { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' };
    backend.createComputeEnvironment({
      computeEnvironmentName: 'eks',
      type: 'MANAGED',
      eksConfiguration,
      computeResources: { type: 'EC2', maxvCpus: 8, subnets: ['subnet-1'], instanceTypes: ['m5.large'], instanceRole: 'arn:aws:iam::123456789012:instance-profile/p' },
    });

    // WHEN
    const view = describeComputeEnvironment(backend.registry.computeEnvironment('eks'));

    // THEN
    expect(view).toMatchObject({ containerOrchestrationType: 'EKS', eksConfiguration });
    expect(view).not.toHaveProperty('ecsClusterArn');
    expect(describeComputeEnvironment(backend.registry.computeEnvironment('ce'))).toMatchObject({ containerOrchestrationType: 'ECS', ecsClusterArn: expect.stringContaining(':cluster/') });
  });

  test('PLAT-3: GIVEN an EKS compute environment on Fargate WHEN created THEN it is a ClientException', () => {
    const { backend } = testBackend();
    expect(() => backend.createComputeEnvironment({
      computeEnvironmentName: 'eks',
      type: 'MANAGED',
      eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' },
      computeResources: { type: 'FARGATE', maxvCpus: 8, subnets: ['subnet-1'] },
    })).toThrow('computeResources.type: "FARGATE" is invalid: EC2 or SPOT for an EKS compute environment (eksConfiguration) (PLAT-3)');
  });

  test('PLAT-2, PLAT-3: GIVEN ecsProperties and eksProperties definitions WHEN described THEN they come back exactly as registered, EKS ones as EKS', () => {
    // GIVEN
    const { backend } = testBackend();
    const ecsProperties = {
      taskProperties: [{
        containers: [
          { name: 'app', image: 'app', essential: true, command: ['run'], resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '512' }], dependsOn: [{ containerName: 'log', condition: 'START' }] },
          { name: 'log', image: 'fluent', essential: false, firelensConfiguration: { type: 'fluentbit' } },
        ],
        executionRoleArn: 'arn:aws:iam::123456789012:role/x',
      }],
    };
    const eksProperties = {
      podProperties: {
        serviceAccountName: 'sa',
        hostNetwork: true,
        metadata: { labels: { app: 'x' } },
        containers: [
          { name: 'main', image: 'busybox', command: ['echo'], args: ['hi'], env: [{ name: 'A', value: '1' }], resources: { limits: { cpu: '1', memory: '1024Mi' } } },
        ],
      },
    };
    backend.registerJobDefinition({ jobDefinitionName: 'mc', type: 'container', ecsProperties });
    backend.registerJobDefinition({ jobDefinitionName: 'pod', type: 'container', eksProperties });

    // WHEN
    const mc = describeJobDefinition(backend.registry.jobDefinition('mc'));
    const podView = describeJobDefinition(backend.registry.jobDefinition('pod'));

    // THEN
    expect(mc).toMatchObject({ ecsProperties, containerOrchestrationType: 'ECS', platformCapabilities: ['EC2'] });
    expect(podView).toMatchObject({ eksProperties, containerOrchestrationType: 'EKS' });
    expect(podView).not.toHaveProperty('platformCapabilities');
    expect(podView).not.toHaveProperty('containerProperties');
  });

  test('PLAT-3: GIVEN an EKS job definition and an ECS queue WHEN a job is submitted THEN it is a ClientException naming the queue and its CE', () => {
    const { backend } = testBackend();
    backend.registerJobDefinition({ jobDefinitionName: 'pod', type: 'container', eksProperties: { podProperties: { containers: [{ image: 'busybox', resources: { limits: { memory: '64Mi' } } }] } } });
    expect(() => backend.submitJob({ jobName: 'j', jobQueue: 'queue', jobDefinition: 'pod' }))
      .toThrow(/^Job Queue is attached to Compute Environment that can not run Jobs with capability EKS: job definition pod:1 .* runs only on EKS compute environments; job queue queue has ce \(EC2\) \(PLAT-1\)$/);
  });

  test('PLAT-3: GIVEN an EKS and an ECS compute environment WHEN one queue names both THEN it is a ClientException naming them', () => {
    // GIVEN
    const { backend } = testBackend();
    backend.createComputeEnvironment({
      computeEnvironmentName: 'eks',
      type: 'MANAGED',
      eksConfiguration: { eksClusterArn: 'arn:aws:eks:us-east-1:123456789012:cluster/c', kubernetesNamespace: 'batch' },
      computeResources: { type: 'EC2', maxvCpus: 8, subnets: ['subnet-1'], instanceTypes: ['optimal'], instanceRole: 'ecsInstanceRole' },
    });

    // WHEN / THEN
    expect(() => backend.createJobQueue({ jobQueueName: 'mixed', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'eks' }, { order: 2, computeEnvironment: 'ce' }] }))
      .toThrow('computeEnvironmentOrder: ["eks","ce"] is invalid: compute environments of one orchestration type (all ECS or all EKS) (PLAT-3): eks is EKS, ce is ECS');
  });
});
