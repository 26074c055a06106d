// Owns how benchmark results are shown and saved: a readable table on stdout and a flat JSON object
// of metric → number for machines (CI, the closing note of an issue).
import { writeFileSync } from 'node:fs';
import type { MetricTarget } from './suites';

export interface MetricRow {
  suite: string;
  metric: string;
  value: number;
  target?: MetricTarget | undefined;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function meetsTarget(value: number, target: MetricTarget | undefined): boolean | undefined {
  if (!target) return undefined;
  return (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max);
}

function describeTarget(target: MetricTarget | undefined): string {
  if (!target) return '';
  if (target.min !== undefined && target.max !== undefined) return `${target.min}–${target.max}`;
  if (target.max !== undefined) return `≤ ${target.max}`;
  if (target.min !== undefined) return `≥ ${target.min}`;
  return '';
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3);
}

export function formatTable(rows: readonly MetricRow[]): string {
  const header = ['suite', 'metric', 'value', 'target', ''];
  const body = rows.map((r) => {
    const ok = meetsTarget(r.value, r.target);
    return [r.suite, r.metric, formatValue(r.value), describeTarget(r.target), ok === undefined ? '' : ok ? 'ok' : 'MISSED'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(render)].join('\n');
}

/** Rounds to 3 decimal places so the file stays readable; metric order follows the run. */
export function writeJson(path: string, rows: readonly MetricRow[]): void {
  const flat: Record<string, number> = {};
  for (const r of rows) flat[r.metric] = Math.round(r.value * 1000) / 1000;
  writeFileSync(path, `${JSON.stringify(flat, null, 2)}\n`);
}
