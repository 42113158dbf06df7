import * as fc from 'fast-check';
import { containerDemand, substituteParameters } from '../../../../src/runtime/core/jobs/container-launch';
import { submit, testBackend } from '../fixtures';

describe('substituteParameters', () => {
  test('PARAM-1: a whole-argument placeholder becomes the parameter value', () => {
    // GIVEN / WHEN
    const command = substituteParameters(['ffmpeg', '-i', 'Ref::inputfile', '-c', 'Ref::codec'], { inputfile: 'in.mov', codec: 'mp4' });

    // THEN
    expect(command).toEqual(['ffmpeg', '-i', 'in.mov', '-c', 'mp4']);
  });

  test('PARAM-1: an embedded placeholder is replaced where it appears (x-Ref::a-y)', () => {
    // GIVEN / WHEN
    const command = substituteParameters(['x-Ref::a-y', 's3://bucket/Ref::key/out.txt', '--n=Ref::a'], { a: '1', key: 'k' });

    // THEN
    expect(command).toEqual(['x-1-y', 's3://bucket/k/out.txt', '--n=1']);
  });

  test('PARAM-1: several placeholders in one argument, and the same one twice', () => {
    // GIVEN / WHEN
    const command = substituteParameters(['Ref::a/Ref::b/Ref::a'], { a: 'A', b: 'B' });

    // THEN
    expect(command).toEqual(['A/B/A']);
  });

  test('PARAM-1: with overlapping names the longest known name wins (Ref::a vs Ref::ab), whatever the parameter order', () => {
    // GIVEN the same parameters in both orders
    const forward = { a: '1', ab: '2' };
    const backward = { ab: '2', a: '1' };

    // WHEN
    const results = [forward, backward].map((parameters) => substituteParameters(['Ref::a', 'Ref::ab', 'Ref::abc', 'Ref::a-b'], parameters));

    // THEN
    expect(results[0]).toEqual(['1', '2', '2c', '1-b']);
    expect(results[1]).toEqual(results[0]);
  });

  test('PARAM-1: a known name followed by more name characters is still that name when no longer one is known', () => {
    // GIVEN only `a`
    // WHEN
    const command = substituteParameters(['Ref::abc'], { a: '1' });

    // THEN
    expect(command).toEqual(['1bc']);
  });

  test('PARAM-1: unknown placeholders, and Ref:: alone, are left as they are', () => {
    // GIVEN / WHEN
    const withParameters = substituteParameters(['Ref::unknown', 'x-Ref::other-y', 'Ref::', 'ref::a'], { a: '1' });
    const without = substituteParameters(['Ref::a'], {});

    // THEN
    expect(withParameters).toEqual(['Ref::unknown', 'x-Ref::other-y', 'Ref::', 'ref::a']);
    expect(without).toEqual(['Ref::a']);
  });

  test('PARAM-1: values are not searched again and never add arguments', () => {
    // GIVEN a value that looks like a placeholder and contains spaces
    // WHEN
    const command = substituteParameters(['run', 'Ref::a'], { a: 'Ref::b and more', b: 'B' });

    // THEN
    expect(command).toEqual(['run', 'Ref::b and more']);
  });

  test('PARAM-1: names with regular-expression characters are matched literally', () => {
    // GIVEN / WHEN
    const command = substituteParameters(['Ref::a.b', 'Ref::axb'], { 'a.b': 'dot' });

    // THEN
    expect(command).toEqual(['dot', 'Ref::axb']);
  });

  test('PARAM-1 (property): text without "Ref::" is never changed, and a lone whole-argument placeholder becomes its value', () => {
    fc.assert(fc.property(
      fc.array(fc.string().filter((s) => !s.includes('Ref::'))),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string()),
      (plain, parameters) => {
        // GIVEN plain arguments, and one placeholder per parameter
        // WHEN / THEN
        expect(substituteParameters(plain, parameters)).toEqual(plain);
        for (const [name, value] of Object.entries(parameters)) {
          const longer = Object.keys(parameters).some((other) => other !== name && other.startsWith(name));
          if (!longer) expect(substituteParameters([`Ref::${name}`], parameters)).toEqual([value]);
        }
      },
    ));
  });

  test('PARAM-1: submit parameters win over the job definition defaults in the launched command', () => {
    // GIVEN the fixture definition: command ['run', 'Ref::input'], default input 'default'
    const { backend, launches } = testBackend();

    // WHEN
    submit(backend);
    submit(backend, { parameters: { input: 'given' } });
    backend.loop.runUntilIdle();

    // THEN
    expect(launches.map((launch) => launch.command)).toEqual([['run', 'default'], ['run', 'given']]);
  });
});

describe('containerDemand', () => {
  test('OVR-1: resourceRequirements win over vcpus/memory; defaults are 1 vCPU and 2048 MiB', () => {
    // GIVEN / WHEN / THEN
    expect(containerDemand({ vcpus: 2, memory: 512, resourceRequirements: [{ type: 'VCPU', value: '4' }, { type: 'GPU', value: '1' }] }))
      .toEqual({ vcpus: 4, memoryMiB: 512, gpus: 1, instanceType: undefined });
    expect(containerDemand({})).toEqual({ vcpus: 1, memoryMiB: 2048, gpus: 0, instanceType: undefined });
  });
});
