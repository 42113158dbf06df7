import { ContainerPathMapping } from '../../../../src/runtime/executors/workspace/container-path-mapping';

const mapping = new ContainerPathMapping([
  { containerPath: '/data', hostPath: '/host/data', readOnly: false, kind: 'host' },
  { containerPath: '/data/models', hostPath: '/host/models', readOnly: true, kind: 'host' },
]);

describe('ContainerPathMapping', () => {
  test.each([
    ['/data', '/host/data'],
    ['/data/in.csv', '/host/data/in.csv'],
    ['--input=/data/x', '--input=/host/data/x'],
    ['cat /data/a "/data/b" \'/data/c\'', 'cat /host/data/a "/host/data/b" \'/host/data/c\''],
    ['PATHS=/data:/opt', 'PATHS=/host/data:/opt'],
    ['/data/models/m.bin', '/host/models/m.bin'],
  ])('maps %p to %p', (text, expected) => {
    expect(mapping.map(text)).toBe(expected);
  });

  test.each(['/database', '/srv/data', 'data', 'x/data/y'])('leaves %p alone', (text) => {
    expect(mapping.map(text)).toBe(text);
  });

  test('without mounts nothing changes', () => {
    expect(new ContainerPathMapping([]).map('/data')).toBe('/data');
  });
});
