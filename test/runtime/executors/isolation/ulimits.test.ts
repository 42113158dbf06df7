import { readUlimits, ulimitValue } from '../../../../src/runtime/executors/isolation/ulimits';

describe('readUlimits', () => {
  test('reads the job definition\'s ulimits', () => {
    expect(readUlimits([{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }])).toEqual([{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }]);
    expect(readUlimits(undefined)).toEqual([]);
  });

  test.each([
    [[{ name: 'files', softLimit: 1, hardLimit: 1 }], 'ulimits[0].name: "files" is not a ulimit name; expected one of core, cpu'],
    [[{ name: 'nofile', softLimit: 1.5, hardLimit: 2 }], 'ulimits[0].softLimit: 1.5 for nofile must be an integer >= 0'],
    [[{ name: 'nofile', softLimit: 10, hardLimit: 5 }], 'ulimits[0].softLimit: 10 for nofile is above its hardLimit 5'],
    ['nofile', 'ulimits: "nofile" is not a list'],
  ])('refuses %j', (value, message) => {
    expect(() => readUlimits(value)).toThrow(message);
  });
});

describe('ulimitValue', () => {
  test('soft:hard, -1 as unlimited', () => {
    expect(ulimitValue({ name: 'core', softLimit: 0, hardLimit: -1 })).toBe('0:unlimited');
    expect(ulimitValue({ name: 'nofile', softLimit: 1024, hardLimit: 4096 })).toBe('1024:4096');
  });
});
