import * as path from 'path';
import { ConsoleAssets } from '../../../../src/runtime/api/console/console-assets';

const ASSETS = new ConsoleAssets(path.join(__dirname, '..', '..', '..', '..', 'src', 'runtime', 'api', 'console', 'assets'));
const SCRIPTS = ASSETS.names().filter((name) => name.endsWith('.js'));

describe('ConsoleAssets', () => {
  test('CON-5: the console is at most 300 KB of script and style, all of it in the package (no CDN, no other origin)', () => {
    // WHEN
    const total = ASSETS.names().reduce((sum, name) => sum + ASSETS.get(name)!.body.length, 0);

    // THEN
    expect(total).toBeLessThanOrEqual(300 * 1024);
    for (const name of ASSETS.names()) {
      expect([name, ASSETS.get(name)!.body.toString('utf8')]).not.toEqual([name, expect.stringMatching(/(src|href)=["']?(https?:)?\/\/|import\s*\(?\s*['"]https?:/)]);
    }
  });

  test('CON-5: no script writes markup: job strings only ever become text nodes', () => {
    for (const name of SCRIPTS) {
      const source = ASSETS.get(name)!.body.toString('utf8').replace(/^\s*\/\/.*$/gm, '');
      expect([name, source]).not.toEqual([name, expect.stringMatching(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/)]);
    }
  });

  test('CON-1: every module a script imports is an asset (a missing file would break the page, not a test)', () => {
    for (const name of SCRIPTS) {
      const source = ASSETS.get(name)!.body.toString('utf8');
      for (const [, specifier] of source.matchAll(/^import .* from '([^']+)';$/gm)) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(name), specifier));
        expect([name, specifier, ASSETS.get(resolved) !== undefined]).toEqual([name, specifier, true]);
      }
    }
  });

  test('CON-1: names outside the folder are unknown, and a missing folder says how to rebuild', () => {
    expect(ASSETS.get('../console-routes.ts')).toBeUndefined();
    expect(() => new ConsoleAssets('/nonexistent-console-assets').names()).toThrow(/the console's assets are missing at .*npx projen compile/);
  });
});
