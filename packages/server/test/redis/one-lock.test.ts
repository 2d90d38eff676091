import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { RedisCoordinator, RedisSessionStore } from '../../src/redis/index.js';
import { createSessionOwner } from '../../src/session/index.js';
import { StatefulStateStore } from '../../src/stores/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { makeState } from '../helpers/state.js';
import { cleanup, redisClient, uniquePrefix } from './helpers.js';

const SECRET = 'a-redis-store-secret-of-at-least-32-chars';
const ID = '__a0_session';

describe('a stateful Redis session with a RedisCoordinator', () => {
  const redis = redisClient();
  const prefix = uniquePrefix('one-lock');
  afterAll(async () => {
    await cleanup(redis, prefix);
    redis.disconnect();
  });

  async function owned() {
    const store = new StatefulStateStore(
      { secret: SECRET, store: new RedisSessionStore({ client: redis, secret: SECRET, prefix }) },
      new CookieJar(),
    );
    const coordinator = new RedisCoordinator({ client: redis, prefix });
    const owner = createSessionOwner({ store, identifier: ID, coordinator });
    const state = makeState({
      internal: { sid: `sid-${Math.random()}`, createdAt: Math.floor(Date.now() / 1000) },
    });
    await owner.update(() => state);
    return { owner, coordinator, state };
  }
  const locks = async (kind: 'c' | 's') => (await redis.keys(`${prefix}${kind}:*:lock`)).length;

  it("updates under the coordinator's lock and the store's fenced lock, and releases both", async () => {
    const { owner, coordinator, state } = await owned();
    let held: Record<string, number> = {};
    await owner.update(async (current) => {
      // The coordinator's lease fences the shared answer: sharing from inside works.
      await coordinator.share(`session:${state.internal.sid}`, 'answer', 'sealed', 30);
      held = { coordinator: await locks('c'), store: await locks('s') };
      return current;
    });
    expect(held).toEqual({ coordinator: 1, store: 1 });
    expect(await coordinator.shared(`session:${state.internal.sid}`, 'answer')).toBe('sealed');
    expect({ coordinator: await locks('c'), store: await locks('s') }).toEqual({ coordinator: 0, store: 0 });
  });

  it("a holder whose store lease was taken over writes nothing, although it still holds the coordinator's lock", async () => {
    const { owner, state } = await owned();
    const written = owner.update(async (current) => {
      // Another process took the session lock after this holder's lease ran out (a long pause).
      const [lock] = await redis.keys(`${prefix}s:*:lock`);
      await redis.set(lock!, 'another-holder:99', 'PX', 5_000);
      return current && { ...current, refreshToken: 'stale-rotated-token' };
    });
    await expect(written).rejects.toSatisfy(
      (err: unknown) => err instanceof StoreError && err.code === 'lock_timeout',
    );
    expect((await owner.get())?.refreshToken).toBe(state.refreshToken);
  });
});
