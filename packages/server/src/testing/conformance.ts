import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../errors/store-error.js';
import type { SessionCoordinator } from '../session/coordinator.js';
import type { SessionStore } from '../stores/session-store.js';
import { MAX_PENDING_LOGINS, TransactionBinding } from '../stores/transaction-binding.js';
import type { CookieHandler, ReplayStore, TransactionData, TransactionStore } from '../types.js';
import { newBrowser, testCookies, type TestBrowser } from './browser.js';
import { id, rejects, skip, state, type StoreFactory, type TestApi, type TestClock } from './shared.js';

/** Options of {@link sessionStoreConformance}. */
export interface SessionStoreConformanceOptions {
  /** A store whose backend cannot be reached: an outage must be thrown, never read as no session. */
  unreachable?: StoreFactory<SessionStore>;
  /**
   * The store is meant to be shared by several app instances (Redis, a database): it must offer
   * `update`, since with `set` alone a write racing a logout on another instance brings the session
   * back. Default `false`: a store without `update` has that test skipped, with the reason.
   */
  sharedByInstances?: boolean;
  /**
   * Lets time pass on a fake clock in the TTL test, for a store that reads the process's clock (a
   * server-side TTL, as Redis keeps, needs the default: real waits, with a second and more of room).
   */
  clock?: TestClock;
}

/**
 * Registers the {@link SessionStore} contract: reads give back what was written (as copies), the TTL
 * ends a session, `update` never recreates a deleted session, back-channel logout by `sid` and by
 * `sub` is exact, and `withLock` (when the store has it) excludes concurrent holders. With
 * `unreachable` (a store whose backend cannot be reached), an outage is thrown, never read as no session.
 *
 * @example
 * ```ts
 * sessionStoreConformance('MySqlSessionStore', () => new MySqlSessionStore(pool), { describe, it });
 * ```
 */
