import { submit, testBackend } from '../fixtures';

describe('JobSpecBuilder', () => {
  test('PARAM-1: a job without parameters gets the definition\'s defaults; one with parameters overrides them', () => {
    // GIVEN
    const { backend } = testBackend();

    // WHEN
    const plain = submit(backend);
    const overridden = submit(backend, { parameters: { input: 'mine' } });

    // THEN
    const [a, b] = backend.describeJobs([plain, overridden]);
    expect(a.parameters).toEqual({ input: 'default' });
    expect(b.parameters).toEqual({ input: 'mine' });
  });

  test('PARAM-1: describing a job returns a copy: editing it changes neither the job nor its definition', () => {
    // GIVEN
    const { backend } = testBackend();
    const first = submit(backend);
    const second = submit(backend);

    // WHEN a caller edits what it was given
    backend.describeJobs([first])[0].parameters!.input = 'edited';

    // THEN the shared defaults are intact
    expect(backend.describeJobs([first, second]).map((job) => job.parameters)).toEqual([{ input: 'default' }, { input: 'default' }]);
    expect(backend.describeJobDefinitions({ jobDefinitionName: 'job' }).jobDefinitions![0].parameters).toEqual({ input: 'default' });
  });

  test('ENV-2: an environment override merges over the definition\'s environment, for that job only', () => {
    // GIVEN a definition with an environment
    const { backend } = testBackend();
    backend.registerJobDefinition({
      jobDefinitionName: 'env',
      type: 'container',
      containerProperties: { image: 'busybox', vcpus: 1, memory: 2048, environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
    });

    // WHEN
    const plain = submit(backend, { jobDefinition: 'env' });
    const overridden = submit(backend, { jobDefinition: 'env', containerOverrides: { environment: [{ name: 'B', value: 'x' }] } });

    // THEN
    const [a, b] = backend.describeJobs([plain, overridden]);
    const environment = (job: typeof a): Record<string, string | undefined> =>
      Object.fromEntries((job.container?.environment ?? []).map((e) => [e.name, e.value]));
    expect(environment(a)).toEqual({ A: '1', B: '2' });
    expect(environment(b)).toEqual({ A: '1', B: 'x' });
  });

  test('LIFE-8: a DISABLED queue accepts no new jobs', () => {
    // GIVEN
    const { backend } = testBackend();
    backend.updateJobQueue({ jobQueue: 'queue', state: 'DISABLED' });

    // WHEN / THEN
    expect(() => submit(backend)).toThrow(/jobQueue: job queue queue is DISABLED and accepts no new jobs \(LIFE-8\)/);
  });

  test('DEP-1: dependsOn given at submission is reported back, a job without it reports none', () => {
    // GIVEN
    const { backend } = testBackend();
    const first = submit(backend);

    // WHEN
    const second = submit(backend, { dependsOn: [{ jobId: first }] });

    // THEN
    const [a, b] = backend.describeJobs([first, second]);
    expect(a.dependsOn ?? []).toEqual([]);
    expect(b.dependsOn).toEqual([{ jobId: first }]);
  });
});
