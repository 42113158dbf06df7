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
});
