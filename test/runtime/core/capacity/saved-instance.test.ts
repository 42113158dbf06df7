import { getInstanceType } from '../../../../src/instance-catalog/instance-catalog';
import { ContainerInstance, InstancePlacement } from '../../../../src/runtime/core/capacity/container-instance';
import { saveInstance } from '../../../../src/runtime/core/capacity/saved-instance';
import { ComputeEnvironmentRecord } from '../../../../src/runtime/core/model/records';
import { PlacedAttempt } from '../../../../src/runtime/core/types/placement';

const T0 = Date.UTC(2020, 0, 1);

function instanceWithPlacement(attempt?: Partial<PlacedAttempt>): ContainerInstance {
  const instance = new ContainerInstance('i-1', 'arn:ci/1', { spec: getInstanceType('m5.large'), vcpus: 2, memoryMiB: 7953, gpus: 0 }, T0, T0 + 90_000);
  const placement = new InstancePlacement({} as ComputeEnvironmentRecord, instance, 1, 1024, 0, T0 + 90_000, { placementReleased: () => undefined });
  instance.take(placement);
  placement.attempt = attempt as PlacedAttempt | undefined;
  return instance;
}

describe('saveInstance', () => {
  test('#21 §2, SCHED-4: GIVEN an instance with a live attempt on it WHEN saved THEN the placement is kept with its attempt, resources and ready time', () => {
    const saved = saveInstance(instanceWithPlacement({ jobId: 'job-1', attempt: 2, ended: false }));
    expect(saved).toEqual({
      id: 'i-1',
      arn: 'arn:ci/1',
      type: 'm5.large',
      vcpus: 2,
      memoryMiB: 7953,
      gpus: 0,
      launchedAt: T0,
      readyAt: T0 + 90_000,
      idleSince: T0,
      placements: [{ jobId: 'job-1', attempt: 2, vcpus: 1, memoryMiB: 1024, gpus: 0, readyAt: T0 + 90_000 }],
    });
  });

  test('#21 §2: GIVEN a placement with no live attempt to name it by WHEN saved THEN nothing is saved (the checkpoint waits)', () => {
    expect(saveInstance(instanceWithPlacement())).toBeUndefined();
    expect(saveInstance(instanceWithPlacement({ jobId: 'job-1', attempt: 1, ended: true }))).toBeUndefined();
  });
});
