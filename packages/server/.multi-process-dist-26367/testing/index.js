import { TransactionBinding, MAX_PENDING_LOGINS, BackchannelLogoutError } from '../chunk-M4OAD6WH.js';
import { StoreError, argumentError } from '../chunk-2UU3TTTI.js';
import * as assert2 from 'node:assert/strict';
import { setTimeout } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';

// src/testing/browser.ts
function newBrowser() {
  return { cookies: /* @__PURE__ */ new Map() };
}
function expired(options) {
  if (options?.maxAge !== void 0) return options.maxAge <= 0;
  return options?.expires !== void 0 && options.expires.getTime() <= Date.now();
}
var testCookies = {
  getCookie: (name, browser) => browser?.cookies.get(name),
  getCookies: (browser) => Object.fromEntries(browser?.cookies ?? []),
  setCookie(name, value, options, browser) {
    if (!browser)
      throw argumentError(
        '"storeOptions" is required: the conformance suites pass a browser',
        "ERR_INVALID_ARG_TYPE"
      );
    if (expired(options)) browser.cookies.delete(name);
    else browser.cookies.set(name, value);
  },
  deleteCookie: (name, browser) => void browser?.cookies.delete(name)
};
function state(sub, sid, extra = {}) {
  const token = (kind) => `${kind}-${randomBytes(8).toString("hex")}`;
  return {
    user: { sub, sid, iss: "https://tenant.example.com/" },
    idToken: token("id-token"),
    refreshToken: token("rt"),
    tokenSets: [
      { audience: "https://api", accessToken: token("at"), scope: "read", expiresAt: 2e9 }
    ],
    internal: { sid: randomBytes(8).toString("hex"), createdAt: Math.floor(Date.now() / 1e3) },
    ...extra
  };
}
var id = () => randomBytes(16).toString("base64url");
async function rejects2(promise, check) {
  await assert2.rejects(promise, (err) => check?.(err) ?? true);
}

