import { SpawnHelperProgram } from '../../../../src';
import { chooseHelperProgram, DEFAULT_HELPER_PROGRAM_PROBE } from '../../../../src/runtime/executors/process/spawn-helper-program';

const withPerl = { usablePerl: () => '/opt/perl/bin/perl' };
const withoutPerl = { usablePerl: () => undefined };

describe('chooseHelperProgram', () => {
  test('AUTO takes Perl where a usable one is installed, else the Node.js helper', () => {
    // WHEN
    const perl = chooseHelperProgram(SpawnHelperProgram.AUTO, withPerl);
    const node = chooseHelperProgram(SpawnHelperProgram.AUTO, withoutPerl);
    // THEN
    expect(perl.kind).toBe('perl');
    expect(perl.argv.slice(0, 2)).toEqual(['/opt/perl/bin/perl', '-e']);
    expect(node.kind).toBe('node');
    expect(node.argv.slice(0, 2)).toEqual([process.execPath, '-e']);
  });

  test('NODE is the Node.js helper even where Perl is installed', () => {
    expect(chooseHelperProgram(SpawnHelperProgram.NODE, withPerl).kind).toBe('node');
  });

  test('PERL without a usable Perl fails the start with what is missing and what to use instead', () => {
    expect(() => chooseHelperProgram(SpawnHelperProgram.PERL, withoutPerl)).toThrow(/spawnHelper PERL: no usable perl on PATH .*use SpawnHelperProgram.AUTO or NODE/);
  });

  test('LIM-9: the Perl helper lives under a smaller memory limit than the Node.js helper, so more jobs inherit theirs', () => {
    const perl = chooseHelperProgram(SpawnHelperProgram.PERL, withPerl);
    const node = chooseHelperProgram(SpawnHelperProgram.NODE, withPerl);
    expect(perl.minimumDataLimitBytes).toBe(64 * 1024 * 1024);
    expect(node.minimumDataLimitBytes).toBe(256 * 1024 * 1024);
  });

  test('the default probe finds this machine\'s perl and checks that it loads what the helper needs', () => {
    // perl-base is on every machine this project builds on (Debian); elsewhere there is nothing to check.
    const perl = DEFAULT_HELPER_PROGRAM_PROBE.usablePerl();
    if (process.env.CI === 'true') expect(perl).toMatch(/\/perl$/);
    const fake = { ...process.env };
    try {
      process.env.PATH = '/nonexistent';
      expect(DEFAULT_HELPER_PROGRAM_PROBE.usablePerl()).toBeUndefined();
    } finally {
      process.env.PATH = fake.PATH;
    }
  });
});
