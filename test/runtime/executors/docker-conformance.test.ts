import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeConformance, PROBE_IMAGE } from './conformance';
import { FAKE_DOCKER_DIRECTORY, PROBE_ENTRYPOINT } from './fixtures/probe-paths';
import { JobExecutor } from '../../../src';

// The fake docker (fixtures/fake-docker/docker) plays the probe image's containers as host processes.
const stateDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-conformance-'));
const savedEnvironment = { ...process.env };
beforeAll(() => {
  process.env.PATH = `${FAKE_DOCKER_DIRECTORY}${path.delimiter}${process.env.PATH}`;
  process.env.FAKE_DOCKER_STATE = stateDirectory;
  process.env.FAKE_DOCKER_IMAGES = JSON.stringify({ [PROBE_IMAGE]: PROBE_ENTRYPOINT });
});
afterAll(() => {
  process.env = savedEnvironment;
  fs.rmSync(stateDirectory, { recursive: true, force: true });
});

describeConformance({
  name: 'docker (fake engine)',
  realTime: true,
  executor: () => JobExecutor.docker({ workRoot: stateDirectory }),
});
