import { upperCaseDevicePermissions } from '../../../src/constructs/private/device-permissions';

describe('device permissions', () => {
  test('CE-6: lower-case ECS permissions become the Batch API\'s READ, WRITE, MKNOD', () => {
    expect(upperCaseDevicePermissions({ devices: [{ hostPath: '/dev/x', permissions: ['read', 'write', 'mknod'] }, { hostPath: '/dev/y' }], sharedMemorySize: 64 }))
      .toEqual({ devices: [{ hostPath: '/dev/x', permissions: ['READ', 'WRITE', 'MKNOD'] }, { hostPath: '/dev/y' }], sharedMemorySize: 64 });
    expect(upperCaseDevicePermissions(undefined)).toBeUndefined();
  });
});
