import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeConformance, PROBE_IMAGE } from './conformance';
import { PROBE_ENTRYPOINT } from './fixtures/probe-paths';
import { JobExecutor } from '../../../src';

const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'process-conformance-'));
fs.chmodSync(workRoot, 0o755); // a root runtime runs jobs as nobody: they must reach their directories
afterAll(() => fs.rmSync(workRoot, { recursive: true, force: true }));

describeConformance({
  name: 'process',
  realTime: true,
  executor: () => JobExecutor.process({ workRoot, images: { [PROBE_IMAGE]: { entrypoint: PROBE_ENTRYPOINT } } }),
});
