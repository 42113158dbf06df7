import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageVersion } from '../../src/cli/package-version';

describe('packageVersion', () => {
  test('reads the version from the package.json two levels above the module, not from the working directory', () => {
    // GIVEN
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

    // WHEN / THEN
    expect(packageVersion()).toBe(version);
    expect(packageVersion(path.join(__dirname, '..', '..', 'lib', 'cli'))).toBe(version); // the installed layout
  });

  test('another package\'s package.json is an error naming the file', () => {
    // GIVEN
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'package-version-'));
    fs.mkdirSync(path.join(root, 'lib', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'other', version: '1.0.0' }));

    // WHEN / THEN
    try {
      expect(() => packageVersion(path.join(root, 'lib', 'cli'))).toThrow(`${path.join(root, 'package.json')}: not the package.json of cdk-batch-kit (name "other", version "1.0.0")`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