// src/testing/conformance.ts
function sessionStoreConformance(name, factory, { describe, it }, options = {}) {
  const { unreachable } = options;
  describe(`${name} keeps the SessionStore contract`, () => {
    it("get returns a copy of what set stored, and undefined for an unknown id", async () => {
      const store = await factory();
      const [key, data] = [id(), state("auth0|a", "op-a")];
      await store.set(key, data, 60);
      const read = await store.get(key);
      assert2.deepEqual(read, data);
      if (read) read.refreshToken = "changed";
      assert2.equal((await store.get(key))?.refreshToken, data.refreshToken);
      assert2.equal(await store.get(id()), void 0);
    });
    it("a session is gone once its ttl has passed, and a write restarts the ttl", async () => {
      const store = await factory();
      const key = id();
      await store.set(key, state("auth0|t", "op-t"), 1);
      await setTimeout(600);
      if (store.update) assert2.equal(await store.update(key, state("auth0|t", "op-t"), 1), true);
      else await store.set(key, state("auth0|t", "op-t"), 1);
      await setTimeout(600);
      assert2.notEqual(await store.get(key), void 0, "the write restarted the ttl");
      await setTimeout(700);
      assert2.equal(await store.get(key), void 0);
    }, 1e4);
    it("update replaces an existing session and never brings back a deleted one", async () => {
      const store = await factory();
      if (!store.update) return;
      const key = id();
      assert2.equal(await store.update(key, state("auth0|u", "op-u"), 60), false);
      assert2.equal(await store.get(key), void 0);
      await store.set(key, state("auth0|u", "op-u"), 60);
      const next = state("auth0|u", "op-u", { refreshToken: "rt-next" });
      assert2.equal(await store.update(key, next, 60), true);
      assert2.equal((await store.get(key))?.refreshToken, "rt-next");
      await store.delete(key);
      assert2.equal(await store.update(key, next, 60), false);
      assert2.equal(await store.get(key), void 0);
    });
    it("deleteByLogoutToken with sid ends exactly that session", async () => {
      const store = await factory();
      const sub = `auth0|${id()}`;
      const [one, two] = [id(), id()];
      await store.set(one, state(sub, `${one}-op`), 60);
      await store.set(two, state(sub, `${two}-op`), 60);
      await store.deleteByLogoutToken({ sid: `${one}-op` });
      assert2.equal(await store.get(one), void 0);
      assert2.notEqual(await store.get(two), void 0);
      await store.deleteByLogoutToken({ sid: `${two}-op`, sub: "auth0|someone-else" });
      assert2.notEqual(await store.get(two), void 0, "sid and sub must both match");
    });
    it("deleteByLogoutToken with sub ends every session of that user and no other", async () => {
      const store = await factory();
      const [sub, other] = [`auth0|${id()}`, `auth0|${id()}`];
      const [a, b, c] = [id(), id(), id()];
      await store.set(a, state(sub, "op-1"), 60);
      await store.set(b, state(sub, "op-2"), 60);
      await store.set(c, state(other, "op-3"), 60);
      await store.deleteByLogoutToken({ sub, iss: "https://another-issuer.example.com/" });
      assert2.notEqual(await store.get(a), void 0, "a different iss matches nothing");
      await store.deleteByLogoutToken({ sub, iss: "https://tenant.example.com/" });
      assert2.equal(await store.get(a), void 0);
      assert2.equal(await store.get(b), void 0);
      assert2.notEqual(await store.get(c), void 0);
    });
    it("delete removes the session, and deleting an unknown id is no error", async () => {
      const store = await factory();
      const key = id();
      await store.set(key, state("auth0|d", "op-d"), 60);
      await store.delete(key);
      await store.delete(key);
      assert2.equal(await store.get(key), void 0);
    });
    it("withLock, when offered, runs one holder at a time per id and frees the lock after a failure", async () => {
      const store = await factory();
      const withLock = store.withLock?.bind(store);
      if (!withLock) return;
      const key = id();
      let inside = 0;
      let most = 0;
      const hold = () => withLock(key, async () => {
        most = Math.max(most, ++inside);
        await setTimeout(20);
        inside--;
      });
      await Promise.all([hold(), hold(), hold()]);
      assert2.equal(most, 1);
      await assert2.rejects(
        withLock(key, () => Promise.reject(new Error("boom"))),
        /boom/
      );
      assert2.equal(await withLock(key, async () => "free"), "free");
    });
    if (unreachable) {
      it("throws when its backend cannot be reached, never reads that as no session", async () => {
        const store = await unreachable();
        const key = id();
        await rejects2(store.get(key));
        await rejects2(store.set(key, state("auth0|u", "op-u"), 60));
        if (store.update) await rejects2(store.update(key, state("auth0|u", "op-u"), 60));
        await rejects2(store.deleteByLogoutToken({ sub: "auth0|u" }));
      }, 2e4);
    }
  });
}
function transactionStoreConformance(name, factory, { describe, it }, options = {}) {
  const transaction = () => ({
    codeVerifier: id(),
    state: id(),
    nonce: "n",
    appState: { returnTo: "/x" }
  });
  describe(`${name} keeps the TransactionStore contract`, () => {
    it("reads back what it stored, per identifier, until it is deleted", async () => {
      const store = await factory(testCookies);
      const browser = newBrowser();
      const [a, b] = [`__a0_tx.${id()}`, `__a0_tx.${id()}`];
      const [one, two] = [transaction(), transaction()];
      await store.set(a, one, false, browser);
      assert2.deepEqual(await store.get(a, browser), one);
      assert2.equal(await store.get(b, browser), void 0);
      await store.set(b, two, false, browser);
      assert2.deepEqual(await store.get(a, browser), one, "a second login leaves the first alone");
      assert2.deepEqual(await store.get(b, browser), two);
      await store.delete(a, browser);
      assert2.equal(await store.get(a, browser), void 0);
      assert2.deepEqual(await store.get(b, browser), two);
    });
    it("reads a tampered cookie as no transaction, and keeps the verifier out of cookies", async () => {
      const store = await factory(testCookies);
      const browser = newBrowser();
      const key = `__a0_tx.${id()}`;
      const tx = transaction();
      await store.set(key, tx, false, browser);
      assert2.ok(![...browser.cookies.values()].join().includes(tx.codeVerifier));
      const [forged, other] = [newBrowser(), `__a0_tx.${id()}`];
      forged.cookies.set(other, "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC");
      assert2.equal(await store.get(other, forged), void 0);
    });
    it("keeps a transaction bound to the browser that started it (no login CSRF)", async () => {
      const store = await factory(testCookies);
      const binding = new TransactionBinding(testCookies, BINDING_ATTRIBUTES);
      const [attacker, victim, other] = [newBrowser(), newBrowser(), newBrowser()];
      const state2 = id();
      await binding.keep(store, (s) => `__a0_tx.${s}`, state2, { ...transaction(), state: state2 }, attacker);
      const own = await store.get(`__a0_tx.${state2}`, attacker);
      assert2.equal(typeof own?.binding, "string", "the store gives the binding back");
      assert2.equal(await binding.matches(own?.binding, attacker), true);
      await binding.keep(store, (s) => `__a0_tx.${s}`, id(), transaction(), other);
      for (const [browser, label] of [
        [victim, "a browser without cookies"],
        [other, "a browser with a login of its own"]
      ]) {
        const seen = await store.get(`__a0_tx.${state2}`, browser);
        assert2.equal(
          seen !== void 0 && await binding.matches(seen.binding, browser),
          false,
          `${label} must not complete the login`
        );
      }
    });
    it(`keeps at most ${MAX_PENDING_LOGINS} pending logins per browser, the newest`, async () => {
      const store = await factory(testCookies);
      const binding = new TransactionBinding(testCookies, BINDING_ATTRIBUTES);
      const browser = newBrowser();
      const states = Array.from({ length: MAX_PENDING_LOGINS + 2 }, () => id());
      for (const state2 of states)
        await binding.keep(store, (s) => `__a0_tx.${s}`, state2, { ...transaction(), state: state2 }, browser);
      const kept = await Promise.all(states.map((state2) => store.get(`__a0_tx.${state2}`, browser)));
      assert2.deepEqual(
        kept.map((tx) => tx !== void 0),
        states.map((_, i) => i >= states.length - MAX_PENDING_LOGINS)
      );
    });
    const { unreachable } = options;
    if (unreachable) {
      it("throws when its backend cannot be reached, never reads that as no transaction", async () => {
        const store = await unreachable(testCookies);
        const key = `__a0_tx.${id()}`;
        await rejects2(store.set(key, transaction(), false, newBrowser()));
        await rejects2(store.get(key, newBrowser()));
      }, 2e4);
    }
  });
}
var BINDING_ATTRIBUTES = { httpOnly: true, secure: true, path: "/", sameSite: "lax" };
function replayStoreConformance(name, factory, { describe, it }) {
  describe(`${name} keeps the ReplayStore contract`, () => {
    it("accepts an id once, even for concurrent callers, and again after remove", async () => {
      const store = await factory();
      const jti = id();
      const until = Date.now() + 6e4;
      const results = await Promise.all(Array.from({ length: 5 }, () => store.add(jti, until)));
      assert2.equal(results.filter(Boolean).length, 1);
      await store.remove(jti);
      assert2.equal(await store.add(jti, until), true);
    });
    it("has an id from its add until its remove, and only that id", async () => {
      const store = await factory();
      const [jti, other] = [id(), id()];
      assert2.equal(await store.has(jti), false);
      await store.add(jti, Date.now() + 6e4);
      assert2.equal(await store.has(jti), true);
      assert2.equal(await store.has(other), false);
      await store.remove(jti);
      assert2.equal(await store.has(jti), false);
    });
  });
}
function coordinatorConformance(name, factory, { describe, it }) {
  describe(`${name} keeps the SessionCoordinator contract`, () => {
    it("runs one holder at a time per key, and other keys do not wait", async () => {
      const coordinator = await factory();
      const key = id();
      const order = [];
      const hold = (label, ms) => coordinator.withLock(key, async () => {
        order.push(`${label}+`);
        await setTimeout(ms);
        order.push(`${label}-`);
      });
      const other = coordinator.withLock(id(), async () => order.push("other"));
      await Promise.all([hold("a", 30), hold("b", 5), other]);
      const held = order.filter((e) => e !== "other");
      assert2.ok(
        held.join() === "a+,a-,b+,b-" || held.join() === "b+,b-,a+,a-",
        `holders overlapped: ${held.join()}`
      );
      await assert2.rejects(
        coordinator.withLock(key, () => Promise.reject(new Error("boom"))),
        /boom/
      );
      assert2.equal(await coordinator.withLock(key, async () => "free"), "free");
    });
    it("shares a value from inside the lock, and refuses to share from outside it", async () => {
      const coordinator = await factory();
      const key = id();
      assert2.equal(await coordinator.shared(key, "answer"), void 0);
      await coordinator.withLock(key, () => coordinator.share(key, "answer", "sealed-value", 30));
      assert2.equal(await coordinator.shared(key, "answer"), "sealed-value");
      await assert2.rejects(coordinator.share(key, "late", "v", 30), (err) => {
        return err instanceof StoreError && err.code === "lock_timeout";
      });
      assert2.equal(await coordinator.shared(key, "late"), void 0);
    });
  });
}
function stateStoreConformance(name, factory, { describe, it }, options = {}) {
  const { backchannelLogout = true, lifetime = true, unreachable } = options;
  const make = () => factory(testCookies);
  describe(`${name} keeps the StateStore contract`, () => {
    it("reads back a copy of what was written, and nothing before", async () => {
      const store = await make();
      const [browser, identifier, data] = [newBrowser(), `__a0_${id()}`, state("auth0|a", "op-a")];
      assert2.equal(await store.get(identifier, browser), void 0);
      await store.set(identifier, data, false, browser);
      const read = await store.get(identifier, browser);
      assert2.deepEqual(read, data);
      if (read) read.refreshToken = "changed";
      assert2.equal((await store.get(identifier, browser))?.refreshToken, data.refreshToken);
      const next = { ...data, refreshToken: "rt-rotated" };
      await store.set(identifier, next, false, browser);
      assert2.equal((await store.get(identifier, browser))?.refreshToken, "rt-rotated");
    });
    it("keeps the sessions of two identifiers apart", async () => {
      const store = await make();
      const browser = newBrowser();
      const [one, two] = [`__a0_${id()}`, `__a0_${id()}`];
      await store.set(one, state("auth0|one", "op-1"), false, browser);
      await store.set(two, state("auth0|two", "op-2"), false, browser);
      assert2.equal((await store.get(one, browser))?.user?.sub, "auth0|one");
      assert2.equal((await store.get(two, browser))?.user?.sub, "auth0|two");
      await store.delete(one, browser);
      assert2.equal(await store.get(one, browser), void 0);
      assert2.equal((await store.get(two, browser))?.user?.sub, "auth0|two");
    });
    it("delete ends the session, and deleting none is no error", async () => {
      const store = await make();
      const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
      await store.delete(identifier, browser);
      await store.set(identifier, state("auth0|d", "op-d"), false, browser);
      await store.delete(identifier, browser);
      assert2.equal(await store.get(identifier, browser), void 0);
    });
    it("reads a tampered or foreign cookie as no session, without throwing", async () => {
      const store = await make();
      const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
      for (const name2 of [identifier, `${identifier}.0`, `${identifier}.1`]) {
        browser.cookies.set(name2, "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC");
      }
      assert2.equal(await store.get(identifier, browser), void 0);
    });
    it("puts no token in clear into a cookie", async () => {
      const store = await make();
      const [browser, identifier, data] = [newBrowser(), `__a0_${id()}`, state("auth0|c", "op-c")];
      await store.set(identifier, data, false, browser);
      const cookies = [...browser.cookies.values()].join("\n");
      for (const secret of [data.refreshToken, data.idToken, data.tokenSets[0]?.accessToken]) {
        if (secret) assert2.ok(!cookies.includes(secret), "a token is readable in a cookie");
      }
    });
    if (backchannelLogout) {
      it("a new login (removeIfExists) leaves nothing of the previous session to a copy of its cookies", async () => {
        const store = await make();
        const [browser, identifier, old] = [newBrowser(), `__a0_${id()}`, state("auth0|n", "op-old")];
        await store.set(identifier, old, false, browser);
        const planted = { cookies: new Map(browser.cookies) };
        await store.set(identifier, state("auth0|n", "op-new"), true, browser);
        assert2.equal((await store.get(identifier, browser))?.user?.["sid"], "op-new");
        assert2.notEqual((await store.get(identifier, planted))?.refreshToken, old.refreshToken);
      });
      it("deleteByLogoutToken ends exactly the sessions its sid or sub names", async () => {
        const store = await make();
        const browser = newBrowser();
        const sub = `auth0|${id()}`;
        const [a, b, c] = [`__a0_${id()}`, `__a0_${id()}`, `__a0_${id()}`];
        await store.set(a, state(sub, `${a}-op`), false, browser);
        await store.set(b, state(sub, `${b}-op`), false, browser);
        await store.set(c, state(`auth0|${id()}`, `${c}-op`), false, browser);
        await store.deleteByLogoutToken({ sid: `${a}-op` }, browser);
        assert2.equal(await store.get(a, browser), void 0);
        assert2.notEqual(await store.get(b, browser), void 0);
        await store.deleteByLogoutToken({ sub }, browser);
        assert2.equal(await store.get(b, browser), void 0);
        assert2.notEqual(await store.get(c, browser), void 0, "another user keeps their session");
      });
    } else {
      it("refuses back-channel logout clearly, as it cannot find sessions", async () => {
        const store = await make();
        await rejects2(
          store.deleteByLogoutToken({ sub: "auth0|x" }, newBrowser()),
          (err) => err instanceof BackchannelLogoutError && err.code === "backchannel_logout_unsupported"
        );
      });
    }
    if (lifetime) {
      it("a session past its absolute lifetime reads as none", async () => {
        const store = await make();
        const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
        const ancient = state("auth0|old", "op-old");
        ancient.internal.createdAt -= 10 * 365 * 24 * 3600;
        await store.set(identifier, ancient, false, browser);
        assert2.equal(await store.get(identifier, browser), void 0);
      });
    }
    it("withLock, when offered, runs one holder at a time per session and frees the lock after a failure", async () => {
      const store = await make();
      const withLock = store.withLock?.bind(store);
      if (!withLock) return;
      const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
      await store.set(identifier, state("auth0|l", "op-l"), false, browser);
      let inside = 0;
      let most = 0;
      const hold = () => withLock(
        identifier,
        async () => {
          most = Math.max(most, ++inside);
          await setTimeout(20);
          inside--;
        },
        browser
      );
      await Promise.all([hold(), hold(), hold()]);
      assert2.equal(most, 1);
      await rejects2(
        withLock(identifier, () => Promise.reject(new Error("boom")), browser),
        (err) => err instanceof Error && err.message === "boom"
      );
      assert2.equal(await withLock(identifier, async () => "free", browser), "free");
    });
    if (unreachable) {
      it("throws when its backend cannot be reached, never reads that as no session", async () => {
        const store = await unreachable(testCookies);
        const [browser, identifier] = [newBrowser(), `__a0_${id()}`];
        await rejects2(store.set(identifier, state("auth0|u", "op-u"), false, browser));
        const healthy = await make();
        await healthy.set(identifier, state("auth0|u", "op-u"), false, browser);
        await rejects2(store.get(identifier, browser));
      }, 2e4);
    }
  });
}

export { coordinatorConformance, replayStoreConformance, sessionStoreConformance, stateStoreConformance, transactionStoreConformance };
//# sourceMappingURL=index.js.map
//# sourceMappingURL=index.js.map