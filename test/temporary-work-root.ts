import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A fresh work root for the process executor, instead of its default `<tmpdir>/cdk-batch-kit`: that
 * path is shared by every run on the machine, so a leftover from another user or umask (a directory
 * the job's user cannot enter) would fail the jobs of a later test run. A root runtime runs jobs as
 * nobody, so the directory is opened to everyone (0755), as the default one is under a usual umask.
 */
export class TemporaryWorkRoot {
  readonly path: string;

  constructor(prefix: string) {
    this.path = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    fs.chmodSync(this.path, 0o755);
  }

  /** Copies `file` into the work root (readable by any job user) and returns the copy's path. */
  copyIn(file: string): string {
    const copy = path.join(this.path, path.basename(file));
    fs.copyFileSync(file, copy);
    fs.chmodSync(copy, 0o644);
    return copy;
  }

  remove(): void {
    fs.rmSync(this.path, { recursive: true, force: true });
  }
}
