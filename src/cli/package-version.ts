import * as fs from 'fs';
import * as path from 'path';

/**
 * The version in this package's package.json. Found relative to this module, not to the working
 * directory: the file is src/cli/ in a checkout and lib/cli/ in the installed package, both two
 * levels below package.json.
 */
export function packageVersion(moduleDir: string = __dirname): string {
  const file = path.join(moduleDir, '..', '..', 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
  if (manifest.name !== 'cdk-batch-kit' || typeof manifest.version !== 'string') {
    throw new Error(`${file}: not the package.json of cdk-batch-kit (name ${JSON.stringify(manifest.name)}, version ${JSON.stringify(manifest.version)})`);
  }
  return manifest.version;
}
