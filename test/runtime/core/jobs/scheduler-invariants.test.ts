import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { isTerminal, isTransitionAllowed, JobStatus } from '../../../../src/runtime/core/model/job-status';
import { JobBehavior } from '../../../../src/runtime/executors/simulated/job-behavior';
import { testBackend } from '../fixtures';

/** One generated job of a workload. */
interface GeneratedJob {
  readonly arraySize?: number;
  readonly vcpus: number;
  readonly dependsOnEarlier: number[];
  readonly attempts: number;
  readonly failFirstAttempts: number;
  readonly durationSeconds: number;
  readonly cancelAtSecond?: number;
}

const generatedJob = fc.record({
  arraySize: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
  vcpus: fc.integer({ min: 1, max: 4 }),
  dependsOnEarlier: fc.array(fc.nat(10), { maxLength: 2 }),
  attempts: fc.integer({ min: 1, max: 3 }),
  failFirstAttempts: fc.integer({ min: 0, max: 3 }),
  durationSeconds: fc.integer({ min: 1, max: 120 }),
  cancelAtSecond: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
});

describe('scheduler invariants over generated workloads (fast-check)', () => {
  test('LIFE-1, DEP-1, RETRY-2, ARR-3, SCHED-4: paths, dependencies, attempts, array parents and capacity hold', () => {
    fc.assert(fc.property(fc.array(generatedJob, { minLength: 1, maxLength: 12 }), fc.integer({ min: 4, max: 8 }), (jobs, maxvCpus) => {
      // GIVEN a workload on a CE of maxvCpus
      const byName = new Map<string, GeneratedJob>();
      const { backend, history } = testBackend({
        maxvCpus,
        behavior: (launch) => {
          const spec = byName.get(launch.jobName)!;
          return launch.attempt <= spec.failFirstAttempts
            ? JobBehavior.fail({ duration: Duration.seconds(spec.durationSeconds) })
            : JobBehavior.succeed({ duration: Duration.seconds(spec.durationSeconds) });
        },
      });
      let runningVcpus = 0;
      let overCommitted = false;
      const startedAt = new Map<string, number>();
      backend.addJobStateListener({
        onJobStateChange: (job, previous) => {
          const vcpus = byName.get(job.spec.jobName)!.vcpus;
          if (job.status === 'RUNNING') {
            runningVcpus += vcpus;
            startedAt.set(job.jobId, backend.loop.now());
          }
          if (previous === 'RUNNING') runningVcpus -= vcpus;
          if (runningVcpus > maxvCpus) overCommitted = true;
        },
      });

      // WHEN every job is submitted, some cancelled, and the simulation runs out
      const ids: string[] = [];
      jobs.forEach((spec, index) => {
        const name = `job${index}`;
        byName.set(name, spec);
        const dependsOn = [...new Set(spec.dependsOnEarlier.filter((d) => d < index))].map((d) => ({ jobId: ids[d] }));
        ids.push(backend.submitJob({
          jobName: name,
          jobQueue: 'queue',
          jobDefinition: 'job',
          arrayProperties: spec.arraySize ? { size: spec.arraySize } : undefined,
          dependsOn,
          retryStrategy: { attempts: spec.attempts },
          containerOverrides: { vcpus: spec.vcpus },
        }).jobId);
        if (spec.cancelAtSecond !== undefined) backend.loop.at(backend.loop.now() + spec.cancelAtSecond * 1000, () => backend.cancelJob(ids[index], 'generated cancel'));
      });
      backend.loop.runUntilIdle();

      // THEN
      expect(overCommitted).toBe(false);
      jobs.forEach((spec, index) => {
        const parent = backend.job(ids[index])!;
        const all = parent.children ? [parent, ...parent.children] : [parent];
        for (const job of all) {
          // every job ends in exactly one terminal state, once, along LIFE-1 edges
          const path: JobStatus[] = ['SUBMITTED', ...(history.get(job.jobId) ?? [])];
          if (job.parent) path[0] = 'PENDING';
          for (let i = 1; i < path.length; i++) expect(isTransitionAllowed(path[i - 1], path[i])).toBe(true);
          expect(['SUCCEEDED', 'FAILED']).toContain(job.status);
          expect(path.filter((s) => s === 'SUCCEEDED' || s === 'FAILED')).toHaveLength(1);
          expect(job.attempts.length).toBeLessThanOrEqual(spec.attempts);
        }
        // a job never starts before its dependencies SUCCEEDED
        for (const dependency of spec.dependsOnEarlier.filter((d) => d < index)) {
          const dep = backend.job(ids[dependency])!;
          for (const job of all.filter((j) => startedAt.has(j.jobId))) {
            expect(dep.status).toBe('SUCCEEDED');
            expect(startedAt.get(job.jobId)!).toBeGreaterThanOrEqual(dep.stoppedAt!);
          }
        }
        // an array parent's status matches its children
        if (parent.children) {
          const allSucceeded = parent.children.every((c) => c.status === 'SUCCEEDED');
          expect(parent.status).toBe(allSucceeded ? 'SUCCEEDED' : 'FAILED');
          expect(history.get(parent.jobId)!.every((s) => ['PENDING', 'SUCCEEDED', 'FAILED'].includes(s))).toBe(true);
        }
      });
    }), { numRuns: 1000 });
  });
  test('issue #15: hasActiveJobs() is true exactly while a submitted job (array parents included) is not SUCCEEDED or FAILED', () => {
    fc.assert(fc.property(fc.array(generatedJob, { minLength: 1, maxLength: 8 }), (jobs) => {
      // GIVEN a workload, some of it cancelled along the way
      const byName = new Map<string, GeneratedJob>();
      const { backend } = testBackend({
        behavior: (launch) => (launch.attempt <= byName.get(launch.jobName)!.failFirstAttempts ? JobBehavior.fail() : JobBehavior.succeed({
          duration: Duration.seconds(byName.get(launch.jobName)!.durationSeconds),
        })),
      });
      const ids: string[] = [];
      const mismatches: string[] = [];
      const check = (when: string): void => {
        const unfinished = ids.some((id) => !isTerminal(backend.job(id)!.status));
        if (backend.hasActiveJobs() !== unfinished) mismatches.push(`${when}: hasActiveJobs() ${backend.hasActiveJobs()}, unfinished ${unfinished}`);
      };
      check('before any submission');

      // WHEN the jobs are submitted and the simulation runs, event by event
      jobs.forEach((spec, index) => {
        byName.set(`job${index}`, spec);
        const dependsOn = [...new Set(spec.dependsOnEarlier.filter((d) => d < index))].map((d) => ({ jobId: ids[d] }));
        ids.push(backend.submitJob({
          jobName: `job${index}`,
          jobQueue: 'queue',
          jobDefinition: 'job',
          arrayProperties: spec.arraySize ? { size: spec.arraySize } : undefined,
          dependsOn,
          retryStrategy: { attempts: spec.attempts },
        }).jobId);
        if (spec.cancelAtSecond !== undefined) backend.loop.at(backend.loop.now() + spec.cancelAtSecond * 1000, () => backend.cancelJob(ids[index], 'generated cancel'));
        check(`after submitting job${index}`);
      });
      for (let next = backend.loop.nextEventTime(); next !== undefined; next = backend.loop.nextEventTime()) {
        backend.loop.runUntil(next);
        check(`at ${next}`);
      }

      // THEN the count never disagreed with the jobs' states, and nothing is active at the end
      expect(mismatches).toEqual([]);
      expect(backend.hasActiveJobs()).toBe(false);
    }), { numRuns: 300 });
  });
});
