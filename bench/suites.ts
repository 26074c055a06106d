// Owns the list of benchmark suites that `npm run bench` runs, and the shape of one. To add a suite,
// write bench/NAME.ts exporting a BenchSuite and list it below.
import { vaultSuite } from './vault';
import { recordsSuite } from './records';
import { backupSuite } from './backup';

export interface BenchContext {
  /** A fresh temporary folder, deleted when the run ends. Never put real records in it. */
  tempDir(label: string): string;
  /** Progress for the person watching (stderr). */
  log(message: string): void;
}

export interface MetricTarget {
  min?: number;
  max?: number;
}

export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  /** Targets shown beside the figures; missing one is reported, not fatal. */
  readonly targets?: Readonly<Record<string, MetricTarget>>;
  /** Returns metric name → number. Names are global across suites: prefix them with the subject. */
  run(ctx: BenchContext): Promise<Record<string, number>>;
}

export const suites: readonly BenchSuite[] = [vaultSuite, recordsSuite, backupSuite];
