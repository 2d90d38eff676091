/** Cases per fast-check target: `FUZZ_RUNS` (soak) or the CI default of 10,000. */
export function fuzzRuns(): number {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  if (!Number.isInteger(runs) || runs < 1) throw new TypeError('FUZZ_RUNS must be a positive integer');
  return runs;
}

/**
 * How much longer one call takes on an input `large / small` times bigger: ~ that factor for linear
 * work, its square for quadratic. Each size is timed as the best of several batches, each batch long
 * enough (>= 20 ms) that timer resolution and a busy machine's pauses wash out.
 */
export async function growthRatio(
  make: (size: number) => () => unknown,
  small: number,
  large: number,
): Promise<number> {
  const perCall = async (size: number) => {
    const call = make(size);
    await call();
    let best = Infinity;
    for (let batch = 0; batch < 5; batch++) {
      let calls = 0;
      const start = performance.now();
      while (performance.now() - start < 20) {
        await call();
        calls += 1;
      }
      best = Math.min(best, (performance.now() - start) / calls);
    }
    return best;
  };
  return (await perCall(large)) / (await perCall(small));
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
