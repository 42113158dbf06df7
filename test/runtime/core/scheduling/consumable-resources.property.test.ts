import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { consumableBackend } from './consumable-fixtures';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';

describe('consumable resources, properties', () => {
  test('PLAT-4: at no virtual time does any resource\'s in-use quantity exceed its total, and every job whose needs fit the totals eventually runs', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ total: fc.integer({ min: 1, max: 4 }), replenishable: fc.boolean() }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.record({
        needs: fc.array(fc.record({ resource: fc.nat(2), quantity: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
        seconds: fc.integer({ min: 1, max: 600 }),
        fails: fc.boolean(),
        array: fc.constantFrom(undefined, 2, 3),
      }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 8 }),
      (resources, jobs, maxvCpus) => {
        // GIVEN
        const specs = resources.map((r, i) => ({ name: `r${i}`, total: r.total, type: r.replenishable ? 'REPLENISHABLE' : 'NON_REPLENISHABLE' }));
        const { backend, overcommits } = consumableBackend({
          maxvCpus,
          resources: specs,
          behavior: () => JobBehavior.succeed({ duration: Duration.seconds(60) }),
        });
        const submitted = jobs.map((job, index) => {
          // One entry per resource (a list may not name one twice).
          const needs = [...new Map(job.needs.map((need) => [need.resource % specs.length, need.quantity])).entries()];
          const consumableResourceList = needs.map(([resource, quantity]) => ({ consumableResource: specs[resource].name, quantity }));
          const id = backend.submitJob({
            jobName: `j${index}`,
            jobQueue: 'queue',
            jobDefinition: 'job',
            retryStrategy: job.fails ? { attempts: 2 } : undefined,
            ...(job.array ? { arrayProperties: { size: job.array } } : {}),
            ...(consumableResourceList.length > 0 ? { consumableResourcePropertiesOverride: { consumableResourceList } } : {}),
          }).jobId;
          return { id, needs, instances: job.array ?? 1 };
        });

        // WHEN
        backend.loop.runUntilIdle();

        // THEN: never more in use than the total
        expect(overcommits).toEqual([]);
        // THEN: with only REPLENISHABLE resources, each job whose every need fits its total ran to the end
        if (specs.every((s) => s.type === 'REPLENISHABLE')) {
          for (const job of submitted) {
            const fits = job.needs.every(([resource, quantity]) => quantity <= specs[resource].total);
            if (fits) expect(backend.job(job.id)!.status).toBe('SUCCEEDED');
            else expect(backend.job(job.id)!.status).not.toBe('SUCCEEDED');
          }
        }
        // THEN: nothing is held once every job that could run has ended
        for (const record of backend.registry.consumableResources.list()) expect(record.inUseQuantity).toBe(0);
      },
    ), { numRuns: 60, seed: 4242 });
  });
});
