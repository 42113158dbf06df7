import { describeConformance, PROBE_IMAGE } from './conformance';
import { PROBE_ENTRYPOINT } from './fixtures/probe-paths';
import { JobExecutor } from '../../../src';
import { TemporaryWorkRoot } from '../../temporary-work-root';

// A root runtime runs jobs as nobody: they must reach their directories, and the probe too. The
// checkout may be where nobody cannot read (under /root, or cloned with umask 077), so the probe
// runs from a copy in the work root.
const workRoot = new TemporaryWorkRoot('process-conformance');
const [node, probeScript] = PROBE_ENTRYPOINT;
const entrypoint = [node, workRoot.copyIn(probeScript)];
afterAll(() => workRoot.remove());

describeConformance({
  name: 'process',
  realTime: true,
  executor: () => JobExecutor.process({ workRoot: workRoot.path, images: { [PROBE_IMAGE]: { entrypoint } } }),
});
