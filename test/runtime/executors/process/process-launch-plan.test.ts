import { MOUNTS_VARIABLE, planProcessLaunch, ProcessLaunchSettings } from '../../../../src/runtime/executors/process/process-launch-plan';
import { AttemptWorkspace } from '../../../../src/runtime/executors/workspace/attempt-workspace';
import { containerLaunch } from '../fixtures/recording-sink';

const settings: ProcessLaunchSettings = {
  inheritEnvironment: ['PATH'],
  images: {},
  secretValues: { 'arn:secret': 'hunter2' },
  allowPrivileged: false,
  identityPolicy: { runtimeIsRoot: false, defaultUser: 'nobody' },
  mapContainerPaths: true,
};
const workspace = new AttemptWorkspace('/work', 'job-1', 1);

describe('planProcessLaunch', () => {
  test('ENV-2: the job\'s variables win over inherited host ones; secrets and the mounts variable are added', () => {
    // GIVEN
    const container = {
      volumes: [{ name: 'data', host: { sourcePath: '/srv/data' } }],
      mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
      secrets: [{ name: 'PASSWORD', valueFrom: 'arn:secret' }],
    };
    // WHEN
    const plan = planProcessLaunch(containerLaunch({ container, environment: { PATH: '/job/bin', INPUT: '/data/in.csv' } }), workspace, settings);
    // THEN
    expect(plan.environment).toEqual({ PATH: '/job/bin', INPUT: '/srv/data/in.csv', PASSWORD: 'hunter2', [MOUNTS_VARIABLE]: '{"/data":"/srv/data"}' });
    expect(plan.redactor.redact('pw=hunter2')).toBe('pw=*****');
  });

  test('PARAM-1: container paths in the command are mapped, but never split into more arguments', () => {
    const container = { volumes: [{ name: 'data' }], mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] };
    const plan = planProcessLaunch(containerLaunch({ container, command: ['cat', '/data/a b'] }), workspace, settings);
    expect(plan.argv).toEqual(['cat', '/work/job-1.1/volumes/data/a b']);
  });

  test('path mapping can be switched off', () => {
    const container = { volumes: [{ name: 'data' }], mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] };
    const plan = planProcessLaunch(containerLaunch({ container, command: ['cat', '/data/a'] }), workspace, { ...settings, mapContainerPaths: false });
    expect(plan.argv).toEqual(['cat', '/data/a']);
  });

  test('LIM-9: the memory limit is the job\'s memory in bytes', () => {
    expect(planProcessLaunch(containerLaunch({ memoryMiB: 300 }), workspace, settings).memoryBytes).toBe(300 * 1024 * 1024);
  });

  test('a root runtime gives the job its user, and HOME in its working directory', () => {
    const plan = planProcessLaunch(containerLaunch({ container: { user: '1234' } }), workspace, { ...settings, identityPolicy: { runtimeIsRoot: true, defaultUser: 'nobody' } });
    expect(plan.identity).toEqual({ uid: 1234, gid: 1234 });
    expect(plan.environment.HOME).toBe('/work/job-1.1/work');
  });

  test('privileged is refused unless allowed', () => {
    expect(() => planProcessLaunch(containerLaunch({ container: { privileged: true } }), workspace, settings)).toThrow('privileged: the job definition asks for a privileged container');
    expect(planProcessLaunch(containerLaunch({ container: { privileged: true } }), workspace, { ...settings, allowPrivileged: true }).argv).toEqual(['true']);
  });
});
