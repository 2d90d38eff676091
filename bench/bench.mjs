// `npm run bench [-- options]`: with --check, compares BENCHMARKS.md with bench/results.json and
// exits 1 when they disagree (no build, no run); otherwise builds what is stale (prepare.mjs) and runs
// the benchmark with the flags its allocation figures need.
import { spawnSync } from 'node:child_process';
import { check } from './results.mjs';

const args = process.argv.slice(2);
if (args.includes('--check')) {
  process.exitCode = check(
    new URL('../BENCHMARKS.md', import.meta.url),
    new URL('results.json', import.meta.url),
  )
    ? 0
    : 1;
} else {
  await import('./prepare.mjs');
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      // A young generation of 64 MiB from the start, so an allocation batch runs without a scavenge.
      '--max-semi-space-size=64',
      '--min-semi-space-size=64',
      new URL('dist/run.js', import.meta.url).pathname,
      ...args,
    ],
    { stdio: 'inherit' },
  );
  process.exitCode = run.status ?? 1;
}
