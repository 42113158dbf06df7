import { submit, T0 } from '../fixtures';
import { consumableBackend } from '../scheduling/consumable-fixtures';

describe('ListJobsByConsumableResource', () => {
  test('PLAT-4: GIVEN jobs that need the resource and one that does not THEN the users are listed newest first, top-level only, filtered by status and name', () => {
    // GIVEN
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 1 }] });
    const first = submit(backend, { jobDefinition: 'licensed', jobName: 'solve-a' });
    submit(backend, { jobDefinition: 'licensed', jobName: 'solve-b', arrayProperties: { size: 2 } });
    submit(backend, { jobName: 'plain' });
    backend.loop.runUntil(T0 + 1000);

    // WHEN
    const all = backend.consumableResources.listJobs({ consumableResource: 'licences' });
    const running = backend.consumableResources.listJobs({ consumableResource: 'licences', filters: [{ name: 'JOB_STATUS', values: ['RUNNING'] }] });
    const byName = backend.consumableResources.listJobs({ consumableResource: 'licences', filters: [{ name: 'JOB_NAME', values: ['SOLVE-B*'] }] });

    // THEN
    expect(all.jobs.map((job) => [job.jobName, job.quantity])).toEqual([['solve-b', 1], ['solve-a', 1]]);
    expect(running.jobs.map((job) => job.jobArn.split('/')[1])).toEqual([first]);
    expect(byName.jobs.map((job) => job.jobName)).toEqual(['solve-b']);
    expect(() => backend.consumableResources.listJobs({ consumableResource: 'licences', filters: [{ name: 'JOB_STATUS', values: ['DONE'] }] }))
      .toThrow(/filters\[0\]\.values: "DONE" is invalid/);
    expect(() => backend.consumableResources.listJobs({ consumableResource: 'licences', filters: [{ name: 'QUEUE', values: ['x'] }] }))
      .toThrow(/filters\[0\]\.name: "QUEUE" is not one of JOB_STATUS, JOB_NAME/);
    expect(() => backend.consumableResources.listJobs({ consumableResource: 'nope' })).toThrow(/unknown consumable resource "nope"/);
  });
});
