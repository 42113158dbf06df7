import { loadChartLibraries } from './chart-libraries';
import { ChartSpec } from './chart-specs';

/**
 * A vega-lite chart as a standalone SVG string, rendered in Node (no browser, no canvas: vega
 * estimates text widths). vega 5, because vega 6 is ESM-only (`"type": "module"`) and jest's
 * CommonJS module loader cannot require it; this package compiles to CommonJS.
 */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  // Loaded on first use: the CLI imports this module for `plan`, and vega takes ~150 ms to load,
  // which every other command (serve, run, doctor, --version) would otherwise pay at start-up.
  const { vega, vegaLite } = loadChartLibraries();
  const compiled = vegaLite.compile({ ...spec, config: CONFIG }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
  background: 'white',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: '#eee', labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 420 },
};
