import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { KeptRefreshes } from '../../src/session/kept-refresh.js';
import { LocalLock, refreshed } from '../../src/session/index.js';
import type { StateData } from '../../src/types.js';
import { makeState } from '../helpers/state.js';

const QUERY = { audience: 'https://api.example.com' };

/** One session in a store that can refuse writes, behind the lock an owner would take, and a clock. */
function host(initial: StateData | undefined = makeState({ refreshToken: 'rt-0' })) {
  const lock = new LocalLock();
  const world: { stored: StateData | undefined; down: boolean; writes: number; now: number } = {
    stored: initial,
    down: true,
    writes: 0,
    now: 1_000_000,
  };
  const kept = new KeptRefreshes<undefined>({
    locked: (sid, fn) => lock.run(sid, fn),
    read: async () => world.stored && structuredClone(world.stored),
    write: async (_stored, next) => {
      if (world.down) throw new Error('ECONNREFUSED');
      world.writes++;
      world.stored = structuredClone(next);
    },
    now: () => world.now,
  });
  return { world, kept };
}

/** A refresh of `state` whose answer rotates the refresh token to `rt`. */
function refreshOf(state: StateData, rt: string) {
  const tokens = { accessToken: `at-${rt}`, expiresAt: 4_000_000_000, refreshToken: rt };
  return refreshed(state, { tokens, claims: undefined }, QUERY);
}

/** Waits until `done()` holds, checking every 20 ms, for at most `ms`. */
async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await sleep(20);
  }
}

describe('KeptRefreshes: a refreshed session the store would not take', () => {
  it('is seen by every read of that session, filed into the session as the store has it', () => {
    const { world, kept } = host();
    const stored = world.stored!;
    expect(kept.keep(stored, refreshOf(stored, 'rt-1'), undefined)).toBe(true);
    // The store gained another token set meanwhile (another process): the refresh is filed on top.
    const moved = { ...stored, tokenSets: [...stored.tokenSets, { ...stored.tokenSets[0]!, audience: 'b' }] };
    const seen = kept.seen(moved, undefined);
    expect(seen?.refreshToken).toBe('rt-1');
    expect(seen?.tokenSets.map((t) => t.accessToken)).toContain('at-rt-1');
    expect(seen?.tokenSets.map((t) => t.audience)).toContain('b');
  });

  it('is written by the background retry once the store answers, then forgotten', async () => {
    const { world, kept } = host();
    kept.keep(world.stored!, refreshOf(world.stored!, 'rt-1'), undefined);
    world.down = false;
    await until(() => world.writes === 1);
    expect(world.stored?.refreshToken).toBe('rt-1');
    expect(kept.size).toBe(0);
  });

  it('is written first by the next update (settle), inside the lock', async () => {
    const { world, kept } = host();
    kept.keep(world.stored!, refreshOf(world.stored!, 'rt-1'), undefined);
    world.down = false;
    const current = await kept.settle(world.stored, undefined);
    expect(current?.refreshToken).toBe('rt-1');
    expect(world.stored?.refreshToken).toBe('rt-1');
    expect(kept.size).toBe(0);
  });

  it('chains: a refresh of a kept session keeps the store’s token as its base and both answers', async () => {
    const { world, kept } = host();
    const first = refreshOf(world.stored!, 'rt-1');
    kept.keep(world.stored!, first, undefined);
    // This process refreshed again from the kept session (rt-1); the store still holds rt-0.
    kept.keep(first.session, refreshOf(first.session, 'rt-2'), undefined);
    expect(kept.size).toBe(1);
    expect(kept.seen(world.stored, undefined)?.refreshToken).toBe('rt-2');
    world.down = false;
    await until(() => world.stored?.refreshToken === 'rt-2');
  });

  it('is never written back over a session that ended meanwhile', async () => {
    const { world, kept } = host();
    kept.keep(world.stored!, refreshOf(world.stored!, 'rt-1'), undefined);
    world.stored = undefined;
    world.down = false;
    await until(() => kept.size === 0);
    expect(world.writes).toBe(0);
    expect(world.stored).toBeUndefined();
  });

  it('is forgotten once the store holds a later token, or a new login', () => {
    const { world, kept } = host();
    kept.keep(world.stored!, refreshOf(world.stored!, 'rt-1'), undefined);
    const elsewhere = { ...world.stored!, refreshToken: 'rt-from-another-process' };
    expect(kept.seen(elsewhere, undefined)).toBe(elsewhere);
    expect(kept.size).toBe(0);
  });

  it('is given up an hour after it was kept', () => {
    const { world, kept } = host();
    kept.keep(world.stored!, refreshOf(world.stored!, 'rt-1'), undefined);
    world.now += 60 * 60 * 1000 - 1;
    expect(kept.seen(world.stored, undefined)?.refreshToken).toBe('rt-1');
    world.now += 1;
    expect(kept.seen(world.stored, undefined)?.refreshToken).toBe('rt-0');
    expect(kept.size).toBe(0);
  });
});
