import { PerformanceObserver } from 'node:perf_hooks';
import { Bench } from 'tinybench';

/** One operation under test; may be synchronous. */
export type Op = () => unknown;

/** What one variant (ours, the peer's or the floor) measured. */
export interface Measured {
  /** Operations per second. */
  hz: number;
  /** Median latency, microseconds. */
  p50: number;
  /** 99th-percentile latency, microseconds. */
  p99: number;
}

export interface HarnessOptions {
  /** Milliseconds each task runs per round. */
  timeMs: number;
  warmupMs: number;
}

/**
 * Runs the variants of one case once each, in the given order, with tinybench; the caller rotates
 * the order from round to round so no variant always runs first (or last) on a busy machine.
 */
export async function round(
  variants: readonly { label: string; fn: Op }[],
  options: HarnessOptions,
): Promise<Map<string, Measured>> {
  const bench = new Bench({
    time: options.timeMs,
    iterations: 8,
    warmupTime: options.warmupMs,
    warmupIterations: 4,
    throws: true,
  });
  for (const v of variants) {
    // Said up front: told nothing, tinybench calls the function once to see whether it returns a
    // promise and leaves that call running, unawaited, beside the measured ones (a refresh in flight
    // then shares its answer with a measured one, which then does no work of its own).
    const first = v.fn();
    const async = first instanceof Promise;
    if (async) await first;
    bench.add(v.label, v.fn, { async });
  }
  await bench.run();
  const out = new Map<string, Measured>();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    out.set(task.name, { hz: 1000 / r.latency.mean, p50: r.latency.p50 * 1000, p99: r.latency.p99 * 1000 });
  }
  return out;
}

/**
 * Throughput with `inFlight` operations outstanding at all times (a server under load): operations
 * completed per second of wall time. Latency is not meaningful here, so none is reported.
 */
export async function throughput(fn: Op, inFlight: number, timeMs: number): Promise<number> {
  let done = 0;
  const start = performance.now();
  const end = start + timeMs;
  const worker = async () => {
    while (performance.now() < end) {
      await fn();
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done / ((performance.now() - start) / 1000);
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

let collections = 0;
new PerformanceObserver((list) => (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] });
// gc entries arrive asynchronously: give them a moment before reading the count.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/**
 * Bytes allocated per operation: JS heap plus ArrayBuffer backing stores (Buffers made by native code
 * count), from `process.memoryUsage()` around a batch run between two forced collections. A batch in
 * which a collection ran is thrown away and retried smaller (`--min-semi-space-size` keeps that rare);
 * the result is the median of `batches` clean batches, less what the measuring loop
 * itself allocates per call (the same for every variant: see {@link loopAllocation}).
 * Needs `node --expose-gc`; `undefined` without it.
 */
export async function allocation(
  fn: Op,
  batch: number,
  batches = ALLOCATION_BATCHES,
): Promise<number | undefined> {
  if (!gc) return undefined;
  const loop = (await loopAllocation()) ?? 0;
  const clean: number[] = [];
  for (let n = batch, attempt = 0; clean.length < batches && attempt < 12; attempt++) {
    const bytes = await batchAllocation(fn, n);
    if (bytes === undefined) n = Math.max(4, n >> 1);
    else clean.push(bytes - loop);
  }
  return clean.length ? median(clean) : undefined;
}

/** Clean batches per measurement by default: one batch's figure moves by a few hundred bytes with JIT tiers. */
const ALLOCATION_BATCHES = 5;

let loopBytes: number | undefined;

/**
 * What {@link batchAllocation}'s loop allocates per call of a function that allocates nothing (the
 * `await` of its result): measured once and taken off every figure, so a variant's B/op is its own.
 */
async function loopAllocation(): Promise<number | undefined> {
  if (loopBytes === undefined) {
    const clean: number[] = [];
    for (let attempt = 0; clean.length < ALLOCATION_BATCHES && attempt < 12; attempt++) {
      const bytes = await batchAllocation(() => undefined, 1000);
      if (bytes !== undefined) clean.push(bytes);
    }
    if (clean.length) loopBytes = median(clean);
  }
  return loopBytes;
}

/** Bytes per call of `fn` over `n` calls, or `undefined` when a collection ran in between. */
async function batchAllocation(fn: Op, n: number): Promise<number | undefined> {
  if (!gc) return undefined;
  for (let i = 0; i < 4; i++) await fn();
  gc();
  await settle();
  const seen = collections;
  const before = process.memoryUsage();
  for (let i = 0; i < n; i++) await fn();
  const after = process.memoryUsage();
  await settle();
  if (collections !== seen) return undefined;
  const bytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  return bytes >= 0 ? bytes / n : undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}
