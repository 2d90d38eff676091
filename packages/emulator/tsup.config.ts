import { defineConfig } from 'tsup';

export default defineConfig({
  // `testing` is the cookie jar alone: nothing Node-only, for the runtimes that play the browser.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', testing: 'src/testing/cookie-jar.ts' },
  format: ['esm'],
  target: 'node20',
  dts: { entry: { index: 'src/index.ts', testing: 'src/testing/cookie-jar.ts' } },
  sourcemap: true,
  clean: true,
});
