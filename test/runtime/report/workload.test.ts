import * as fs from 'fs';
import * as path from 'path';
import { parseWorkload, parseWorkloadText, SUBMISSION_FIELDS, WorkloadError } from '../../../src/runtime/report/workload';

const base = { jobQueue: 'q', jobDefinition: 'd' };

function errorOf(json: unknown): string {
  try {
    parseWorkload(json);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkloadError);
    return (error as Error).message;
  }
  throw new Error('expected the workload to be rejected');
}

describe('parseWorkload', () => {
  test('PLAN-7: a valid workload keeps its fields; seed defaults to 1', () => {
    const workload = parseWorkload({ submissions: [{ jobName: 'a', ...base, count: 2, atSeconds: 5 }, { jobName: 'b', ...base, atSeconds: 5, dependsOn: [{ jobName: 'a', type: 'N_TO_N' }] }] });
    expect(workload.seed).toBe(1);
    expect(workload.submissions[1].dependsOn).toEqual([{ jobName: 'a', type: 'N_TO_N' }]);
    expect(workload.behaviors).toEqual({});
  });

  test('PLAN-7: an unknown dependency name is named with its path', () => {
    const submissions = [{ jobName: 'a', ...base }, { jobName: 'b', ...base }, { jobName: 'c', ...base }, { jobName: 'd', ...base, dependsOn: [{ jobName: 'X' }] }];
    expect(errorOf({ submissions })).toBe("submissions[3].dependsOn[0].jobName: unknown job name 'X'; job names: a, b, c, d");
  });

  test('PLAN-7: a dependency cycle is rejected, naming the cycle', () => {
    const submissions = [{ jobName: 'a', ...base, dependsOn: [{ jobName: 'b' }] }, { jobName: 'b', ...base, dependsOn: [{ jobName: 'a' }] }];
    expect(errorOf({ submissions })).toBe("submissions[1].dependsOn[0].jobName: dependency cycle 'a' -> 'b' -> 'a'");
    expect(errorOf({ submissions: [{ jobName: 'a', ...base, dependsOn: [{ jobName: 'a' }] }] })).toContain("dependency cycle 'a' -> 'a'");
  });

  test('PLAN-7: a dependency submitted after its dependent is rejected', () => {
    const submissions = [{ jobName: 'a', ...base, atSeconds: 10 }, { jobName: 'b', ...base, dependsOn: [{ jobName: 'a' }] }];
    expect(errorOf({ submissions })).toContain("submissions[1].dependsOn[0].jobName: 'a' is submitted at 10 s, after this job (0 s)");
  });

  test('DEP-1: more than 20 dependencies (counting copies) are rejected', () => {
    const submissions = [{ jobName: 'a', ...base, count: 21 }, { jobName: 'b', ...base, dependsOn: [{ jobName: 'a' }] }];
    expect(errorOf({ submissions })).toContain('submissions[1].dependsOn: depends on 21 jobs');
  });

  test('PLAN-8: negative or malformed durations and rates name the field and the value', () => {
    const submissions = [{ jobName: 'a', ...base }];
    expect(errorOf({ submissions, behaviors: { d: { durationSeconds: -5 } } })).toBe('behaviors.d.durationSeconds: -5 is invalid: a number >= 0');
    expect(errorOf({ submissions, behaviors: { d: { failureRate: 1.5 } } })).toBe('behaviors.d.failureRate: 1.5 is invalid: a number from 0 to 1');
    expect(errorOf({ submissions, behaviors: { d: { duration: { distribution: 'normal', meanSeconds: 5 } } } }))
      .toBe('behaviors.d.duration.stddevSeconds: required for a normal distribution (needs meanSeconds and stddevSeconds)');
    expect(errorOf({ submissions, behaviors: { d: { duration: { distribution: 'gamma' } } } })).toContain('behaviors.d.duration.distribution: "gamma" is invalid');
    expect(errorOf({ submissions, behaviors: { d: { duration: { distribution: 'uniform', minSeconds: 5, maxSeconds: 1 } } } })).toContain('maxSeconds: 1 is below minSeconds 5');
    expect(errorOf({ submissions, behaviors: { d: { exitCode: 0 } } })).toContain('behaviors.d.exitCode: 0 is invalid: an integer from 1 to 255');
  });

  test('PLAN-7: structural errors name the field', () => {
    expect(errorOf({})).toContain('submissions: expected a non-empty array');
    expect(errorOf({ submissions: [{ jobName: 'a', jobQueue: 'q' }] })).toContain('submissions[0].jobDefinition: expected a non-empty string, got undefined');
    expect(errorOf({ submissions: [{ jobName: 'a', ...base, count: 0 }] })).toContain('submissions[0].count: 0 is invalid');
    expect(errorOf({ submissions: [{ jobName: 'a', ...base, atSeconds: -1 }] })).toContain('submissions[0].atSeconds: -1 is invalid');
    expect(errorOf({ submissions: [{ jobName: 'a', ...base, jobname: 'x' }] })).toContain('submissions[0].jobname: unknown field');
    expect(errorOf({ submissions: [{ jobName: 'a', ...base }], seed: 1.5 })).toContain('seed: 1.5 is invalid');
  });

  test('PLAN-7: malformed JSON names the file', () => {
    expect(() => parseWorkloadText('{"submissions": [', 'w.json')).toThrow(/^w\.json: malformed JSON: /);
  });
});

describe('parseWorkload: SEQUENTIAL', () => {
  test('DEP-4: {"type": "SEQUENTIAL"} needs no job name; another type does', () => {
    const ok = parseWorkload({ submissions: [{ jobName: 'a', ...base, arrayProperties: { size: 3 }, dependsOn: [{ type: 'SEQUENTIAL' }] }] });
    expect(ok.submissions[0].dependsOn).toEqual([{ type: 'SEQUENTIAL' }]);
    expect(errorOf({ submissions: [{ jobName: 'a', ...base, dependsOn: [{ type: 'N_TO_N' }] }] })).toContain('submissions[0].dependsOn[0].jobName: expected a job name');
  });
});

describe('the published schema', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'workload.schema.json'), 'utf8'));

  test('PLAN-7: docs/workload.schema.json lists exactly the submission fields the validator accepts', () => {
    expect(Object.keys(schema.$defs.submission.properties).sort()).toEqual([...SUBMISSION_FIELDS].sort());
  });

  test.each(['examples/workloads/pipeline.workload.json', 'examples/workloads/on-demand-and-spot.workload.json', 'examples/workloads/fair-share-teams.workload.json', 'test/cli/fixtures/plan-workload.json'])(
    'PLAN-7: %s is valid',
    (file) => {
      expect(() => parseWorkloadText(fs.readFileSync(path.join(root, file), 'utf8'), file)).not.toThrow();
    },
  );

  test('FS-3: shareIdentifier must be a non-empty string, naming the field', () => {
    expect(() => parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'q', jobDefinition: 'd', shareIdentifier: 3 }] }))
      .toThrow('submissions[0].shareIdentifier: expected a share identifier (letters and digits), got 3');
    expect(parseWorkload({ submissions: [{ jobName: 'a', jobQueue: 'q', jobDefinition: 'd', shareIdentifier: 'teamA', schedulingPriorityOverride: 0 }] })
      .submissions[0]).toMatchObject({ shareIdentifier: 'teamA', schedulingPriorityOverride: 0 });
  });
});
