import { describeConformance, PROBE_IMAGE } from './conformance';
import { PROBE_ENTRYPOINT } from './fixtures/probe-paths';
import { describeMultiContainerConformance } from './multi-container-conformance';
import { describePodVolumeConformance } from './pod-volume-conformance';
import { JobExecutor, SpawnHelperProgram } from '../../../src';
import { TemporaryWorkRoot } from '../../temporary-work-root';

// A root runtime runs jobs as nobody: they must reach their directories, and the probe too. The
// checkout may be where nobody cannot read (under /root, or cloned with umask 077), so the probe
// runs from a copy in the work root.
const workRoot = new TemporaryWorkRoot('process-conformance');
const [node, probeScript] = PROBE_ENTRYPOINT;
const entrypoint = [node, workRoot.copyIn(probeScript)];
afterAll(() => workRoot.remove());

// The defaults start jobs through the Perl spawn helper where Perl is installed (it is on every machine
// this project builds on); the Node.js helper must behave the same.
describeConformance({
  name: 'process',
  realTime: true,
  executor: () => JobExecutor.process({ workRoot: workRoot.path, images: { [PROBE_IMAGE]: { entrypoint } } }),
});

describeConformance({
  name: 'process (Node.js spawn helper)',
  realTime: true,
  executor: () => JobExecutor.process({ workRoot: workRoot.path, images: { [PROBE_IMAGE]: { entrypoint } }, spawnHelper: SpawnHelperProgram.NODE }),
});

describeMultiContainerConformance({
  name: 'process',
  realTime: true,
  workRoot: workRoot.path,
  executor: () => JobExecutor.process({ workRoot: workRoot.path, images: { [PROBE_IMAGE]: { entrypoint } } }),
});

describePodVolumeConformance({
  name: 'process',
  realTime: true,
  workRoot: workRoot.path,
  executor: () => JobExecutor.process({ workRoot: workRoot.path, images: { [PROBE_IMAGE]: { entrypoint } } }),
});
