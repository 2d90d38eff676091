import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import {
  createSessionOwner,
  LocalLock,
  refreshed,
  type SessionCoordinator,
} from '../../src/session/index.js';
import { MemorySessionStore, MemoryStateStore, StatefulStateStore } from '../../src/stores/index.js';
import type { StateData, StateStore } from '../../src/types.js';
import { SECRET, setup } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { makeState } from '../helpers/state.js';

const ID = '__a0_session';

/** Runs `n` updates at once (each leaves the session as it is) and reports the most inside at the same time. */
async function overlap(
  update: (fn: (current: StateData | undefined) => Promise<StateData | undefined>) => Promise<unknown>,
  n = 4,
): Promise<number> {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: n }, () =>
      update(async (current) => {
        most = Math.max(most, ++inside);
        await sleep(10);
        inside--;
        return current;
      }),
    ),
  );
  return most;
}

/** A lock that runs one holder at a time per key for everyone who shares it, as a Redis lease would. */
function sharedLock() {
  const lock = new LocalLock();
  return <T>(key: string, fn: () => Promise<T>) => lock.run(key, fn);
}

/** A coordinator whose lock every owner given it shares: two owners are then two processes. */
function coordinatorWith(withLock: SessionCoordinator['withLock']): SessionCoordinator {
  return { withLock, share: async () => undefined, shared: async () => undefined };
}

describe('the session owner: update(fn) is the one write', () => {
  it('offers no other way to change the session: get, update, and back-channel logout only', () => {
    const owner = createSessionOwner({ store: new MemoryStateStore(), identifier: ID });
    expect(Object.keys(owner).sort()).toEqual(['deleteByLogoutToken', 'get', 'update']);
  });

  it('writes what fn returns, under the lock, and resolves to it', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState({ refreshToken: 'rt-0' }));
    const owner = createSessionOwner({ store, identifier: ID });
    const after = await owner.update((current) => current && { ...current, refreshToken: 'rt-1' });
    expect(after?.refreshToken).toBe('rt-1');
    expect((await store.get(ID))?.refreshToken).toBe('rt-1');
  });

  it('null ends the session (also when there is none: stale cookies go), and resolves to undefined', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState());
    const deleted = vi.spyOn(store, 'delete');
    const owner = createSessionOwner({ store, identifier: ID });
    expect(await owner.update(() => null)).toBeUndefined();
    expect(await store.get(ID)).toBeUndefined();
    await owner.update(() => null);
    expect(deleted).toHaveBeenCalledTimes(2);
  });

  it('current as it came, or undefined, writes nothing', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState());
    const written = vi.spyOn(store, 'set');
    const owner = createSessionOwner({ store, identifier: ID });
    const current = await owner.update((state) => state);
    expect(current?.internal.sid).toBe('sid-1');
    await owner.update(() => undefined);
    expect(written).not.toHaveBeenCalled();
  });

  it('a session with another internal.sid, or where there was none, is written as a new session', async () => {
    const store: StateStore = new MemoryStateStore();
    const set = vi.spyOn(store, 'set');
    const owner = createSessionOwner({ store, identifier: ID });
    await owner.update(() => makeState({ internal: { sid: 'first', createdAt: 1 } }));
    await owner.update((current) => current && { ...current, refreshToken: 'rotated' });
    await owner.update(() => makeState({ internal: { sid: 'second', createdAt: 1 } }));
    expect(set.mock.calls.map((call) => call[2])).toEqual([true, false, true]);
  });

  it('an error thrown by fn writes nothing', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState());
    const written = vi.spyOn(store, 'set');
    const owner = createSessionOwner({ store, identifier: ID });
    await expect(owner.update(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(written).not.toHaveBeenCalled();
  });

  it('a plain write the store refuses is a StoreError; a redeemed one is kept and returned', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState({ refreshToken: 'rt-0' }));
    store.set = () => Promise.reject(new Error('ECONNREFUSED'));
    const owner = createSessionOwner({ store, identifier: ID });
    await expect(owner.update((s) => s && { ...s, refreshToken: 'rt-1' })).rejects.toMatchObject({
      code: 'store_unavailable',
    });
    const answer = {
      tokens: { accessToken: 'at-2', expiresAt: 4_000_000_000, refreshToken: 'rt-2' },
      claims: undefined,
    };
    const after = await owner.update((s) => s && refreshed(s, answer, { audience: 'default' }));
    expect(after?.refreshToken).toBe('rt-2');
    // Kept in this process: every read here sees it.
    expect((await owner.get())?.refreshToken).toBe('rt-2');
  });

  it('gives each update the session as it is inside the lock', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState({ refreshToken: 'rt-0' }));
    const owner = createSessionOwner({ store, identifier: ID });
    const seen: (string | undefined)[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        owner.update(async (state) => {
          seen.push(state?.refreshToken);
          return state && { ...state, refreshToken: `rt-${n}` };
        }),
      ),
    );
    expect(seen).toEqual(['rt-0', 'rt-1', 'rt-2']);
  });

  it('reads a store outage as StoreError store_unavailable, never as no session', async () => {
    const store = new MemoryStateStore();
    store.get = () =>
      Promise.reject(Object.assign(new Error('ECONNREFUSED'), { command: { args: ['secret'] } }));
    const owner = createSessionOwner({ store, identifier: ID });
    const err = await owner.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'store_unavailable', retryable: true });
    // Only the backend's name and message travel with the error, not the command and its arguments.
    expect(JSON.stringify({ ...((err as Error).cause as object) })).not.toContain('secret');
    expect(((err as Error).cause as Error).message).toBe('ECONNREFUSED');
  });
});

