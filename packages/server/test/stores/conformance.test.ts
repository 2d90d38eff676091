import { describe, expect, it, vi } from 'vitest';
import { ReplayCache } from '../../src/lib/replay-cache.js';
import {
  CookieTransactionStore,
  MemorySessionStore,
  MemoryStateStore,
  MemoryTransactionStore,
  StatefulStateStore,
  StatelessStateStore,
  type SessionStore,
} from '../../src/stores/index.js';
import {
  replayStoreConformance,
  sessionStoreConformance,
  stateStoreConformance,
  transactionStoreConformance,
} from '../../src/testing/index.js';

const secret = 'a-conformance-secret-of-at-least-32-chars';
const api = { describe, it };

/** A session backend whose every call fails, as one behind a network outage does. */
function unreachableBackend(): SessionStore {
  const down = () => Promise.reject(new Error('ECONNREFUSED'));
  return { get: down, set: down, update: down, delete: down, deleteByLogoutToken: down };
}

// MemorySessionStore reads the process's clock: its TTL test moves a fake one instead of waiting.
const clock = {
  advance: (ms: number) => void vi.setSystemTime(Date.now() + ms),
  reset: () => void vi.useRealTimers(),
};
sessionStoreConformance('MemorySessionStore', () => new MemorySessionStore(), api, { clock });
transactionStoreConformance('MemoryTransactionStore', () => new MemoryTransactionStore(), api);
transactionStoreConformance(
  'CookieTransactionStore',
  (cookies) => new CookieTransactionStore({ secret }, cookies),
  api,
);
replayStoreConformance('the default replay cache', () => new ReplayCache(), api);

stateStoreConformance('MemoryStateStore', () => new MemoryStateStore(), api, { lifetime: false });
stateStoreConformance('StatelessStateStore', (cookies) => new StatelessStateStore({ secret }, cookies), api, {
  backchannelLogout: false,
});
stateStoreConformance(
  'StatefulStateStore over MemorySessionStore',
  (cookies) => new StatefulStateStore({ secret, store: new MemorySessionStore() }, cookies),
  api,
  { unreachable: (cookies) => new StatefulStateStore({ secret, store: unreachableBackend() }, cookies) },
);

describe('sessionStoreConformance on a store without update', () => {
  /** The suite's "update" test for a MemorySessionStore that lacks update, and what its context saw. */
  function updateTest(options: { sharedByInstances?: boolean }) {
    const tests = new Map<string, (context?: unknown) => Promise<void>>();
    const recorder = { describe: (_: string, fn: () => void) => fn(), it: tests.set.bind(tests) };
    const withoutUpdate = () => Object.assign(new MemorySessionStore(), { update: undefined });
    sessionStoreConformance('NoUpdateStore', withoutUpdate, recorder, options);
    const test = [...tests].find(([title]) => title.startsWith('update '))?.[1];
    if (!test) throw new Error('the suite has no update test');
    const skipped: string[] = [];
    return { run: () => test({ skip: (note: string) => skipped.push(note) }), skipped };
  }

  it('skips the update test, saying why, for a store one instance uses', async () => {
    const { run, skipped } = updateTest({});
    await run();
    expect(skipped).toEqual([
      'NoUpdateStore has no update (optional for a store that one instance uses alone)',
    ]);
  });

  it('fails the update test for a store meant for several instances', async () => {
    const { run, skipped } = updateTest({ sharedByInstances: true });
    await expect(run()).rejects.toThrow(/meant for several instances, so it must offer update/);
    expect(skipped).toEqual([]);
  });
});
