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

  test('PLAT-4, MNP-1: GIVEN a multi-node job whose node ranges need resources THEN it is listed once, with what its nodes need together, and the resources cannot be deleted while it runs', () => {
    // GIVEN a 3-node job: the job needs 1 seat, every node 1 licence and node 0 another seat
    const { backend } = consumableBackend({ resources: [{ name: 'licences', total: 5 }, { name: 'seats', total: 5 }] });
    const need = (name: string) => ({ consumableResourceList: [{ consumableResource: name, quantity: 1 }] });
    backend.registerJobDefinition({
      jobDefinitionName: 'mnp',
      type: 'multinode',
      consumableResourceProperties: need('seats'),
      nodeProperties: {
        numNodes: 3,
        mainNode: 0,
        nodeRangeProperties: [
          { targetNodes: '0:', container: { image: 'mpi', vcpus: 1, memory: 512 }, consumableResourceProperties: need('licences') },
          { targetNodes: '0', container: { command: ['main'] }, consumableResourceProperties: { consumableResourceList: [{ consumableResource: 'licences', quantity: 1 }, { consumableResource: 'seats', quantity: 1 }] } },
        ],
      },
    });
    const id = backend.submitJob({ jobName: 'mpi', jobQueue: 'queue', jobDefinition: 'mnp' }).jobId;
    backend.loop.runUntil(T0 + 1000);

    // WHEN
    const [licences, seats] = ['licences', 'seats'].map((name) => backend.consumableResources.listJobs({ consumableResource: name }).jobs);

    // THEN
    expect(licences.map((job) => [job.jobArn.split('/')[1], job.jobStatus, job.quantity])).toEqual([[id, 'RUNNING', 3]]);
    expect(seats.map((job) => job.quantity)).toEqual([2]);
    expect(seats[0].consumableResourceProperties).toEqual({ consumableResourceList: [{ consumableResource: 'seats', quantity: 2 }, { consumableResource: 'licences', quantity: 3 }] });
    expect(() => backend.consumableResources.delete('licences')).toThrow(new RegExp(id));
  });
});
