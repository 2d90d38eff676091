import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { BackchannelLogoutError } from '../errors/index.js';
import type { CookieHandler, StateStore } from '../types.js';
import { newBrowser, testCookies, type TestBrowser } from './browser.js';
import { id, rejects, state, type TestApi } from './shared.js';

/**
 * Makes a fresh state store for one test over the suite's cookie handler (a store that keeps
 * nothing in cookies ignores it).
 */
export type StateStoreFactory = (
  cookies: CookieHandler<TestBrowser>,
) => StateStore<TestBrowser> | Promise<StateStore<TestBrowser>>;

/**
 * What a state store offers beyond the common contract, so the suite checks it (or checks that
 * it refuses clearly).
 */
export interface StateStoreConformanceOptions {
  /**
   * Whether the server can find and end sessions (back-channel logout, a login that revokes the
   * previous session). Default `true`; `false` for cookie-only sessions, whose
   * `deleteByLogoutToken` must then throw `BackchannelLogoutError` `backchannel_logout_unsupported`.
   */
  backchannelLogout?: boolean;
  /**
   * Whether the store ends a session at its absolute lifetime (the session options'
   * `absoluteDuration`, default 3 days). Default `true`; only test stores say `false`.
   */
  lifetime?: boolean;
  /** A store whose backend cannot be reached: then `get` and `set` must throw, never read as "no session". */
  unreachable?: StateStoreFactory;
}

/**
 * Registers the `StateStore` contract (what the ServerClient's `stateStore` must do): a session
 * reads back as written, per identifier and per browser, and as a copy; a new login replaces the
 * previous session; `delete` ends it; unreadable cookies read as no session and never throw; no
 * token appears in clear in a cookie; the absolute lifetime ends a session; back-channel logout is
 * exact (or refused clearly); `withLock`, when offered, excludes; a backend outage is thrown.
 *
 * @example
 * ```ts
 * stateStoreConformance('StatefulStateStore over MySessionStore',
 *   (cookies) => new StatefulStateStore({ secret, store: new MySessionStore() }, cookies), { describe, it });
 * ```
 */
