import { describeConformance, PROBE_IMAGE } from './conformance';
import { ProbeBehaviorHandler } from './fixtures/probe-behavior-handler';
import { JobBehavior, JobExecutor } from '../../../src';

describeConformance({
  name: 'simulated',
  realTime: false,
  executor: () => JobExecutor.simulated({ byImage: { [PROBE_IMAGE]: JobBehavior.custom(new ProbeBehaviorHandler()) } }),
});
