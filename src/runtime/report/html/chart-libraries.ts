import * as fs from 'fs';
import * as path from 'path';

/** The part of vega the report uses: parse a compiled spec, render it headless to an SVG string. */
export interface VegaRuntime {
  readonly View: new (runtime: unknown, options: { renderer: 'none' }) => { toSVG(): Promise<string>; finalize(): void };
  parse(spec: unknown): unknown;
}

/** The part of vega-lite the report uses: compile a vega-lite spec to a vega spec. */
export interface VegaLiteCompiler {
  compile(spec: unknown): { spec: unknown };
}

export interface ChartLibraries {
  readonly vega: VegaRuntime;
  readonly vegaLite: VegaLiteCompiler;
}

/** The package's copy, beside lib/runtime/: lib/vendor (see writeVendoredChartLibraries). */
export const VENDOR_DIRECTORY = path.join(__dirname, '..', '..', '..', 'vendor');

const VEGA_FILE = 'vega.js';
const VEGA_LITE_FILE = 'vega-lite.js';
const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

/**
 * vega and vega-lite. The npm package carries their single-file builds in lib/vendor (about 0.8 MB,
 * written at compile time) instead of the two packages as bundled dependencies with their 40
 * sub-packages, source maps and every other build (about 30 MB, issue #25). A clone that runs the
 * TypeScript source has no lib/vendor and loads the packages (dev dependencies); both render the
 * same SVG bytes (test/runtime/report/html/chart-libraries.test.ts).
 */
export function loadChartLibraries(vendorDirectory: string = VENDOR_DIRECTORY): ChartLibraries {
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (fs.existsSync(path.join(vendorDirectory, VEGA_FILE))) {
    return { vega: require(path.join(vendorDirectory, VEGA_FILE)), vegaLite: require(path.join(vendorDirectory, VEGA_LITE_FILE)) };
  }
  // A clone's dev dependencies; the package has lib/vendor instead.
  // eslint-disable-next-line import/no-extraneous-dependencies
  return { vega: require('vega'), vegaLite: require('vega-lite') };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Build step (`npx projen compile`): writes vega's and vega-lite's minified UMD builds into
 * `directory`, with the licenses of every package they are built from. vega-lite's build requires
 * "vega", which the package no longer installs, so it is wrapped to get the vega beside it.
 */
export function writeVendoredChartLibraries(directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  const vegaRoot = packageRoot('vega');
  const vegaLiteRoot = packageRoot('vega-lite');
  const vegaVersion = readPackage(vegaRoot).version;
  const vegaLiteVersion = readPackage(vegaLiteRoot).version;
  fs.writeFileSync(path.join(directory, VEGA_FILE),
    `// vega ${vegaVersion} (BSD-3-Clause), build/vega.min.js; licenses in ${LICENSES_FILE}\n`
    + fs.readFileSync(path.join(vegaRoot, 'build', 'vega.min.js'), 'utf8'));
  fs.writeFileSync(path.join(directory, VEGA_LITE_FILE),
    `// vega-lite ${vegaLiteVersion} (BSD-3-Clause), build/vega-lite.min.js; licenses in ${LICENSES_FILE}\n`
    + '// Its require("vega") gets the vega beside this file.\n'
    + '(function (require) {\n'
    + fs.readFileSync(path.join(vegaLiteRoot, 'build', 'vega-lite.min.js'), 'utf8')
    + `\n})(function (id) { return module.require(id === 'vega' ? './${VEGA_FILE}' : id); });\n`);
  fs.writeFileSync(path.join(directory, LICENSES_FILE), thirdPartyLicenses([vegaRoot, vegaLiteRoot]));
}

/** Each package of the dependency closures, with its license file (or its package.json license field). */
function thirdPartyLicenses(roots: string[]): string {
  const seen = new Map<string, string>();
  const visit = (root: string): void => {
    const manifest = readPackage(root);
    const id = `${manifest.name}@${manifest.version}`;
    if (seen.has(id)) return;
    const licenseFile = fs.readdirSync(root).find((file) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(file));
    seen.set(id, licenseFile ? fs.readFileSync(path.join(root, licenseFile), 'utf8').trim() : `License: ${manifest.license ?? 'see the package'}`);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(packageRoot(dependency, root));
  };
  roots.forEach(visit);
  return [...seen].sort(([a], [b]) => a.localeCompare(b))
    .map(([id, text]) => `${'='.repeat(72)}\n${id}\n${'='.repeat(72)}\n${text}\n`).join('\n');
}

interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
}

function readPackage(root: string): PackageManifest {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/** A package's directory as Node resolves it from `from` (its package.json is not always exported). */
function packageRoot(name: string, from: string = __dirname): string {
  for (let directory = from; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(directory) === directory) throw new Error(`cannot find the package ${name} from ${from}`);
  }
}
