import { configuredUlimits, hardLimitOf, withEngineUlimitDefaults } from '../../../../src/runtime/executors/docker/engine-ulimit-defaults';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max processes             4096                 96369                processes
Max open files            1024                 unlimited            files
`;
const CONF = `[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
`;
const CORE = { name: 'core', softLimit: 0, hardLimit: 0 };

describe('withEngineUlimitDefaults', () => {
  test('a job with other ulimits gets nofile and nproc from the engine\'s default_ulimits', () => {
    expect(withEngineUlimitDefaults([CORE], { containersConf: CONF, processLimits: LIMITS })).toEqual([
      CORE,
      { name: 'nofile', softLimit: 20000, hardLimit: 20000 },
      { name: 'nproc', softLimit: 32768, hardLimit: 32768 },
    ]);
  });

  test('without a containers.conf, the runtime\'s own hard limits', () => {
    expect(withEngineUlimitDefaults([CORE], { processLimits: LIMITS })).toEqual([
      CORE,
      { name: 'nofile', softLimit: -1, hardLimit: -1 },
      { name: 'nproc', softLimit: 96369, hardLimit: 96369 },
    ]);
  });

  test('the job\'s own nofile or nproc is kept; without job ulimits, or without any source, nothing is added', () => {
    const nofile = { name: 'nofile', softLimit: 256, hardLimit: 512 };
    expect(withEngineUlimitDefaults([nofile], { containersConf: CONF })).toEqual([nofile, { name: 'nproc', softLimit: 32768, hardLimit: 32768 }]);
    expect(withEngineUlimitDefaults([], { containersConf: CONF, processLimits: LIMITS })).toEqual([]);
    expect(withEngineUlimitDefaults([CORE], {})).toEqual([CORE]);
  });

  test('configuredUlimits reads default_ulimits entries, a single value as soft and hard', () => {
    expect(configuredUlimits('x = 1\n  default_ulimits = [\n "nofile=10:20",\n "core=0" ]\n')).toEqual([
      { name: 'nofile', softLimit: 10, hardLimit: 20 },
      { name: 'core', softLimit: 0, hardLimit: 0 },
    ]);
    expect(configuredUlimits('# default_ulimits = ["nofile=1:2"]\n')).toEqual([]);
  });

  test('hardLimitOf reads a row\'s hard limit, unlimited as -1, absent rows as undefined', () => {
    expect(hardLimitOf(LIMITS, 'Max processes')).toBe(96369);
    expect(hardLimitOf(LIMITS, 'Max open files')).toBe(-1);
    expect(hardLimitOf(LIMITS, 'Max locked memory')).toBeUndefined();
  });
});
