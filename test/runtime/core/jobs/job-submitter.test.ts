import { submit, testBackend } from '../fixtures';

// The submitter is built only inside the backend (it shares the backend's index and lifecycle), so
// these tests go through BatchBackend.submitJob and check what the submitter alone decides.
describe('JobSubmitter', () => {
  test('DEP-6: a request naming an unknown dependency is rejected with nothing created', () => {
    // GIVEN
    const { backend } = testBackend();
    const before = [...backend.allJobs()].length;

    // WHEN
    const attempt = () => submit(backend, { dependsOn: [{ jobId: 'missing' }] });

    // THEN
    expect(attempt).toThrow(/dependsOn\[0\]\.jobId: unknown job "missing"/);
    expect([...backend.allJobs()].length).toBe(before);
    expect(backend.hasActiveJobs()).toBe(false);
  });

  test('ARR-1, DEP-5: an array job gets its children in order, each SEQUENTIAL child behind the one before', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 4 });

    // WHEN
    const parentId = submit(backend, { arrayProperties: { size: 3 }, dependsOn: [{ type: 'SEQUENTIAL' }] });
    const parent = backend.job(parentId)!;

    // THEN
    expect(parent.children!.map((c) => c.jobId)).toEqual([`${parentId}:0`, `${parentId}:1`, `${parentId}:2`]);
    expect(parent.children!.map((c) => c.unfinishedDependencies)).toEqual([1, 2, 2]);
    expect(parent.children![0].sequence).toBeGreaterThan(parent.sequence);
    expect(backend.hasActiveJobs()).toBe(true);
    backend.loop.runUntilIdle();
    const started = parent.children!.map((c) => c.startedAt!);
    expect(started[0]).toBeLessThan(started[1]);
    expect(started[1]).toBeLessThan(started[2]);
  });
});
