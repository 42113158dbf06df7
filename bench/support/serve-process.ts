import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** A `batch-local serve` child process and its URL. */
export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `batch-local serve ARGS --port 0 --json` (ts-node, transpile only) and waits for its URL. */
export function startServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/batch-local.ts', 'serve', ...args, '--port', '0', '--json'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      let printed: { endpoint: string } | undefined;
      try {
        printed = JSON.parse(stdout); // --json prints one (indented) object once listening
      } catch {
        return; // not all of it yet
      }
      {
        const url = printed!.endpoint;
        resolve({
          url,
          child,
          stop: () => new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`batch-local serve exited ${code} before listening: ${stderr}`)));
  });
}

/** Median of the figures. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
