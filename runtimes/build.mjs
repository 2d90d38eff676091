// Compiles the suite for the runtimes: every file one-to-one into dist/ (Node, Bun and Deno import the
// built SDK from node_modules, as an app would), and the worker as one ES module bundle for workerd.
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';

const sources = readdirSync('src', { recursive: true })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/${file}`);

await build({
  entryPoints: sources,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
});

await build({
  entryPoints: ['src/entries/worker.ts'],
  outfile: 'dist/worker.bundle.js',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['workerd', 'worker', 'browser'],
  // What a Workers app's bundler (wrangler uses esbuild) would warn about is an error here.
  logOverride: { 'ignored-bare-import': 'error' },
  target: 'es2022',
  logLevel: 'warning',
});
