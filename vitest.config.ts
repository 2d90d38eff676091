import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the workspace packages by name; point those names at the sources so a test run needs no
// build. The packed-package test (packages/server/test/pack.test.ts) checks the built form separately.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      // Subpaths first: the bare name would also match them as a prefix.
      'auth0-server-ts/redis': fileURLToPath(
        new URL('./packages/server/src/redis/index.ts', import.meta.url),
      ),
      'auth0-server-ts/testing': fileURLToPath(
        new URL('./packages/server/src/testing/index.ts', import.meta.url),
      ),
      'auth0-server-ts': src('server'),
      'auth0-emulator': src('emulator'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'docs/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
