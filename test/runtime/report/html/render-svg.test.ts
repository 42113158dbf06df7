import { renderSvg } from '../../../../src/runtime/report/html/render-svg';

describe('renderSvg', () => {
  test('PLAN-10: a vega-lite spec renders to SVG in Node, one mark per datum', async () => {
    // GIVEN two bars
    const spec = {
      data: { values: [{ x: 'a', y: 1 }, { x: 'b', y: 2 }] },
      mark: 'bar',
      encoding: { x: { field: 'x', type: 'nominal' }, y: { field: 'y', type: 'quantitative' } },
    };

    // WHEN
    const svg = await renderSvg(spec);

    // THEN
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<g class="mark-rect role-mark marks"[^>]*>(.*?)<\/g>/s)![1].match(/<path/g)).toHaveLength(2);
  });
});
