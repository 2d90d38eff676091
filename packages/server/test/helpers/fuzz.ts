/** Cases per fast-check target: `FUZZ_RUNS` (soak) or the CI default of 10,000. */
export function fuzzRuns(): number {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  if (!Number.isInteger(runs) || runs < 1) throw new TypeError('FUZZ_RUNS must be a positive integer');
  return runs;
}

/**
 * How much longer one call takes on an input `large / small` times bigger: ~ that factor for linear
 * work, its square for quadratic. Each size is timed as the best of several batches (>= 20 ms each, so
 * timer resolution washes out), and the two sizes' batches alternate: a busy spell of the machine
 * then slows batches of both sizes rather than all of one (timed one size after the other, a loaded
 * run once measured a linear parser at 44).
 */
export async function growthRatio(
  make: (size: number) => () => unknown,
  small: number,
  large: number,
): Promise<number> {
  const calls = { small: make(small), large: make(large) };
  await calls.small();
  await calls.large();
  const best = { small: Infinity, large: Infinity };
  const batch = async (size: 'small' | 'large') => {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < 20) {
      await calls[size]();
      count += 1;
    }
    best[size] = Math.min(best[size], (performance.now() - start) / count);
  };
  for (let round = 0; round < 8; round++) {
    await batch('large');
    await batch('small');
  }
  return best.large / best.small;
}

/**
 * Requests for the emulator-over-loopback target: `FUZZ_EMULATOR_RUNS`, else `FUZZ_RUNS`, else 2,000.
 * Each case is a real HTTP exchange with oidc-provider behind it (3-8 ms on a busy 2-core machine), so
 * the CI default is smaller than the in-process targets' 10,000; the soak run sends far more.
 */
export function emulatorFuzzRuns(): number {
  const runs = Number(process.env.FUZZ_EMULATOR_RUNS ?? process.env.FUZZ_RUNS ?? 2_000);
  if (!Number.isInteger(runs) || runs < 1)
    throw new TypeError('FUZZ_EMULATOR_RUNS must be a positive integer');
  return runs;
}
