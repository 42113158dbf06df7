/**
 * Compiles the project once into a package folder outside the repository, laid out as the
 * installed package (`PKG/package.json`, `PKG/lib/cli/batch-local.js`, the `bin` of package.json),
 * so a restart can be timed as a user's `batch-local serve` starts: compiled JavaScript, no
 * ts-node. `node_modules` is a link to the checkout's; the non-TypeScript files under src/ (the
 * console's assets) are copied as the projen compile's packaging does.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function copyAssets(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {copyAssets(source, path.join(to, entry.name));} else if (!entry.name.endsWith('.ts')) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, path.join(to, entry.name));
    }
  }
}

/** The CLI's entry in `pkgDir` (package.json's `bin`), compiled there first unless it already is. */
export function compiledCli(pkgDir: string, recompile: boolean = false): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const cli = path.join(pkgDir, manifest.bin['batch-local']);
  if (fs.existsSync(cli) && !recompile) return cli;
  console.log(`  compiling the project into ${pkgDir} (tsc)`);
  fs.rmSync(path.join(pkgDir, 'lib'), { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', path.join(pkgDir, 'lib')], { cwd: ROOT, stdio: 'inherit' });
  copyAssets(path.join(ROOT, 'src'), path.join(pkgDir, 'lib'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkgDir, 'package.json'));
  const modules = path.join(pkgDir, 'node_modules');
  fs.rmSync(modules, { force: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');
  return cli;
}
