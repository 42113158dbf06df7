import { eksContainerResources, validateEksConfiguration, validateEksProperties } from '../../src/validation';

const pod = (containers: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): any => ({ podProperties: { containers, ...extra } });

describe('EKS shapes (PLAT-3)', () => {
  test('PLAT-3: GIVEN a pod as aws-cdk-lib writes it WHEN validated THEN it passes and its reservations are read', () => {
    // GIVEN
    const container = { name: 'main', image: 'busybox', command: ['sleep'], args: ['60'], resources: { limits: { 'cpu': '1.5', 'memory': '2048Mi', 'nvidia.com/gpu': '1' }, requests: { cpu: '0.25' } } };

    // THEN
    expect(() => validateEksProperties('eksProperties', pod([container]))).not.toThrow();
    expect(eksContainerResources('r', container)).toEqual({ cpu: 0.25, memoryMiB: 2048, gpus: 1 });
  });

  test('PLAT-3: GIVEN bad quantities or limits below requests WHEN validated THEN each is refused naming the field', () => {
    const check = (resources: Record<string, unknown>) => () => validateEksProperties('eksProperties', pod([{ image: 'i', resources }]));
    expect(check({ limits: { cpu: '0.3', memory: '64Mi' } })).toThrow('eksProperties.podProperties.containers[0].resources.limits.cpu: "0.3" is invalid: a number of vCPUs, a multiple of 0.25 (PLAT-3)');
    expect(check({ limits: { memory: '2Gi' } })).toThrow('whole MiB with an "Mi" suffix');
    expect(check({ limits: { memory: '64Mi' }, requests: { memory: '32Mi' } })).toThrow('limits.memory: "64Mi" is invalid: equal to the request (32Mi)');
    expect(check({ limits: { cpu: '1', memory: '64Mi' }, requests: { cpu: '2' } })).toThrow('limits.cpu: "1" is invalid: at least the request (2)');
    expect(check({ limits: { disk: '1', memory: '64Mi' } })).toThrow('limits: "disk" is invalid: one of cpu, memory, nvidia.com/gpu');
    expect(check({ limits: { memory: '2Mi' } })).toThrow('"2Mi" is invalid: at least 4 MiB of memory');
  });

  test('PLAT-3: GIVEN no container, or two unnamed ones WHEN validated THEN the pod is refused', () => {
    expect(() => validateEksProperties('eksProperties', pod([]))).toThrow('eksProperties.podProperties.containers: 0 is invalid: 1..10 containers');
    const unnamed = { image: 'i', resources: { limits: { memory: '64Mi' } } };
    expect(() => validateEksProperties('eksProperties', pod([unnamed, unnamed]))).toThrow('containers[1].name: "Default" is invalid: a container name unique within the pod');
  });

  test('PLAT-3: GIVEN eksConfiguration WHEN validated THEN a cluster ARN and a namespace that is a DNS label, not default or kube-*, are required', () => {
    const arn = 'arn:aws:eks:us-east-1:123456789012:cluster/ClusterForBatch';
    expect(() => validateEksConfiguration('eksConfiguration', { eksClusterArn: arn, kubernetesNamespace: 'batch-jobs' })).not.toThrow();
    expect(() => validateEksConfiguration('eksConfiguration', { eksClusterArn: 'cluster', kubernetesNamespace: 'batch' })).toThrow('eksConfiguration.eksClusterArn: "cluster" is invalid');
    for (const namespace of ['default', 'kube-system', 'Batch', 'a'.repeat(64), '-x']) {
      expect(() => validateEksConfiguration('eksConfiguration', { eksClusterArn: arn, kubernetesNamespace: namespace })).toThrow('eksConfiguration.kubernetesNamespace');
    }
  });
});
