import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { createSessionOwner, LocalLock, type SessionCoordinator } from '../../src/session/index.js';
import { MemoryStateStore } from '../../src/stores/index.js';
import type { StateStore } from '../../src/types.js';
import { setup } from '../helpers/client.js';
import { makeState } from '../helpers/state.js';

const ID = '__a0_session';

/** Runs `n` updates at once and reports the most that were inside at the same time. */
async function overlap(update: (fn: () => Promise<void>) => Promise<void>, n = 4): Promise<number> {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: n }, () =>
      update(async () => {
        most = Math.max(most, ++inside);
        await sleep(10);
        inside--;
      }),
    ),
  );
  return most;
}

describe('the session owner', () => {
  it('runs the updates of one session one at a time, also when the store has no lock', async () => {
    const store = new MemoryStateStore();
    await store.set(ID, makeState());
    const owner = createSessionOwner({ store, identifier: ID });
    expect(await overlap((fn) => owner.update(fn))).toBe(1);
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
          if (state) await owner.set({ ...state, refreshToken: `rt-${n}` });
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

  it('locks through the coordinator, keyed by the session id, when one is configured', async () => {
    const store = new MemoryStateStore();
    const state = makeState();
    await store.set(ID, state);
    const keys: string[] = [];
    const coordinator: SessionCoordinator = {
      withLock: async (key, fn) => {
        keys.push(key);
        return fn();
      },
      share: async () => undefined,
      shared: async () => undefined,
    };
    const owner = createSessionOwner({ store, identifier: ID, coordinator });
    await owner.update(async () => undefined);
    expect(keys).toEqual([`session:${state.internal.sid}`]);
  });

  it("takes the coordinator's lock, then the store's own, around each update", async () => {
    const store: StateStore = new MemoryStateStore();
    await store.set(ID, makeState());
    const order: string[] = [];
    store.withLock = async <T>(_id: string, fn: () => Promise<T>) => {
      order.push('store+');
      try {
        return await fn();
      } finally {
        order.push('store-');
      }
    };
    const coordinator: SessionCoordinator = {
      withLock: async (_key, fn) => {
        order.push('coordinator+');
        try {
          return await fn();
        } finally {
          order.push('coordinator-');
        }
      },
      share: async () => undefined,
      shared: async () => undefined,
    };
    const owner = createSessionOwner({ store, identifier: ID, coordinator });
    await owner.update(async () => void order.push('update'));
    expect(order).toEqual(['coordinator+', 'store+', 'update', 'store-', 'coordinator-']);
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