export function stateStoreConformance(
  name: string,
  factory: StateStoreFactory,
  { describe, it }: TestApi,
  options: StateStoreConformanceOptions = {},
): void {
  const { backchannelLogout = true, lifetime = true, unreachable } = options;
  const make = () => factory(testCookies);

  describe(`${name} keeps the StateStore contract`, () => {
    it('reads back a copy of what was written, and nothing before', async () => {
      const store = await make();
      const [browser, identifier, data] = [newBrowser(), `__a0_${id()}`, state('auth0|a', 'op-a')];
      assert.equal(await store.get(identifier, browser), undefined);
      await store.set(identifier, data, false, browser);
      const read = await store.get(identifier, browser);
      assert.deepEqual(read, data);
      if (read) read.refreshToken = 'changed';
      assert.equal((await store.get(identifier, browser))?.refreshToken, data.refreshToken);
      const next = { ...data, refreshToken: 'rt-rotated' };
      await store.set(identifier, next, false, browser);
      assert.equal((await store.get(identifier, browser))?.refreshToken, 'rt-rotated');
    });

    it('keeps the sessions of two identifiers apart', async () => {
      const store = await make();
      const browser = newBrowser();
      const [one, two] = [`__a0_${id()}`, `__a0_${id()}`];
      await store.set(one, state('auth0|one', 'op-1'), false, browser);
      await store.set(two, state('auth0|two', 'op-2'), false, browser);
      assert.equal((await store.get(one, browser))?.user?.sub, 'auth0|one');
      assert.equal((await store.get(two, browser))?.user?.sub, 'auth0|two');
      await store.delete(one, browser);
      assert.equal(await store.get(one, browser), undefined);
      assert.equal((await store.get(two, browser))?.user?.sub, 'auth0|two');
    });

    it('delete ends the session, and deleting none is no error', async () => {
      const store = await make();
      const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
      await store.delete(identifier, browser);
      await store.set(identifier, state('auth0|d', 'op-d'), false, browser);
      await store.delete(identifier, browser);
      assert.equal(await store.get(identifier, browser), undefined);
    });

    it('reads a tampered or foreign cookie as no session, without throwing', async () => {
      const store = await make();
      const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
      for (const name of [identifier, `${identifier}.0`, `${identifier}.1`]) {
        browser.cookies.set(name, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC');
      }
      assert.equal(await store.get(identifier, browser), undefined);
    });

    it('puts no token in clear into a cookie', async () => {
      const store = await make();
      const [browser, identifier, data] = [newBrowser(), `__a0_${id()}`, state('auth0|c', 'op-c')];
      await store.set(identifier, data, false, browser);
      const cookies = [...browser.cookies.values()].join('\n');
      for (const secret of [data.refreshToken, data.idToken, data.tokenSets[0]?.accessToken]) {
        if (secret) assert.ok(!cookies.includes(secret), 'a token is readable in a cookie');
      }
    });

    if (backchannelLogout) {
      it('a new login (removeIfExists) leaves nothing of the previous session to a copy of its cookies', async () => {
        const store = await make();
        const [browser, identifier, old] = [newBrowser(), `__a0_${id()}`, state('auth0|n', 'op-old')];
        await store.set(identifier, old, false, browser);
        const planted = { cookies: new Map(browser.cookies) };
        await store.set(identifier, state('auth0|n', 'op-new'), true, browser);
        assert.equal((await store.get(identifier, browser))?.user?.['sid'], 'op-new');
        assert.notEqual((await store.get(identifier, planted))?.refreshToken, old.refreshToken);
      });

      it('deleteByLogoutToken ends exactly the sessions its sid or sub names', async () => {
        const store = await make();
        const browser = newBrowser();
        const sub = `auth0|${id()}`;
        const [a, b, c] = [`__a0_${id()}`, `__a0_${id()}`, `__a0_${id()}`];
        await store.set(a, state(sub, `${a}-op`), false, browser);
        await store.set(b, state(sub, `${b}-op`), false, browser);
        await store.set(c, state(`auth0|${id()}`, `${c}-op`), false, browser);
        await store.deleteByLogoutToken({ sid: `${a}-op` }, browser);
        assert.equal(await store.get(a, browser), undefined);
        assert.notEqual(await store.get(b, browser), undefined);
        await store.deleteByLogoutToken({ sub }, browser);
        assert.equal(await store.get(b, browser), undefined);
        assert.notEqual(await store.get(c, browser), undefined, 'another user keeps their session');
      });
    } else {
      it('refuses back-channel logout clearly, as it cannot find sessions', async () => {
        const store = await make();
        await rejects(
          store.deleteByLogoutToken({ sub: 'auth0|x' }, newBrowser()),
          (err) => err instanceof BackchannelLogoutError && err.code === 'backchannel_logout_unsupported',
        );
      });
    }

    if (lifetime) {
      it('a session past its absolute lifetime reads as none', async () => {
        const store = await make();
        const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
        const ancient = state('auth0|old', 'op-old');
        ancient.internal.createdAt -= 10 * 365 * 24 * 3600;
        await store.set(identifier, ancient, false, browser);
        assert.equal(await store.get(identifier, browser), undefined);
      });
    }

    it('withLock, when offered, runs one holder at a time per session and frees the lock after a failure', async () => {
      const store = await make();
      const withLock = store.withLock?.bind(store);
      if (!withLock) return;
      const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
      await store.set(identifier, state('auth0|l', 'op-l'), false, browser);
      let inside = 0;
      let most = 0;
      const hold = () =>
        withLock(
          identifier,
          async () => {
            most = Math.max(most, ++inside);
            await sleep(20);
            inside--;
          },
          browser,
        );
      await Promise.all([hold(), hold(), hold()]);
      assert.equal(most, 1);
      await rejects(
        withLock(identifier, () => Promise.reject(new Error('boom')), browser),
        (err) => err instanceof Error && err.message === 'boom',
      );
      assert.equal(await withLock(identifier, async () => 'free', browser), 'free');
    });

    if (unreachable) {
      it('throws when its backend cannot be reached, never reads that as no session', async () => {
        const store = await unreachable(testCookies);
        const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
        await rejects(store.set(identifier, state('auth0|u', 'op-u'), false, browser));
        // A browser that holds a session cookie from before the outage.
        const healthy = await make();
        await healthy.set(identifier, state('auth0|u', 'op-u'), false, browser);
        await rejects(store.get(identifier, browser));
      }, 20_000);
    }
  });
}
