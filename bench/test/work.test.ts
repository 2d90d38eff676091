import { describe, expect, it } from 'vitest';
import type { Case } from '../src/cases.js';
import { round } from '../src/harness.js';
import { accounted, variantsOf, verify } from '../src/work.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A case whose ours does counted work: `skip(n)` says whether call n skips it. */
function countedCase(skip: (n: number) => boolean) {
  let served = 0;
  let n = 0;
  const c: Case = {
    name: 'counted',
    kind: 'ops',
    ours: async () => {
      await tick();
      if (!skip(n++)) served++;
    },
    allocBatch: 1,
    verify: async () => true,
    counted: { what: 'requests at the server', by: ['ours'], perCall: 1, exact: true, count: () => served },
  };
  return c;
}

describe('the work a case must do', () => {
  it('passes a measurement in which every call did its work', async () => {
    const c = countedCase(() => false);
    const variants = variantsOf(c);
    await accounted(c, variants, async () => {
      for (let i = 0; i < 5; i++) await variants[0]!.fn();
    });
    expect(variants[0]!.calls.n).toBe(5);
  });

  it('fails a measurement in which one call skipped the work', async () => {
    const c = countedCase((n) => n === 3);
    const variants = variantsOf(c);
    await expect(
      accounted(c, variants, async () => {
        for (let i = 0; i < 5; i++) await variants[0]!.fn();
      }),
    ).rejects.toThrow('counted: 5 calls should have made 5 requests at the server; counted 4');
  });

  it('fails a variant whose result shows no work', async () => {
    const c: Case = {
      name: 'read',
      kind: 'ops',
      ours: () => undefined,
      floor: () => ({}),
      allocBatch: 1,
      verify: async (variant) => variant === 'ours',
    };
    await expect(verify(c, variantsOf(c))).rejects.toThrow('read: floor did not do the work');
  });

  it('round() runs one call at a time: none left running beside the measured ones', async () => {
    let running = 0;
    let most = 0;
    let served = 0;
    const c: Case = {
      name: 'round',
      kind: 'ops',
      ours: async () => {
        most = Math.max(most, ++running);
        await tick();
        served++;
        running--;
      },
      allocBatch: 1,
      verify: async () => true,
      counted: { what: 'calls served', by: ['ours'], perCall: 1, exact: true, count: () => served },
    };
    const variants = variantsOf(c);
    await accounted(c, variants, () => round(variants, { timeMs: 20, warmupMs: 5 }));
    expect(most).toBe(1);
  });
});
