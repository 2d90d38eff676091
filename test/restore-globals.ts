// Vitest setup file, run before every test file. Test files share workers and their globals
// (`isolate: false` in vitest.config.ts), so what a test changes process-wide is put back here rather
// than by hand in each file: the real timers and clock after every test (`vi.useFakeTimers`), stubbed
// globals and environment variables after every file (`vi.stubGlobal`, `vi.stubEnv`; a file may stub
// them in `beforeAll` for all its tests, which vitest's own `unstubGlobals` would undo before each).
import { afterAll, afterEach, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
