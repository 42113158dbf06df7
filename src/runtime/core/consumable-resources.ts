import { CheckpointPart } from './checkpoint/checkpoint-part';
import { ClientException } from './errors';
import { EventLoop } from './event-loop';
import { JobRecord } from './jobs/job-record';
import { listJobsByConsumableResource, ListJobsByConsumableResourceRequest, JobByConsumableResource, totalConsumableNeeds } from './jobs/jobs-by-consumable-resource';
import {
  ConsumableResourceDetail, ConsumableResourceOperations, ConsumableResourceSummary, CreateConsumableResourceRequest,
  ListConsumableResourcesRequest, UpdateConsumableResourceRequest,
} from './model/consumable-resource-operations';
import { ConsumableResourceStore } from './model/consumable-resource-store';
import { isTerminal } from './model/job-status';
import { ConsumableResourceGate } from './scheduling/consumable-resource-gate';

/** What the six operations need from the rest of the backend. */
export interface ConsumableResourceHost {
  readonly loop: EventLoop;
  /** Every job still describable (LIFE-4). */
  jobs(): Iterable<JobRecord>;
  /** The quantities changed: jobs that waited may run now, and their reasons change (DIAG-2). */
  quantitiesChanged(): void;
}

interface QuantityChunk {
  readonly name: string;
  readonly totalQuantity: number;
  readonly createdAt: number;
}

/**
 * PLAT-4: the consumable-resource operations of the API (and of the template loader, which calls
 * the same ones), the scheduler's gate over them, and their part of a checkpoint.
 */
export class ConsumableResources {
  readonly gate: ConsumableResourceGate;
  private readonly operations: ConsumableResourceOperations;

  constructor(private readonly store: ConsumableResourceStore, private readonly host: ConsumableResourceHost) {
    this.gate = new ConsumableResourceGate(store);
    this.operations = new ConsumableResourceOperations(store);
  }

  create(request: CreateConsumableResourceRequest): { consumableResourceName: string; consumableResourceArn: string } {
    const record = this.operations.create(request, this.host.loop.now());
    return { consumableResourceName: record.name, consumableResourceArn: record.arn };
  }

  describe(consumableResource: string): ConsumableResourceDetail {
    return this.operations.describe(consumableResource);
  }

  list(request: ListConsumableResourcesRequest = {}): { consumableResources: ConsumableResourceSummary[]; nextToken?: string } {
    return this.operations.list(request);
  }

  update(request: UpdateConsumableResourceRequest): { consumableResourceName: string; consumableResourceArn: string; totalQuantity: number } {
    const record = this.operations.update(request, this.host.loop.now());
    this.host.quantitiesChanged();
    return { consumableResourceName: record.name, consumableResourceArn: record.arn, totalQuantity: record.totalQuantity };
  }

  delete(consumableResource: string): void {
    this.operations.delete(consumableResource, (record) => {
      const users: string[] = [];
      for (const job of this.host.jobs()) {
        if (job.parent || job.mnpParent || isTerminal(job.status)) continue;
        // A multi-node job needs what its node ranges need too (MNP-1).
        if (totalConsumableNeeds(job)?.some((need) => need.name === record.name)) users.push(job.jobId);
      }
      return users;
    });
  }

  listJobs(request: ListJobsByConsumableResourceRequest): { jobs: JobByConsumableResource[]; nextToken?: string } {
    if (request === null || typeof request !== 'object') throw new ClientException('consumableResource: required (PLAT-4)');
    const resource = this.store.get(request.consumableResource, 'consumableResource');
    return listJobsByConsumableResource(resource, request, this.host.jobs());
  }

  /**
   * PLAT-4 across a restart of `serve --state-dir`: the registry is rebuilt by replaying the requests,
   * but a NON_REPLENISHABLE resource's total also shrank as jobs used it up, which no request says.
   * At a rest point no job holds anything, so the totals (and creation times) are all there is to carry.
   */
  checkpointPart(): CheckpointPart {
    return {
      key: 'consumable-resources',
      save: (): QuantityChunk[] => this.store.list()
        .map((record) => ({ name: record.name, totalQuantity: record.totalQuantity, createdAt: record.createdAt })),
      restore: (chunks: unknown[]): void => {
        for (const chunk of chunks as QuantityChunk[]) {
          const record = this.store.find(chunk.name);
          // One deleted before the checkpoint is not rebuilt. The replayed create ran at the checkpoint's
          // time, so its creation time comes from here too.
          if (record) Object.assign(record, { totalQuantity: chunk.totalQuantity, createdAt: chunk.createdAt });
        }
      },
    };
  }
}
