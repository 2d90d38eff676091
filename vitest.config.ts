import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the workspace packages by name; point those names at the sources so a test run needs no
// build. The packed-package test (packages/server/test/package/packed.test.ts) checks the built form
// separately.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^auth0-server-ts\/(express|fastify|web)$/,
        replacement: fileURLToPath(new URL('./packages/server/src/adapters/$1.ts', import.meta.url)),
      },
      {
        find: /^auth0-server-ts\/(redis|testing)$/,
        replacement: fileURLToPath(new URL('./packages/server/src/$1/index.ts', import.meta.url)),
      },
      {
        find: /^auth0-emulator\/testing$/,
        replacement: fileURLToPath(new URL('./packages/emulator/src/testing/cookie-jar.ts', import.meta.url)),
      },
      { find: /^auth0-server-ts$/, replacement: src('server') },
      { find: /^auth0-emulator$/, replacement: src('emulator') },
      { find: /^auth0-test-kit$/, replacement: src('test-kit') },
    ],
  },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'docs/**/*.test.ts',
      'bench/test/**/*.test.ts',
    ],
    // Starts a private Redis and a Redis Cluster for the run (and checks the prerequisites): tests get
    // their ports from the environment (test/services.ts).
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 20_000,
    // The fault matrix (describe.concurrent) mostly waits on injected hangs: let more cells wait at once.
    maxConcurrency: 12,
    hookTimeout: 30_000,
    // Test files share a worker and its module cache: a fresh process per file re-imported
    // oidc-provider, jose and the SDK 104 times (about half the CPU time of a run). What a file changes
    // globally (fake timers, stubbed globals and environment variables) is put back by the setup file
    // below, and spies by vitest itself; only a file that resets the module cache must undo that.
    // Threads start faster than forks; the multi-process tests fork their own.
    pool: 'threads',
    isolate: false,
    setupFiles: ['./test/restore-globals.ts'],
    // Most tests wait on loopback HTTP, Redis or a child process rather than the CPU, so twice as many
    // workers as cores overlap those waits (vitest's default on two cores is one). On this 2-core
    // machine, quiet: 67 s with 2 workers, 50 s with 3, 44 s with 4.
    maxWorkers: Math.max(4, availableParallelism() * 2),
  },
});
