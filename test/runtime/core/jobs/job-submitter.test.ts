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

  test('LIFE-6, issue #25: copies of one request are separate jobs with their own ids and ARNs, sharing one specification', () => {
    // GIVEN
    const { backend } = testBackend({ maxvCpus: 4 });
    const one = backend.job(submit(backend))!;
    const ids: string[] = [];

    // WHEN three copies are submitted at once
    backend.submitJobCopies({ jobName: 'copy', jobQueue: 'queue', jobDefinition: 'job' }, 3, (jobId) => ids.push(jobId));
    const copies = ids.map((id) => backend.job(id)!);

    // THEN
    expect(new Set(ids).size).toBe(3);
    expect(copies.map((c) => c.arn)).toEqual(ids.map((id) => one.arn.replace(one.jobId, id)));
    expect(one.arn).toMatch(/^arn:aws:batch:[a-z0-9-]+:\d{12}:job\/[0-9a-f-]{36}$/);
    expect(copies[1].spec).toBe(copies[0].spec);
    expect(copies.map((c) => c.sequence)).toEqual([one.sequence + 1, one.sequence + 2, one.sequence + 3]);
    backend.loop.runUntilIdle();
    expect(copies.map((c) => c.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  test('issue #25: copies of a request the API rejects create nothing', () => {
    // GIVEN
    const { backend } = testBackend();
    const ids: string[] = [];

    // WHEN / THEN
    expect(() => backend.submitJobCopies({ jobName: 'copy', jobQueue: 'queue', jobDefinition: 'job', dependsOn: [{ jobId: 'missing' }] }, 5, (jobId) => ids.push(jobId)))
      .toThrow(/dependsOn\[0\]\.jobId: unknown job "missing"/);
    expect(ids).toEqual([]);
    expect([...backend.allJobs()]).toEqual([]);
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
