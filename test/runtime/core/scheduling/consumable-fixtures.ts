import { Duration } from 'aws-cdk-lib';
import { BatchBackend } from '../../../../src/runtime/core/backend';
import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { testBackend } from '../fixtures';

export interface ConsumableSetup {
  readonly backend: BatchBackend;
  /** The most units of each resource held at once, seen at every state change (and never above its total). */
  readonly peakInUse: Map<string, number>;
  /** Any moment a resource's in-use quantity exceeded its total (PLAT-4's invariant). */
  readonly overcommits: string[];
}

/**
 * testBackend (queue `queue`, definition `job`, 1 vCPU jobs on a CE of `maxvCpus`) with consumable
 * resources made through the API, and definitions `licensed` (needs `quantity` of `licences`).
 */
export function consumableBackend(options: {
  maxvCpus?: number;
  resources?: Array<{ name: string; total: number; type?: string }>;
  quantity?: number;
  behavior?: () => JobBehavior;
} = {}): ConsumableSetup {
  const { backend } = testBackend({
    maxvCpus: options.maxvCpus ?? 64,
    behavior: options.behavior ?? ((): JobBehavior => JobBehavior.succeed({ duration: Duration.minutes(10) })),
  });
  for (const resource of options.resources ?? [{ name: 'licences', total: 3 }]) {
    backend.consumableResources.create({ consumableResourceName: resource.name, totalQuantity: resource.total, resourceType: resource.type });
  }
  if ((options.resources ?? [{ name: 'licences' }]).some((r) => r.name === 'licences')) {
    backend.registerJobDefinition({
      jobDefinitionName: 'licensed',
      type: 'container',
      containerProperties: { image: 'busybox', vcpus: 1, memory: 512, command: ['true'] },
      consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licences', quantity: options.quantity ?? 1 }] },
    });
  }
  const peakInUse = new Map<string, number>();
  const overcommits: string[] = [];
  backend.addJobStateListener({
    onJobStateChange: () => {
      for (const record of backend.registry.consumableResources.list()) {
        peakInUse.set(record.name, Math.max(peakInUse.get(record.name) ?? 0, record.inUseQuantity));
        if (record.inUseQuantity > record.totalQuantity) overcommits.push(`${record.name}: ${record.inUseQuantity} > ${record.totalQuantity} at ${backend.loop.now()}`);
      }
    },
  });
  return { backend, peakInUse, overcommits };
}

/** Jobs (array children included) that are STARTING or RUNNING now. */
export function active(backend: BatchBackend): JobRecord[] {
  return [...backend.allJobs()].filter((job) => job.status === 'STARTING' || job.status === 'RUNNING');
}
