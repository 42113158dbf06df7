import { describeConformance, PROBE_IMAGE } from './conformance';
import { ProbeBehaviorHandler } from './fixtures/probe-behavior-handler';
import { describeMultiContainerConformance } from './multi-container-conformance';
import { describePodVolumeConformance } from './pod-volume-conformance';
import { JobBehavior, JobExecutor } from '../../../src';

describeConformance({
  name: 'simulated',
  realTime: false,
  executor: () => JobExecutor.simulated({ byImage: { [PROBE_IMAGE]: JobBehavior.custom(new ProbeBehaviorHandler()) } }),
});

describeMultiContainerConformance({
  name: 'simulated',
  realTime: false,
  executor: () => JobExecutor.simulated({ byImage: { [PROBE_IMAGE]: JobBehavior.custom(new ProbeBehaviorHandler()) } }),
});

describePodVolumeConformance({
  name: 'simulated',
  realTime: false,
  executor: () => JobExecutor.simulated({ byImage: { [PROBE_IMAGE]: JobBehavior.custom(new ProbeBehaviorHandler()) } }),
});
