import { formatFigure } from '../report-numbers';

/*
 * Table cells of the report pages. A figure's cell carries `data-figure` (its JSON path) and
 * `data-value` (the exact number) so a test can compare the page with `--json`.
 */

export function cell(figure: string, value: number, text: string = formatFigure(value)): string {
  return `<td data-figure="${figure}" data-value="${value}">${escape(text)}</td>`;
}

/** A figure inside a sentence. */
export function span(figure: string, value: number, text: string = formatFigure(value)): string {
  return `<span data-figure="${figure}" data-value="${value}">${escape(text)}</span>`;
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
