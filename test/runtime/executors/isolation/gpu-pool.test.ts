import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discoverNvidiaGpus, GpuPool } from '../../../../src/runtime/executors/isolation/gpu-pool';

describe('GpuPool', () => {
  test('SCHED-4: GPUs are pinned to one job at a time; a job waits until enough are released', () => {
    // GIVEN
    const pool = new GpuPool(() => ['0', '1', '2']);
    const grants: string[][] = [];
    // WHEN
    pool.acquire(2, (ids) => grants.push(ids));
    pool.acquire(2, (ids) => grants.push(ids));
    // THEN
    expect(grants).toEqual([['0', '1']]);
    pool.release(['0', '1']);
    expect(grants).toEqual([['0', '1'], ['2', '0']]);
  });

  test('SCHED-4: first come first served: a waiting large request is not overtaken by a later small one', () => {
    const pool = new GpuPool(() => ['a', 'b']);
    const order: string[] = [];
    pool.acquire(1, () => order.push('first'));
    pool.acquire(2, () => order.push('large'));
    pool.acquire(1, () => order.push('small'));
    expect(order).toEqual(['first']);
  });

  test('a cancelled request is never granted', () => {
    const pool = new GpuPool(() => ['a']);
    const grants: string[][] = [];
    pool.acquire(1, (ids) => grants.push(ids));
    pool.acquire(1, (ids) => grants.push(ids)).cancel();
    pool.release(['a']);
    expect(grants).toEqual([['a']]);
  });

  test('SCHED-9: asking for more GPUs than the host has fails the launch, naming both counts', () => {
    expect(() => new GpuPool(() => ['g0']).acquire(2, () => undefined)).toThrow('the job asks for 2 GPUs; this host has 1 (g0)');
    expect(() => new GpuPool(() => []).acquire(1, () => undefined)).toThrow('the job asks for 1 GPUs; this host has 0');
  });

  test('discovery runs once, at first use', () => {
    const discover = jest.fn(() => ['0']);
    const pool = new GpuPool(discover);
    expect(discover).not.toHaveBeenCalled();
    void pool.all;
    void pool.all;
    expect(discover).toHaveBeenCalledTimes(1);
  });
});

describe('discoverNvidiaGpus', () => {
  test('reads the UUIDs that nvidia-smi -L lists', () => {
    // GIVEN a fake nvidia-smi
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'nvidia-smi-'));
    const fake = path.join(directory, 'nvidia-smi');
    fs.writeFileSync(fake, [
      '#!/bin/sh',
      '[ "$1" = "-L" ] || exit 3',
      'echo "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1b2c3d4e-0000-1111-2222-333344445555)"',
      'echo "  MIG 1g.10gb Device 0: (UUID: MIG-aaaa)"',
      'echo "GPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-99999999-0000-1111-2222-333344445555)"',
    ].join('\n'), { mode: 0o755 });
    try {
      // WHEN / THEN
      expect(discoverNvidiaGpus(fake)).toEqual(['GPU-1b2c3d4e-0000-1111-2222-333344445555', 'GPU-99999999-0000-1111-2222-333344445555']);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test('no nvidia-smi means no GPUs', () => {
    expect(discoverNvidiaGpus('/nonexistent/nvidia-smi')).toEqual([]);
  });
});
