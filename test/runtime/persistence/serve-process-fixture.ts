import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { BatchClient } from '@aws-sdk/client-batch';
import { TS_NODE_REGISTER } from '../../ts-node-cache/ts-node-register';

const ROOT = path.join(__dirname, '..', '..', '..');

/** A `batch-local serve` child process (so a test can SIGKILL it), with an SDK client on it. */
export interface ServeChild {
  readonly url: string;
  readonly child: ChildProcess;
  readonly batch: BatchClient;
  readonly stdout: () => string;
  readonly stderr: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Spawns `batch-local serve ARGS --port 0 --json` and resolves once it printed its endpoint. */
export function spawnServe(args: string[]): Promise<ServeChild> {
  const child = spawn(process.execPath, [...TS_NODE_REGISTER, 'src/cli/batch-local.ts', 'serve', ...args, '--port', '0', '--json'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`batch-local serve exited (${code ?? signal}) before listening: ${stderr}`)));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      let printed: { endpoint: string };
      try {
        printed = JSON.parse(stdout);
      } catch {
        return; // the JSON object is not all there yet
      }
      const batch = new BatchClient({ endpoint: printed.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
      resolve({
        url: printed.endpoint,
        child,
        batch,
        stdout: () => stdout,
        stderr: () => stderr,
        kill: (signal) => new Promise<void>((done) => {
          batch.destroy();
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill(signal);
        }),
      });
    });
  });
}
