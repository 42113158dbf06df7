import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeConformance } from './conformance';
import { containersOfJob, describeWithRealEngine, probeImage } from './fixtures/real-engine';
import { describeMultiContainerConformance } from './multi-container-conformance';
import { describePodVolumeConformance } from './pod-volume-conformance';
import { JobExecutor } from '../../../src';

// The conformance suite against a real engine (Podman in CI): probe.sh plays probe.js in a busybox image.
// Real containers on a shared machine: a generous ceiling per test, never a timing assertion.
jest.setTimeout(240_000);

describeWithRealEngine('docker executor on a real engine', (engine) => {
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-conformance-'));
  afterAll(() => fs.rmSync(workRoot, { recursive: true, force: true }));
  const image = probeImage(engine);

  describeConformance({
    name: `docker (${engine.command})`,
    realTime: true,
    image,
    executor: () => JobExecutor.docker({ workRoot }),
    leftovers: (jobId) => containersOfJob(engine, jobId),
  });

  describeMultiContainerConformance({
    name: `docker (${engine.command})`,
    realTime: true,
    workRoot,
    image,
    executor: () => JobExecutor.docker({ workRoot }),
    leftovers: (jobId) => containersOfJob(engine, jobId),
  });

  describePodVolumeConformance({
    name: `docker (${engine.command})`,
    realTime: true,
    workRoot,
    image,
    enforcesReadOnly: true,
    executor: () => JobExecutor.docker({ workRoot }),
    leftovers: (jobId) => containersOfJob(engine, jobId),
  });
});
