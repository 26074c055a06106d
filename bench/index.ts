// Benchmark runner: `npm run bench -- [--only NAME[,NAME]] [--json FILE]`. Runs each registered
// suite in turn, prints a table and optionally writes a flat JSON object of metric → number.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, writeJson, type MetricRow } from './report';
import { suites, type BenchContext } from './suites';

function usage(): string {
  return `Usage: npm run bench -- [--only NAME[,NAME]] [--json FILE]\nSuites: ${suites.map((s) => s.name).join(', ')}`;
}

async function main(): Promise<number> {
  let values: { only?: string[]; json?: string; help?: boolean };
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: { only: { type: 'string', multiple: true }, json: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}\n${usage()}`);
    return 2;
  }
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const only = values.only?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((name) => !suites.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) {
    console.error(`bench: no suite called ${unknown.join(', ')}.\n${usage()}`);
    return 2;
  }
  const chosen = suites.filter((s) => !only || only.includes(s.name));

  const root = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  let counter = 0;
  const ctx: BenchContext = {
    tempDir: (label) => mkdtempSync(join(root, `${String(++counter).padStart(2, '0')}-${label}-`)),
    log: (message) => console.error(`  ${message}`),
  };
  const rows: MetricRow[] = [];
  try {
    for (const suite of chosen) {
      console.error(`bench: ${suite.name}: ${suite.description}`);
      const metrics = await suite.run(ctx);
      for (const [metric, value] of Object.entries(metrics)) {
        if (rows.some((r) => r.metric === metric)) throw new Error(`Two suites report the metric ${metric}.`);
        rows.push({ suite: suite.name, metric, value, target: suite.targets?.[metric] });
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(formatTable(rows));
  if (values.json) {
    writeJson(values.json, rows);
    console.error(`bench: wrote ${rows.length} metrics to ${values.json}`);
  }
  return 0;
}

process.exitCode = await main();
