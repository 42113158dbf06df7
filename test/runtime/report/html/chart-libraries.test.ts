import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadChartLibraries, writeVendoredChartLibraries } from '../../../../src/runtime/report/html/chart-libraries';

const SPEC = {
  width: 300,
  height: 120,
  data: { values: [{ t: 0, queue: 'high', n: 3 }, { t: 60, queue: 'low', n: 5 }, { t: 120, queue: 'high', n: 1 }] },
  mark: 'area',
  encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'n', type: 'quantitative', stack: true }, color: { field: 'queue', type: 'nominal' } },
};

async function svgWith(vendorDirectory: string): Promise<string> {
  const { vega, vegaLite } = loadChartLibraries(vendorDirectory);
  const view = new vega.View(vega.parse(vegaLite.compile(SPEC).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe('chart libraries', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-libraries-'));
    writeVendoredChartLibraries(directory);
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('PLAN-10, issue #25: the vendored single-file builds render the same SVG bytes as the vega and vega-lite packages', async () => {
    // GIVEN the files the package ships (lib/vendor) and a directory without them (a clone running the source)
    const packages = path.join(directory, 'no-vendor-here');

    // WHEN the same chart is rendered with each
    const fromVendor = await svgWith(directory);
    const fromPackages = await svgWith(packages);

    // THEN
    expect(fromVendor).toMatch(/^<svg /);
    expect(fromVendor).toBe(fromPackages);
  });

  test('issue #25: the vendored files are small, vega-lite gets the vega beside it, and the licenses of every package they are built from ship with them', () => {
    // GIVEN / WHEN
    const sizes = fs.readdirSync(directory).map((file) => fs.statSync(path.join(directory, file)).size);
    const vegaLite = fs.readFileSync(path.join(directory, 'vega-lite.js'), 'utf8');
    const licenses = fs.readFileSync(path.join(directory, 'THIRD-PARTY-LICENSES.txt'), 'utf8');

    // THEN about 0.8 MB of code instead of the packages' ~30 MB
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(2_000_000);
    expect(vegaLite).toContain("module.require(id === 'vega' ? './vega.js' : id)");
    for (const name of ['vega@', 'vega-lite@', 'vega-scenegraph@', 'd3-scale@']) expect(licenses).toContain(`\n${name}`);
    expect(licenses).toContain('University of Washington Interactive Data Lab');
  });
});
