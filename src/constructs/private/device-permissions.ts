import * as cdk from 'aws-cdk-lib';

/**
 * aws-cdk-lib's `batch.DevicePermission` values are ECS's lower-case `read` / `write` /
 * `mknod`, but the Batch API's `DeviceCgroupPermission` enum is `READ | WRITE | MKNOD`
 * (service model). Returns a `linuxParameters` value whose device permissions are upper-cased
 * when the template is rendered (devices can still be added until then).
 */
export function batchDevicePermissions(scope: cdk.Stack, linuxParameters: unknown): unknown {
  if (linuxParameters === undefined) {
    return undefined;
  }
  return cdk.Lazy.any({ produce: () => upperCaseDevicePermissions(scope.resolve(linuxParameters)) });
}

/** The same fix on an already resolved `linuxParameters` object. */
export function upperCaseDevicePermissions(linuxParameters: any): any {
  if (!linuxParameters || !Array.isArray(linuxParameters.devices)) {
    return linuxParameters;
  }
  return {
    ...linuxParameters,
    devices: linuxParameters.devices.map((device: any) => (Array.isArray(device.permissions)
      ? { ...device, permissions: device.permissions.map((permission: unknown) => (typeof permission === 'string' ? permission.toUpperCase() : permission)) }
      : device)),
  };
}
