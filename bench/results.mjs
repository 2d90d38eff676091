// The results table: written by the run (bench/src/run.ts) into bench/results.json and between the
// markers of BENCHMARKS.md, and compared by `npm run bench -- --check`. Plain JavaScript, so the check
// needs no build.
import { readFileSync } from 'node:fs';

export const START = '<!-- results: written by `npm run bench` from bench/results.json -->';
export const END = '<!-- /results -->';

/** @typedef {{ name: string; unit: string; better: 'higher' | 'lower'; ours: number | null; peer: number | null; limit: number | null }} Row */

/** @param {number | null} value @param {string} unit */
function fmt(value, unit) {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'µs') return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
  return Math.round(value).toLocaleString('en-US');
}

/** ours relative to another column, written so that above 1 always means ours is better. @param {Row} row @param {number | null} other */
function ratio(row, other) {
  if (row.ours === null || other === null || !row.ours || !other) return '—';
  const r = row.better === 'higher' ? row.ours / other : other / row.ours;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;
}

/** A Markdown table of `rows`: it prints readably and is what BENCHMARKS.md holds. @param {readonly Row[]} rows */
export function table(rows) {
  const lines = [
    '| case | unit | ours | peer | floor | ours vs peer | ours vs floor |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.unit} | ${fmt(r.ours, r.unit)} | ${fmt(r.peer, r.unit)} | ${fmt(r.limit, r.unit)} | ` +
        `${ratio(r, r.peer)} | ${ratio(r, r.limit)} |`,
    );
  }
  return lines.join('\n');
}

/** The text between the markers, or `undefined` when they are missing. @param {string} markdown */
function block(markdown) {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END, start);
  return start < 0 || end < 0 ? undefined : markdown.slice(start + START.length, end).trim();
}

/** `markdown` with the table between the markers replaced by the table of `rows`. @param {string} markdown @param {readonly Row[]} rows */
export function withTable(markdown, rows) {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`BENCHMARKS.md lacks the markers ${START} and ${END}`);
  return `${markdown.slice(0, start + START.length)}\n\n${table(rows)}\n\n${markdown.slice(end)}`;
}

/**
 * What disagrees between BENCHMARKS.md's table and results.json, line by line: an empty list when
 * they agree.
 * @param {string} markdown @param {string} json
 * @returns {string[]}
 */
export function disagreements(markdown, json) {
  const written = block(markdown);
  if (written === undefined) return [`BENCHMARKS.md lacks the markers ${START} and ${END}`];
  let rows;
  try {
    rows = JSON.parse(json);
  } catch (err) {
    return [`results.json is not JSON: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (!Array.isArray(rows)) return ['results.json is not an array of rows'];
  const want = table(rows).split('\n');
  const have = written.split('\n');
  const problems = [];
  for (let i = 0; i < Math.max(want.length, have.length); i++) {
    if (want[i] === have[i]) continue;
    if (have[i] === undefined) problems.push(`BENCHMARKS.md lacks: ${want[i]}`);
    else if (want[i] === undefined) problems.push(`results.json lacks: ${have[i]}`);
    else problems.push(`BENCHMARKS.md: ${have[i]}\n  results.json: ${want[i]}`);
  }
  return problems;
}

/** Compares the two files; prints what disagrees. @param {URL} markdown @param {URL} json @returns {boolean} */
export function check(markdown, json) {
  const problems = disagreements(readFileSync(markdown, 'utf8'), readFileSync(json, 'utf8'));
  for (const p of problems) console.error(p);
  if (problems.length)
    console.error(`BENCHMARKS.md disagrees with bench/results.json (${problems.length} lines)`);
  else console.error('BENCHMARKS.md agrees with bench/results.json');
  return problems.length === 0;
}
