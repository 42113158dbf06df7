import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Content types of the files the console is made of; any other file in the folder is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface ConsoleAsset {
  readonly body: Buffer;
  readonly contentType: string;
  /** A strong validator, so a reload answers 304 rather than the file again. */
  readonly etag: string;
}

/**
 * The console's files: plain ES modules, one stylesheet and the page shell, kept as files in
 * `assets/` next to this module rather than embedded in TypeScript strings, so they are edited,
 * reviewed and debugged as what the browser runs. The build copies them next to the compiled
 * module (`lib/runtime/api/console/assets/`, the `copy-console-assets` step of `compile`); from a
 * clone (`npm run batch-local`, jest) they are read from `src/`. They are read once, on first use:
 * the whole console is a few tens of KB.
 */
export class ConsoleAssets {
  private files?: ReadonlyMap<string, ConsoleAsset>;

  constructor(private readonly folder: string = path.join(__dirname, 'assets')) {}

  /** The asset at `relative` (`app.js`, `pages/job.js`), or undefined: only files of the folder are known, so `..` finds nothing. */
  get(relative: string): ConsoleAsset | undefined {
    return this.load().get(relative);
  }

  /** Every asset's path, for tests and the size budget. */
  names(): string[] {
    return [...this.load().keys()].sort();
  }

  private load(): ReadonlyMap<string, ConsoleAsset> {
    if (this.files) return this.files;
    const files = new Map<string, ConsoleAsset>();
    const visit = (dir: string, prefix: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        throw new Error(`the console's assets are missing at ${dir} (${(error as Error).message}); rebuild the package (npx projen compile copies them)`);
      }
      for (const entry of entries) {
        const name = prefix + entry.name;
        if (entry.isDirectory()) {
          visit(path.join(dir, entry.name), `${name}/`);
          continue;
        }
        const contentType = CONTENT_TYPES[path.extname(entry.name)];
        if (!entry.isFile() || !contentType) continue;
        const body = fs.readFileSync(path.join(dir, entry.name));
        files.set(name, { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
      }
    };
    visit(this.folder, '');
    this.files = files;
    return files;
  }
}