export function sessionStoreConformance(
  name: string,
  factory: StoreFactory<SessionStore>,
  { describe, it }: TestApi,
  options: SessionStoreConformanceOptions = {},
): void {
  const { unreachable, sharedByInstances = false, clock } = options;
  describe(`${name} keeps the SessionStore contract`, () => {
    it('get returns a copy of what set stored, and undefined for an unknown id', async () => {
      const store = await factory();
      const [key, data] = [id(), state('auth0|a', 'op-a')];
      await store.set(key, data, 60);
      const read = await store.get(key);
      assert.deepEqual(read, data);
      if (read) read.refreshToken = 'changed';
      assert.equal((await store.get(key))?.refreshToken, data.refreshToken);
      assert.equal(await store.get(id()), undefined);
    });

    it('a session is gone once its ttl has passed, and a write restarts the ttl', async () => {
      const store = await factory();
      const key = id();
      const elapse = (ms: number) => (clock ? clock.advance(ms) : sleep(ms));
      // Each wait runs from the end of the call before it, so a slow machine only makes a read later:
      // "past the first ttl" and "gone" cannot fail for that, and the write and the read in between
      // each have 1.7 s of room.
      try {
        await store.set(key, state('auth0|t', 'op-t'), 2);
        await elapse(300);
        if (store.update) assert.equal(await store.update(key, state('auth0|t', 'op-t'), 4), true);
        else await store.set(key, state('auth0|t', 'op-t'), 4);
        await elapse(2_200);
        assert.notEqual(await store.get(key), undefined, 'the write restarted the ttl');
        await elapse(2_000);
        assert.equal(await store.get(key), undefined);
      } finally {
        await clock?.reset();
      }
    }, 30_000);

    it('update replaces an existing session and never brings back a deleted one', async (context?: unknown) => {
      const store = await factory();
      if (!store.update) {
        assert.ok(
          !sharedByInstances,
          `${name} is meant for several instances, so it must offer update: with set alone, a write racing a logout on another instance brings the session back`,
        );
        return skip(context, `${name} has no update (optional for a store that one instance uses alone)`);
      }
      const key = id();
      assert.equal(await store.update(key, state('auth0|u', 'op-u'), 60), false);
      assert.equal(await store.get(key), undefined);
      await store.set(key, state('auth0|u', 'op-u'), 60);
      const next = state('auth0|u', 'op-u', { refreshToken: 'rt-next' });
      assert.equal(await store.update(key, next, 60), true);
      assert.equal((await store.get(key))?.refreshToken, 'rt-next');
      await store.delete(key);
      assert.equal(await store.update(key, next, 60), false);
      assert.equal(await store.get(key), undefined);
    });

    it('deleteByLogoutToken with sid ends exactly that session', async () => {
      const store = await factory();
      const sub = `auth0|${id()}`;
      const [one, two] = [id(), id()];
      await store.set(one, state(sub, `${one}-op`), 60);
      await store.set(two, state(sub, `${two}-op`), 60);
      await store.deleteByLogoutToken({ sid: `${one}-op` });
      assert.equal(await store.get(one), undefined);
      assert.notEqual(await store.get(two), undefined);
      await store.deleteByLogoutToken({ sid: `${two}-op`, sub: 'auth0|someone-else' });
      assert.notEqual(await store.get(two), undefined, 'sid and sub must both match');
    });

    it('deleteByLogoutToken with sub ends every session of that user and no other', async () => {
      const store = await factory();
      const [sub, other] = [`auth0|${id()}`, `auth0|${id()}`];
      const [a, b, c] = [id(), id(), id()];
      await store.set(a, state(sub, 'op-1'), 60);
      await store.set(b, state(sub, 'op-2'), 60);
      await store.set(c, state(other, 'op-3'), 60);
      await store.deleteByLogoutToken({ sub, iss: 'https://another-issuer.example.com/' });
      assert.notEqual(await store.get(a), undefined, 'a different iss matches nothing');
      await store.deleteByLogoutToken({ sub, iss: 'https://tenant.example.com/' });
      assert.equal(await store.get(a), undefined);
      assert.equal(await store.get(b), undefined);
      assert.notEqual(await store.get(c), undefined);
    });

    it('delete removes the session, and deleting an unknown id is no error', async () => {
      const store = await factory();
      const key = id();
      await store.set(key, state('auth0|d', 'op-d'), 60);
      await store.delete(key);
      await store.delete(key);
      assert.equal(await store.get(key), undefined);
    });

    it('withLock, when offered, runs one holder at a time per id and frees the lock after a failure', async () => {
      const store = await factory();
      const withLock = store.withLock?.bind(store);
      if (!withLock) return;
      const key = id();
      let inside = 0;
      let most = 0;
      const hold = () =>
        withLock(key, async () => {
          most = Math.max(most, ++inside);
          await sleep(20);
          inside--;
        });
      await Promise.all([hold(), hold(), hold()]);
      assert.equal(most, 1);
      await assert.rejects(
        withLock(key, () => Promise.reject(new Error('boom'))),
        /boom/,
      );
      assert.equal(await withLock(key, async () => 'free'), 'free');
    });

    if (unreachable) {
      it('throws when its backend cannot be reached, never reads that as no session', async () => {
        const store = await unreachable();
        const key = id();
        await rejects(store.get(key));
        await rejects(store.set(key, state('auth0|u', 'op-u'), 60));
        if (store.update) await rejects(store.update(key, state('auth0|u', 'op-u'), 60));
        await rejects(store.deleteByLogoutToken({ sub: 'auth0|u' }));
      }, 20_000);
    }
  });
}

/**
 * Makes a fresh transaction store for one test over the suite's cookie handler (a store that keeps
 * nothing in cookies ignores it, so `() => new MyStore()` will do).
 */
export type TransactionStoreFactory = (
  cookies: CookieHandler<TestBrowser>,
) => TransactionStore<TestBrowser> | Promise<TransactionStore<TestBrowser>>;

/**
 * Registers the {@link TransactionStore} contract: set, get (a copy), delete, per identifier (two
 * logins in two tabs never overwrite each other); unknown or unreadable entries read as
 * `undefined`; the PKCE verifier is never in clear in a cookie; under the ServerClient's browser
 * binding, a transaction completes only in the browser that started it, and one browser keeps at
 * most three pending logins in the store (the newest); with `unreachable` (a store whose
 * backend cannot be reached), an outage is thrown, never read as a missing transaction.
 *
 * @example
 * ```ts
 * transactionStoreConformance('MyTransactionStore', () => new MyTransactionStore(), { describe, it });
 * ```
 */
