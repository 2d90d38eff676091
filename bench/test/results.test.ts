import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { check, disagreements, END, START, table, withTable, type Row } from '../results.mjs';

const markdown = readFileSync(new URL('../../BENCHMARKS.md', import.meta.url), 'utf8');
const json = readFileSync(new URL('../results.json', import.meta.url), 'utf8');
const rows: Row[] = JSON.parse(json);

describe('npm run bench -- --check', () => {
  it('finds BENCHMARKS.md in agreement with bench/results.json', async () => {
    expect(disagreements(markdown, json)).toEqual([]);
    // The command itself: no build and no run, only the two files (it would time out otherwise).
    const run = await promisify(execFile)(process.execPath, ['bench/bench.mjs', '--check'], {
      cwd: new URL('../..', import.meta.url),
    });
    expect(run.stderr).toContain('agrees');
  });

  it('names a number in BENCHMARKS.md that results.json does not have', () => {
    const row = rows.find((r) => r.name === 'session-read p50');
    if (!row?.ours) throw new Error('results.json has no session-read p50');
    const edited = withTable(
      markdown,
      rows.map((r) => (r === row ? { ...r, ours: r.ours! * 2 } : r)),
    );
    const problems = disagreements(edited, json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BENCHMARKS\.md: \| session-read p50 \|/);
  });

  it('names rows that only one of the two has, and a document without the table', () => {
    const last = table(rows).split('\n').at(-1);
    const agreed = withTable(markdown, rows);
    expect(disagreements(agreed, JSON.stringify(rows.slice(0, -1)))).toEqual([`results.json lacks: ${last}`]);
    expect(disagreements(markdown.replace(START, ''), json)).toEqual([
      `BENCHMARKS.md lacks the markers ${START} and ${END}`,
    ]);
  });

  it('fails when the two files disagree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
    try {
      const other = join(dir, 'results.json');
      writeFileSync(other, JSON.stringify(rows.map((r) => ({ ...r, peer: null }))));
      expect(check(new URL('../../BENCHMARKS.md', import.meta.url), pathToFileURL(other))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
