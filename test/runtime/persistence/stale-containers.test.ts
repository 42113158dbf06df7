import { staleContainers } from '../../../src/runtime/persistence/stale-containers';

describe('staleContainers', () => {
  test('#11 §3: picks the containers labeled with a job of this state dir (array children and nodes by their parent), leaves the others', () => {
    // GIVEN `inspect` output for containers of this endpoint's jobs and of another's
    const mine = new Set(['job-1', 'job-2']);
    const labeled = ['c1 job-1', 'c2 job-2:3', 'c3 job-2#1', 'c4 other-job', 'c5 ', ''].join('\n');

    // WHEN
    const stale = staleContainers(labeled, (jobId) => mine.has(jobId.split(/[:#]/)[0]));

    // THEN
    expect(stale).toEqual(['c1', 'c2', 'c3']);
  });
});
