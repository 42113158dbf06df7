/**
 * How the report's numbers are written for people (the CLI summary and the HTML page; `--json` keeps
 * them exact): at most 3 decimals below 100 and 1 from 100 up, thousands separated, the same
 * everywhere (no locale from the environment).
 */
export function formatFigure(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 1 : 3 });
}

/** A 0..1 ratio as a percentage with one decimal. */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** US dollars with cents. */
export function formatUsd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** What a label carries when the wait percentiles come from the histogram (WaitStatistics.exact false). */
export const APPROXIMATE_MARKER = '(±1%)';
