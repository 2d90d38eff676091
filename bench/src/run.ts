import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fixtures, type Case } from './cases.js';
import { allocation, median, round, throughput, type Measured } from './harness.js';

/** One line of bench/results.json; `null` where a column does not apply. */
interface Row {
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  ours: number | null;
  peer: number | null;
  limit: number | null;
}

const quick = process.argv.includes('--quick');
const emulator = !process.argv.includes('--no-emulator');
// --only=a,b runs the cases whose names start with a or b.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const selected = (name: string) => !only || only.some((prefix) => name.startsWith(prefix));
const rounds = quick ? 3 : 7;
const timing = quick ? { timeMs: 100, warmupMs: 30 } : { timeMs: 500, warmupMs: 150 };
// Clean allocation batches per figure (median): fewer in a quick run, to stay within a minute.
const allocBatches = quick ? 3 : 5;
const VARIANTS = ['ours', 'peer', 'floor'] as const;
type Variant = (typeof VARIANTS)[number];

function variantsOf(c: Case) {
  return VARIANTS.flatMap((label) => {
    const fn = c[label];
    return fn ? [{ label, fn }] : [];
  });
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('run with node --expose-gc to measure allocation');
  const fx = await fixtures({ emulator });
  const cases = fx.cases.filter((c) => selected(c.name));
  const samples = new Map<string, Map<Variant, Measured[]>>();
  const started = performance.now();

  // Interleaved rounds: every round visits every case, and the order of the variants rotates, so a
  // burst of load from elsewhere on the machine lands on all of them alike; medians are reported.
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const variants = variantsOf(c);
      const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
      const byVariant = samples.get(c.name) ?? new Map<Variant, Measured[]>();
      samples.set(c.name, byVariant);
      if (c.kind === 'inflight') {
        for (const v of order) {
          const hz = await throughput(v.fn, 64, timing.timeMs);
          byVariant.set(v.label, [...(byVariant.get(v.label) ?? []), { hz, p50: NaN, p99: NaN }]);
        }
      } else {
        const measured = await round(order, timing);
        for (const [label, m] of measured) {
          const key = label as Variant;
          byVariant.set(key, [...(byVariant.get(key) ?? []), m]);
        }
      }
    }
    process.stderr.write(
      `round ${r + 1}/${rounds} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
    );
  }

  const rows: Row[] = [];
  const stat = (c: Case, v: Variant, pick: (m: Measured) => number) => {
    const list = samples.get(c.name)?.get(v);
    return list ? median(list.map(pick)) : null;
  };
  for (const c of cases) {
    const row = (suffix: string, unit: string, better: Row['better'], pick: (m: Measured) => number) =>
      rows.push({
        name: c.name + suffix,
        unit,
        better,
        ours: stat(c, 'ours', pick),
        peer: stat(c, 'peer', pick),
        limit: stat(c, 'floor', pick),
      });
    row('', 'ops/s', 'higher', (m) => m.hz);
    if (c.kind === 'inflight') continue;
    row(' p50', 'µs', 'lower', (m) => m.p50);
    row(' p99', 'µs', 'lower', (m) => m.p99);
    const alloc: Record<Variant, number | null> = { ours: null, peer: null, floor: null };
    for (const v of variantsOf(c))
      alloc[v.label] = (await allocation(v.fn, c.allocBatch, allocBatches)) ?? null;
    rows.push({
      name: `${c.name} alloc`,
      unit: 'B/op',
      better: 'lower',
      ours: alloc.ours,
      peer: alloc.peer,
      limit: alloc.floor,
    });
    for (const part of c.floorParts ?? []) {
      rows.push({
        name: `${c.name} alloc, floor step: ${part.name}`,
        unit: 'B/op',
        better: 'lower',
        ours: null,
        peer: null,
        limit: (await allocation(part.fn, c.allocBatch, allocBatches)) ?? null,
      });
    }
  }
  if (selected('concurrent-refresh')) {
    const counts = await fx.concurrentRefresh();
    rows.push({
      name: 'concurrent-refresh (100 callers)',
      unit: 'token requests',
      better: 'lower',
      ours: counts.ours,
      peer: counts.peer,
      limit: 1,
    });
  }
  rows.push({
    name: 'session size (JSON)',
    unit: 'B',
    better: 'lower',
    ours: fx.sessionBytes,
    peer: fx.sessionBytes,
    limit: null,
  });
  await fx.close();

  const rounded = rows.map((r) => ({
    ...r,
    ours: round3(r.ours),
    peer: round3(r.peer),
    limit: round3(r.limit),
  }));
  // A partial run, or one of another build, must not pass for the record.
  if (!only && !process.env.BENCH_OURS) {
    writeFileSync(new URL('../results.json', import.meta.url), JSON.stringify(rounded, null, 2) + '\n');
  }
  console.log(table(rows));
  console.log(
    `\n${quick ? 'quick' : 'full'} run: ${rounds} interleaved rounds, medians; node ${process.version}, ` +
      `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** Whole numbers from 100 up, one decimal below: more digits than that are noise here. */
function round3(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

function fmt(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'µs') return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
  return Math.round(value).toLocaleString('en-US');
}

/** ours relative to another column, written so that above 1 always means ours is better. */
function ratio(row: Row, other: number | null): string {
  if (row.ours === null || other === null || !row.ours || !other) return '—';
  const r = row.better === 'higher' ? row.ours / other : other / row.ours;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;
}

/** A Markdown table: it prints readably and pastes into BENCHMARKS.md as it is. */
function table(rows: Row[]): string {
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

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
