import type { Case, Label } from './cases.js';
import type { Op } from './harness.js';

/** One variant of a case as the run measures it: its op, wrapped to count its calls. */
export interface Variant {
  label: Label;
  fn: Op;
  calls: { n: number };
}

export function variantsOf(c: Case): Variant[] {
  const all: { label: Label; fn: Op | undefined }[] = [
    { label: 'ours', fn: c.ours },
    { label: 'peer', fn: c.peer },
    { label: 'floor', fn: c.floor },
    ...(c.designs ?? []),
  ];
  return all.flatMap(({ label, fn }) => {
    if (!fn) return [];
    const calls = { n: 0 };
    return [{ label, fn: () => (calls.n++, fn()), calls }];
  });
}

/**
 * Runs `measure` and checks the work it did where the case counts it (token requests at the fake,
 * GETs at Redis): each call of a counted variant must have added `perCall`, or the run fails.
 */
export async function accounted<T>(
  c: Case,
  variants: readonly Variant[],
  measure: () => Promise<T>,
): Promise<T> {
  const counted = c.counted;
  if (!counted) return measure();
  const by = variants.filter((v) => counted.by.includes(v.label));
  const calls = () => by.reduce((sum, v) => sum + v.calls.n, 0);
  const [before, callsBefore] = [await counted.count(), calls()];
  const out = await measure();
  const made = calls() - callsBefore;
  const got = (await counted.count()) - before;
  const want = made * counted.perCall;
  if (counted.exact ? got !== want : got < want) {
    throw new Error(
      `${c.name}: ${made} calls should have made ${counted.exact ? '' : 'at least '}${want} ${counted.what}; counted ${got}`,
    );
  }
  return out;
}

/** Each variant's op, once, outside the timing: it must have done the case's work. */
export async function verify(c: Case, variants: readonly Variant[]): Promise<void> {
  for (const v of variants) {
    if (!(await c.verify(v.label))) throw new Error(`${c.name}: ${v.label} did not do the work`);
  }
}
