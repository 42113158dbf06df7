import { JobIndex } from '../../../../src/runtime/core/jobs/job-index';
import { submit, testBackend } from '../fixtures';

describe('JobIndex', () => {
  test('ARR-1, LIST-1: finds jobs by id, array children by parent:i, and lists a queue in submission order', () => {
    // GIVEN
    const { backend } = testBackend();
    const plain = backend.job(submit(backend))!;
    const array = backend.job(submit(backend, { arrayProperties: { size: 2 } }))!;
    const index = new JobIndex();

    // WHEN
    index.add(plain);
    index.add(array);

    // THEN
    expect(index.get(plain.jobId)).toBe(plain);
    expect(index.get(`${array.jobId}:1`)).toBe(array.children![1]);
    expect(index.get(`${array.jobId}:2`)).toBeUndefined();
    expect(index.get('nope')).toBeUndefined();
    expect(index.inQueue(plain.spec.queue)).toEqual([plain, array]);
    expect([...index.all()]).toEqual([plain, array]);
  });

  test('LIFE-4: a removed job is neither found nor listed; sequence numbers keep increasing', () => {
    // GIVEN
    const { backend } = testBackend();
    const job = backend.job(submit(backend))!;
    const index = new JobIndex();
    index.add(job);
    const first = index.nextSequence();

    // WHEN
    index.remove(job);

    // THEN
    expect(index.get(job.jobId)).toBeUndefined();
    expect(index.inQueue(job.spec.queue)).toEqual([]);
    expect(index.nextSequence()).toBe(first + 1);
  });

  test('LIST-1, issue #25: deferred jobs are found, listed and removed as added ones, in submission order, ahead of jobs added after them', () => {
    // GIVEN two deferred jobs and one added after them
    const { backend } = testBackend();
    const [first, second, third] = [submit(backend), submit(backend), submit(backend)].map((id) => backend.job(id)!);
    const index = new JobIndex();
    index.addDeferred(first);
    index.addDeferred(second);

    // WHEN
    index.add(third);

    // THEN
    expect(index.get(second.jobId)).toBe(second);
    expect(index.inQueue(first.spec.queue)).toEqual([first, second, third]);
    expect([...index.all()]).toEqual([first, second, third]);
  });

  test('LIFE-4, issue #25: a deferred job is found by a lookup that misses the indexed jobs, and a removed one no longer', () => {
    // GIVEN
    const { backend } = testBackend();
    const [kept, removed] = [submit(backend), submit(backend)].map((id) => backend.job(id)!);
    const index = new JobIndex();
    index.addDeferred(kept);
    index.addDeferred(removed);

    // WHEN
    index.remove(removed);

    // THEN
    expect(index.get(kept.jobId)).toBe(kept);
    expect(index.get(removed.jobId)).toBeUndefined();
    expect([...index.all()]).toEqual([kept]);
  });
});
