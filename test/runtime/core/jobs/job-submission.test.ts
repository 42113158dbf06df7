import { ClientException } from '../../../../src/runtime/core/errors';
import { JobRecord } from '../../../../src/runtime/core/jobs/job-record';
import { createArrayChildren, resolveDependencies } from '../../../../src/runtime/core/jobs/job-submission';

function job(id: string, sequence = 0): JobRecord {
  return new JobRecord(id, `arn:${id}`, {} as never, 0, sequence);
}

function arrayJob(id: string, size: number): JobRecord {
  const parent = job(id);
  let sequence = 1;
  createArrayChildren(parent, size, { plain: [], nToN: [], sequential: false }, () => sequence++, () => undefined);
  return parent;
}

describe('resolveDependencies', () => {
  test('DEP-1: plain dependencies resolve to their jobs; SEQUENTIAL only sets the flag', () => {
    // GIVEN
    const a = job('a');
    // WHEN
    const resolved = resolveDependencies({
      jobName: 'x',
      jobQueue: 'q',
      jobDefinition: 'd',
      arrayProperties: { size: 2 },
      dependsOn: [{ jobId: 'a' }, { type: 'SEQUENTIAL' }],
    }, 2, (id) => (id === 'a' ? a : undefined));
    // THEN
    expect(resolved.plain).toEqual([a]);
    expect(resolved.nToN).toEqual([]);
    expect(resolved.sequential).toBe(true);
  });

  test('DEP-6: an unknown job id is a ClientException naming the field and the id', () => {
    // WHEN / THEN
    expect(() => resolveDependencies({ jobName: 'x', jobQueue: 'q', jobDefinition: 'd', dependsOn: [{ jobId: 'nope' }] }, undefined, () => undefined))
      .toThrow(new ClientException('dependsOn[0].jobId: unknown job "nope" (DEP-6)'));
  });

  test('DEP-4: an N_TO_N dependency needs an array of the same size', () => {
    // GIVEN an array of 3
    const parent = arrayJob('p', 3);
    const lookup = (id: string): JobRecord | undefined => (id === 'p' ? parent : undefined);
    // WHEN the new array has 2 children, THEN it is refused with both sizes
    expect(() => resolveDependencies({ jobName: 'x', jobQueue: 'q', jobDefinition: 'd', dependsOn: [{ jobId: 'p', type: 'N_TO_N' }] }, 2, lookup))
      .toThrow(/dependsOn\[0\]: an N_TO_N dependency needs an array job of the same size \(2\); p has size 3 \(DEP-4\)/);
    // WHEN it has 3, THEN the array is an N_TO_N dependency
    expect(resolveDependencies({ jobName: 'x', jobQueue: 'q', jobDefinition: 'd', dependsOn: [{ jobId: 'p', type: 'N_TO_N' }] }, 3, lookup).nToN)
      .toEqual([parent]);
  });
});

describe('createArrayChildren', () => {
  test('ARR-1, DEP-4, DEP-5: children are PENDING, indexed, and wait for their N_TO_N peer and their predecessor', () => {
    // GIVEN an array of 3 to depend on
    const upstream = arrayJob('up', 3);
    const parent = job('p');
    const edges: string[] = [];
    let sequence = 100;
    // WHEN a SEQUENTIAL and N_TO_N array of 3 is created
    createArrayChildren(parent, 3, { plain: [], nToN: [upstream], sequential: true }, () => sequence++,
      (child, on) => edges.push(`${child.arrayIndex}<-${on === upstream.children![on.arrayIndex!] ? `up:${on.arrayIndex}` : `p:${on.arrayIndex}`}`));
    // THEN
    expect(parent.children!.map((c) => [c.status, c.arrayIndex, c.parent === parent])).toEqual([
      ['PENDING', 0, true], ['PENDING', 1, true], ['PENDING', 2, true],
    ]);
    expect(parent.childStatusCounts!.PENDING).toBe(3);
    expect(parent.unfinishedChildren).toBe(3);
    expect(edges).toEqual(['0<-up:0', '1<-up:1', '1<-p:0', '2<-up:2', '2<-p:1']);
    expect(sequence).toBe(103);
  });
});