export function transactionStoreConformance(
  name: string,
  factory: TransactionStoreFactory,
  { describe, it }: TestApi,
  options: { unreachable?: TransactionStoreFactory } = {},
): void {
  const transaction = (): TransactionData & { codeVerifier: string } => ({
    codeVerifier: id(),
    state: id(),
    nonce: 'n',
    appState: { returnTo: '/x' },
  });
  describe(`${name} keeps the TransactionStore contract`, () => {
    it('reads back what it stored, per identifier, until it is deleted', async () => {
      const store = await factory(testCookies);
      const browser = newBrowser();
      const [a, b] = [`__a0_tx.${id()}`, `__a0_tx.${id()}`];
      const [one, two] = [transaction(), transaction()];
      await store.set(a, one, false, browser);
      assert.deepEqual(await store.get(a, browser), one);
      assert.equal(await store.get(b, browser), undefined);
      await store.set(b, two, false, browser);
      assert.deepEqual(await store.get(a, browser), one, 'a second login leaves the first alone');
      assert.deepEqual(await store.get(b, browser), two);
      await store.delete(a, browser);
      assert.equal(await store.get(a, browser), undefined);
      assert.deepEqual(await store.get(b, browser), two);
    });

    it("reads back a magic link's transaction, which has a state and no verifier", async () => {
      const store = await factory(testCookies);
      const browser = newBrowser();
      const key = `__a0_tx.${id()}`;
      const link: TransactionData = { state: id(), flow: 'magic_link', scope: 'openid' };
      await store.set(key, link, false, browser);
      assert.deepEqual(await store.get(key, browser), link);
    });

    it('reads a tampered cookie as no transaction, and keeps the verifier out of cookies', async () => {
      const store = await factory(testCookies);
      const browser = newBrowser();
      const key = `__a0_tx.${id()}`;
      const tx = transaction();
      await store.set(key, tx, false, browser);
      assert.ok(![...browser.cookies.values()].join().includes(tx.codeVerifier));
      const [forged, other] = [newBrowser(), `__a0_tx.${id()}`];
      forged.cookies.set(other, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC');
      assert.equal(await store.get(other, forged), undefined);
    });

    it('keeps a transaction bound to the browser that started it (no login CSRF)', async () => {
      const store = await factory(testCookies);
      const binding = new TransactionBinding(testCookies, BINDING_ATTRIBUTES);
      const [attacker, victim, other] = [newBrowser(), newBrowser(), newBrowser()];
      const state = id();
      await binding.keep(store, (s) => `__a0_tx.${s}`, state, { ...transaction(), state }, attacker);
      const own = await store.get(`__a0_tx.${state}`, attacker);
      assert.equal(typeof own?.binding, 'string', 'the store gives the binding back');
      assert.equal(await binding.matches(own?.binding, attacker), true);
      await binding.keep(store, (s) => `__a0_tx.${s}`, id(), transaction(), other);
      for (const [browser, label] of [
        [victim, 'a browser without cookies'],
        [other, 'a browser with a login of its own'],
      ] as const) {
        // A server-side store finds the transaction by its key alone; the binding must then refuse it.
        const seen = await store.get(`__a0_tx.${state}`, browser);
        assert.equal(
          seen !== undefined && (await binding.matches(seen.binding, browser)),
          false,
          `${label} must not complete the login`,
        );
      }
    });

    it(`keeps at most ${MAX_PENDING_LOGINS} pending logins per browser, the newest`, async () => {
      const store = await factory(testCookies);
      const binding = new TransactionBinding(testCookies, BINDING_ATTRIBUTES);
      const browser = newBrowser();
      const states = Array.from({ length: MAX_PENDING_LOGINS + 2 }, () => id());
      for (const state of states)
        await binding.keep(store, (s) => `__a0_tx.${s}`, state, { ...transaction(), state }, browser);
      const kept = await Promise.all(states.map((state) => store.get(`__a0_tx.${state}`, browser)));
      assert.deepEqual(
        kept.map((tx) => tx !== undefined),
        states.map((_, i) => i >= states.length - MAX_PENDING_LOGINS),
      );
    });

    const { unreachable } = options;
    if (unreachable) {
      it('throws when its backend cannot be reached, never reads that as no transaction', async () => {
        const store = await unreachable(testCookies);
        const key = `__a0_tx.${id()}`;
        await rejects(store.set(key, transaction(), false, newBrowser()));
        await rejects(store.get(key, newBrowser()));
      }, 20_000);
    }
  });
}

/** The binding cookie's attributes in the suites: a `Secure` app's defaults. */
const BINDING_ATTRIBUTES = { httpOnly: true, secure: true, path: '/', sameSite: 'lax' } as const;

/**
 * Registers the {@link ReplayStore} contract: `has` tells whether an id is recorded; an id is
 * recorded once, also by concurrent callers, and forgotten by `remove`.
 *
 * @example
 * ```ts
 * replayStoreConformance('MyReplayStore', () => new MyReplayStore(), { describe, it });
 * ```
 */
export function replayStoreConformance(
  name: string,
  factory: StoreFactory<ReplayStore>,
  { describe, it }: TestApi,
): void {
  describe(`${name} keeps the ReplayStore contract`, () => {
    it('accepts an id once, even for concurrent callers, and again after remove', async () => {
      const store = await factory();
      const jti = id();
      const until = Date.now() + 60_000;
      const results = await Promise.all(Array.from({ length: 5 }, () => store.add(jti, until)));
      assert.equal(results.filter(Boolean).length, 1);
      await store.remove(jti);
      assert.equal(await store.add(jti, until), true);
    });

    it('has an id from its add until its remove, and only that id', async () => {
      const store = await factory();
      const [jti, other] = [id(), id()];
      assert.equal(await store.has(jti), false);
      await store.add(jti, Date.now() + 60_000);
      assert.equal(await store.has(jti), true);
      assert.equal(await store.has(other), false);
      await store.remove(jti);
      assert.equal(await store.has(jti), false);
    });
  });
}

/**
 * Registers the {@link SessionCoordinator} contract: mutual exclusion per key, values shared only
 * by the lock holder and readable afterwards.
 *
 * @example
 * ```ts
 * coordinatorConformance('MyCoordinator', () => new MyCoordinator(), { describe, it });
 * ```
 */
export function coordinatorConformance(
  name: string,
  factory: StoreFactory<SessionCoordinator>,
  { describe, it }: TestApi,
): void {
  describe(`${name} keeps the SessionCoordinator contract`, () => {
    it('runs one holder at a time per key, and other keys do not wait', async () => {
      const coordinator = await factory();
      const key = id();
      const order: string[] = [];
      const hold = (label: string, ms: number) =>
        coordinator.withLock(key, async () => {
          order.push(`${label}+`);
          await sleep(ms);
          order.push(`${label}-`);
        });
      const other = coordinator.withLock(id(), async () => order.push('other'));
      await Promise.all([hold('a', 30), hold('b', 5), other]);
      const held = order.filter((e) => e !== 'other');
      assert.ok(
        held.join() === 'a+,a-,b+,b-' || held.join() === 'b+,b-,a+,a-',
        `holders overlapped: ${held.join()}`,
      );
      await assert.rejects(
        coordinator.withLock(key, () => Promise.reject(new Error('boom'))),
        /boom/,
      );
      assert.equal(await coordinator.withLock(key, async () => 'free'), 'free');
    });

    it('shares a value from inside the lock, and refuses to share from outside it', async () => {
      const coordinator = await factory();
      const key = id();
      assert.equal(await coordinator.shared(key, 'answer'), undefined);
      await coordinator.withLock(key, () => coordinator.share(key, 'answer', 'sealed-value', 30));
      assert.equal(await coordinator.shared(key, 'answer'), 'sealed-value');
      await assert.rejects(coordinator.share(key, 'late', 'v', 30), (err: unknown) => {
        return err instanceof StoreError && err.code === 'lock_timeout';
      });
      assert.equal(await coordinator.shared(key, 'late'), undefined);
    });
  });
}
