import { backendWithLimit, LIMITED_BACKEND_SEED } from './limited-backend';
import { SeededIdGenerator } from '../../../../src/runtime/core/id-generator';
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

  test('LIFE-6, issue #25: copies take the ids separate submissions would have, found by id and listed in submission order', () => {
    // GIVEN one backend that submits three times and one that submits three copies
    const separate = testBackend().backend;
    const copied = testBackend().backend;
    const request = { jobName: 'copy', jobQueue: 'queue', jobDefinition: 'job' };
    const expected = [0, 1, 2].map(() => separate.submitJob(request).jobId);

    // WHEN
    copied.submitJobCopies(request, 3);

    // THEN
    expect(copied.describeJobs(expected).map((job) => job.jobId)).toEqual(expected);
    expect(copied.listJobs({ jobQueue: 'queue', jobStatus: 'SUBMITTED' }).jobSummaryList.map((job) => job.jobId).sort()).toEqual([...expected].sort());
    expect(copied.submitJob(request).jobId).toBe(separate.submitJob(request).jobId);
  });

  test('LIM-7, issue #25: copies beyond the SUBMITTED limit are refused at the first that does not fit; the ones before it stay', () => {
    // GIVEN a runtime that holds at most 3 SUBMITTED jobs, one of them already there
    const backend = backendWithLimit(3);
    backend.submitJob({ jobName: 'first', jobQueue: 'queue', jobDefinition: 'job' });
    const ids: string[] = [];

    // WHEN five copies are submitted
    const attempt = () => backend.submitJobCopies({ jobName: 'copy', jobQueue: 'queue', jobDefinition: 'job' }, 5, (jobId) => ids.push(jobId));

    // THEN two fit and the third is refused, having drawn no id: the next job takes the next one
    expect(attempt).toThrow(/3 jobs are already SUBMITTED; at most 3 jobs may be in the SUBMITTED state \(LIM-7\)/);
    const expected = new SeededIdGenerator(LIMITED_BACKEND_SEED);
    expect(ids).toEqual([expected.nextUuid(), expected.nextUuid(), expected.nextUuid()].slice(1));
    expect(backend.describeJobs(ids).map((job) => job.jobName)).toEqual(['copy', 'copy']);
    expect([...backend.allJobs()]).toHaveLength(3);
    const separate = backendWithLimit(3);
    for (const jobName of ['first', 'copy', 'copy']) separate.submitJob({ jobName, jobQueue: 'queue', jobDefinition: 'job' });
    expect(() => separate.submitJob({ jobName: 'copy', jobQueue: 'queue', jobDefinition: 'job' })).toThrow(/LIM-7/);
    const next = [backend, separate].map((b) => {
      b.loop.runUntil(b.loop.now());
      return b.submitJob({ jobName: 'next', jobQueue: 'queue', jobDefinition: 'job' }).jobId;
    });
    expect(next[0]).toBe(next[1]);
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