// Each layer of the lock stack (docs/architecture.md), with what breaks without it.
describe('the lock stack of an update', () => {
  it("the owner's lock: updates of one session run one at a time in this process, with no other lock", async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState());
    const owner = createSessionOwner({ store, identifier: ID });
    expect(await overlap((fn) => owner.update(fn))).toBe(1);
  });

  it("the owner's lock: a StatefulStateStore over a backend without a lock needs no lock of its own", async () => {
    const store = new StatefulStateStore(
      { secret: SECRET, store: new MemorySessionStore() },
      new CookieJar(),
    );
    await store.set(ID, makeState());
    expect(store.withLock).toBeUndefined();
    const owner = createSessionOwner({ store, identifier: ID });
    expect(await overlap((fn) => owner.update(fn))).toBe(1);
  });

  it("the coordinator's lock: two processes' updates of one session run one at a time", async () => {
    // Stateless sessions: the store has no lock; only the coordinator reaches the other process.
    const store = new MemoryStateStore();
    await store.set(ID, makeState());
    const coordinator = coordinatorWith(sharedLock());
    const processes = [1, 2].map(() => createSessionOwner({ store, identifier: ID, coordinator }));
    let turn = 0;
    expect(await overlap((fn) => processes[turn++ % 2]!.update(fn))).toBe(1);
  });

  it("the store's lock: two processes' updates of one session run one at a time without a coordinator", async () => {
    const store: StateStore = new MemoryStateStore();
    await store.set(ID, makeState());
    const lock = sharedLock();
    store.withLock = (id, fn) => lock(id, fn);
    const processes = [1, 2].map(() => createSessionOwner({ store, identifier: ID }));
    let turn = 0;
    expect(await overlap((fn) => processes[turn++ % 2]!.update(fn))).toBe(1);
  });

  it('locks through the coordinator, keyed by the session id, when one is configured', async () => {
    const store = new MemoryStateStore();
    const state = makeState();
    await store.set(ID, state);
    const keys: string[] = [];
    const coordinator = coordinatorWith(async (key, fn) => {
      keys.push(key);
      return fn();
    });
    const owner = createSessionOwner({ store, identifier: ID, coordinator });
    await owner.update((current) => current);
    expect(keys).toEqual([`session:${state.internal.sid}`]);
  });

  it("takes the coordinator's lock, then the store's own, around each update and its write", async () => {
    const store: StateStore = new MemoryStateStore();
    await store.set(ID, makeState());
    const order: string[] = [];
    const around =
      (name: string) =>
      async <T>(_key: string, fn: () => Promise<T>) => {
        order.push(`${name}+`);
        try {
          return await fn();
        } finally {
          order.push(`${name}-`);
        }
      };
    store.withLock = around('store');
    const { set } = store;
    store.set = (...args) => {
      order.push('write');
      return set.apply(store, args);
    };
    const owner = createSessionOwner({
      store,
      identifier: ID,
      coordinator: coordinatorWith(around('coordinator')),
    });
    await owner.update((current) => current && { ...current, refreshToken: 'rotated' });
    expect(order).toEqual(['coordinator+', 'store+', 'write', 'store-', 'coordinator-']);
  });

  it('LocalLock: a failed holder does not block the next, and other keys do not wait', async () => {
    const lock = new LocalLock();
    const order: string[] = [];
    const failed = lock.run('a', async () => {
      await sleep(10);
      throw new Error('boom');
    });
    const next = lock.run('a', async () => void order.push('a-next'));
    const other = lock.run('b', async () => void order.push('b'));
    await expect(failed).rejects.toThrow('boom');
    await Promise.all([next, other]);
    expect(order).toEqual(['b', 'a-next']);
  });
});

describe('store outages at the ServerClient', () => {
  it('completeInteractiveLogin reports a transaction store outage as StoreError, not missing_transaction', async () => {
    const { client, tenant, transactionStore } = await setup();
    const url = await client.startInteractiveLogin();
    const callback = await tenant.authorize(url);
    transactionStore.get = () => Promise.reject(new Error('connection reset'));
    await expect(client.completeInteractiveLogin(callback)).rejects.toMatchObject({
      name: 'StoreError',
      code: 'store_unavailable',
    });
  });

  it('startInteractiveLogin reports a transaction store outage as StoreError', async () => {
    const { client, transactionStore } = await setup();
    transactionStore.set = () => Promise.reject(new Error('connection reset'));
    await expect(client.startInteractiveLogin()).rejects.toBeInstanceOf(StoreError);
  });
});
