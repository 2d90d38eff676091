import { FEATURES, type RuntimeReport } from '../scenario/scenarios.js';
import type { Runtime } from './runtimes.js';

export const TABLE_START = '<!-- runtimes:start -->';
export const TABLE_END = '<!-- runtimes:end -->';

/** The header of the README's compatibility table. */
export function tableHeader(): string[] {
  return [`| runtime | ${FEATURES.join(' | ')} |`, `|---|${FEATURES.map(() => ':-:').join('|')}|`];
}

/** A runtime's row as the run found it: ✅ passed, ❌ failed. */
export function tableRow(runtime: Runtime, report: RuntimeReport): string {
  const cells = FEATURES.map((feature) =>
    report.results.find((r) => r.feature === feature)?.ok ? '✅' : '❌',
  );
  return `| ${runtime.label} | ${cells.join(' | ')} |`;
}

/**
 * Compares the README's table with a run: the header must list the suite's features and the
 * runtime's row must be what the run found. Returns what differs, or nothing.
 */
export function compareTable(readme: string, runtime: Runtime, report: RuntimeReport): string[] {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return [`the README has no ${TABLE_START} ... ${TABLE_END} table`];
  const lines = readme
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'));
  const problems: string[] = [];
  const [header, rule] = tableHeader();
  if (lines[0] !== header || lines[1] !== rule)
    problems.push(`README table: the header should be:\n${header}\n${rule}`);
  const expected = tableRow(runtime, report);
  const row = lines.find((line) => line.startsWith(`| ${runtime.label} |`));
  if (row !== expected)
    problems.push(`README table: the README says:\n${row ?? '(no row)'}\nthe run says:\n${expected}`);
  return problems;
}
