/**
 * A durable virtual-clock endpoint that SIGKILLs itself at one step of its N-th checkpoint:
 * `node -r ts-node/register/transpile-only checkpoint-crash-child.ts STATE_DIR STEP N [TEMPLATE]`. Prints
 * `{"endpoint": URL}` once listening. (A child process, so the kill is a real SIGKILL.)
 */
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { createRuntime } from '../../../src/runtime/api/create-runtime';
import { JobBehavior } from '../../../src/runtime/cli-surface';

const [stateDir, step, nth, template] = process.argv.slice(2);
let seen = 0;
const runtime = createRuntime({
  templateFile: template ?? path.join(__dirname, '..', '..', 'cli', 'fixtures', 'small-stack.template.json'),
  executor: 'simulated',
  clock: 'virtual',
  stateDir,
  // What `batch-local serve --clock virtual` runs with (and journals in its fingerprint), so `serve` can restart this dir.
  behaviors: { defaultBehavior: JobBehavior.succeed({ duration: Duration.seconds(60) }) },
  fingerprint: { behaviors: 'none', defaultDuration: '60' },
  warn: (message) => process.stderr.write(`${message}\n`),
  checkpoint: {
    everyBytes: 0,
    afterStep: (done) => {
      if (done === 'segment-marked') seen++;
      if (done === step && seen === Number(nth)) process.kill(process.pid, 'SIGKILL');
    },
  },
});
void runtime.server.listen(0).then((url) => process.stdout.write(`${JSON.stringify({ endpoint: url })}\n`));
