import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionData } from '../../src/types.js';
import type { Auth0Error } from '../../src/errors/index.js';
import { MemorySessionStore, StatefulStateStore } from '../../src/stores/index.js';
import {
  adapterCookies,
  type Auth0AdapterOptions,
  type OnCallback,
  type OnCallbackContext,
} from '../../src/adapters/core/index.js';
import type { StateData } from '../../src/types.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';
import { BINDINGS, builders, listenOnLoopback, offlineOptions } from './bindings.js';
import { APP_SECRET, Browser, CLIENT_SECRET, ALICE } from './harness.js';

/** Sessions in memory that remember the id of the last one written, so a test can read it back. */
class RecordingSessions extends MemorySessionStore {
  lastId: string | undefined;

  override set(id: string, data: StateData, ttlSeconds?: number): Promise<void> {
    this.lastId = id;
    return super.set(id, data, ttlSeconds);
  }
}

/** The authorization server's key set as an app sees it after the server changed its keys. */
const staleJwks: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.endsWith('/.well-known/jwks.json')) return Response.json({ keys: [] });
  return fetch(input, init);
};

interface Call {
  error: Auth0Error | null;
  context: OnCallbackContext;
  session: SessionData | null;
  /** The session the store held when the hook ran. */
  stored: StateData | undefined;
}

describe.each(BINDINGS)('%s: onCallback decides where a login callback lands', (binding) => {
  let em: Emulator;
  let appUrl: string;
  let staleUrl: string;
  const errors: unknown[] = [];
  const told: Auth0Error[] = [];
  const calls: Call[] = [];
  let answer: OnCallback = () => undefined;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const app = await listenOnLoopback();
    const stale = await listenOnLoopback();
    appUrl = app.url;
    staleUrl = stale.url;
    em = await startTestEmulator({
      clients: [appClient(appUrl, CLIENT_SECRET), appClient(staleUrl, CLIENT_SECRET, { clientId: 'stale' })],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
    });
    const sessions = new RecordingSessions();
    const options = (url: string, clientId: string): Auth0AdapterOptions => ({
      domain: em.issuer.replace(/\/$/, ''),
      clientId,
      clientSecret: CLIENT_SECRET,
      secret: APP_SECRET,
      appBaseUrl: url,
      stateStore: new StatefulStateStore(
        { secret: APP_SECRET, store: sessions, appBaseUrl: url },
        adapterCookies,
      ),
      onLoginError: (err) => void told.push(err),
      async onCallback(error, context, session) {
        const stored = sessions.lastId === undefined ? undefined : await sessions.get(sessions.lastId);
        calls.push({ error, context, session, stored });
        return answer(error, context, session);
      },
    });
    app.use(await builders[binding](options(appUrl, 'app'), errors));
    stale.use(await builders[binding]({ ...options(staleUrl, 'stale'), customFetch: staleJwks }, errors));
    stop = async () => {
      await em.close();
      await app.close();
      await stale.close();
    };
  });
  afterAll(() => stop?.());

  const reset = (next: OnCallback) => {
    answer = next;
    calls.length = 0;
    errors.length = 0;
    told.length = 0;
  };

  it('onCallback redirects a completed login to the path it returns, with the new session readable', async () => {
    reset(async () => '/welcome?first=1');
    const browser = new Browser(appUrl, em);
    const { callback } = await browser.login('/profile');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/welcome?first=1');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.error).toBeNull();
    expect(call?.context).toEqual({ returnTo: '/profile', appBaseUrl: appUrl });
    expect(call?.session?.user?.sub).toBe('auth0|alice');
    expect(call?.session).not.toHaveProperty('internal');
    // Written before the hook ran, so the app's own reads see it.
    expect(call?.stored?.user?.sub).toBe('auth0|alice');
    expect(call?.stored?.idToken).toBe(call?.session?.idToken);
    expect((await browser.visit('/auth/profile')).json()).toMatchObject({ sub: 'auth0|alice' });
  });

  it('onCallback returning undefined keeps the default landing on returnTo', async () => {
    reset(() => undefined);
    const { callback } = await new Browser(appUrl, em).login('/profile');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/profile');
    expect(calls).toHaveLength(1);
  });

  it('onCallback returning something that is not a path on this app lands on returnTo: never an open redirect', async () => {
    for (const unsafe of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'welcome', '']) {
      reset(() => unsafe);
      const { callback } = await new Browser(appUrl, em).login('/profile');
      expect(callback.status, unsafe).toBe(302);
      expect(callback.location, unsafe).toBe('/profile');
      expect(calls, unsafe).toHaveLength(1);
    }
  });

  it('onCallback changing the context it was given changes nothing', async () => {
    reset((_error, context) => {
      context.returnTo = 'https://evil.example/';
      return undefined;
    });
    const { callback } = await new Browser(appUrl, em).login('/profile');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/profile');
  });

  it('onCallback redirects a failed callback (a tampered state) with the error code instead of the error page', async () => {
    reset((error) => (error ? `/login-failed?code=${error.code}` : undefined));
    const browser = new Browser(appUrl, em);
    const start = await browser.visit('/auth/login?returnTo=%2Fprofile', { accept: 'text/html' });
    const callbackUrl = new URL(await em.login(start.location, { ...ALICE, jar: browser.emulatorJar }));
    callbackUrl.searchParams.set('state', `${callbackUrl.searchParams.get('state') ?? ''}x`);
    const callback = await browser.visit(callbackUrl.href, { accept: 'text/html' });
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/login-failed?code=missing_transaction');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.error?.code).toBe('missing_transaction');
    expect(calls[0]?.session).toBeNull();
    expect(calls[0]?.context).toEqual({ returnTo: '/', appBaseUrl: appUrl });
    // A forged link is the visitor's business: onLoginError is not told, as without the hook.
    expect(told).toHaveLength(0);
    expect((await browser.visit('/auth/profile')).status).toBe(401);
  });

  it('onCallback returning undefined after a failure keeps the error page', async () => {
    reset(() => undefined);
    const res = await new Browser(appUrl, em).visit('/auth/callback?state=unknown&code=x', {
      accept: 'text/html',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('This sign-in link has expired or was already used.');
    expect(calls).toHaveLength(1);
  });

  it('onLoginError is told of a server-side failure first, then onCallback decides where the browser goes', async () => {
    const order: string[] = [];
    reset((error) => {
      order.push(`onCallback ${told.length}`);
      return error ? '/sorry' : undefined;
    });
    const { callback } = await new Browser(staleUrl, em).login('/profile');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/sorry');
    expect(told.map((err) => err.code)).toEqual(['id_token_invalid']);
    expect(order).toEqual(['onCallback 1']);
    expect(calls[0]?.error).toBe(told[0]);
  });

  it("a throwing onCallback reaches the framework's error handling, its message kept from the browser, and leaves no session", async () => {
    const bug = new Error('internal detail of the hook');
    reset(() => {
      throw bug;
    });
    const browser = new Browser(appUrl, em);
    const { callback } = await browser.login('/profile');
    expect(callback.status).toBe(500);
    expect(callback.text).toBe('{"error":"app_error_handler"}');
    expect(errors).toEqual([bug]);
    expect(calls[0]?.stored?.user?.sub).toBe('auth0|alice');
    expect((await browser.visit('/auth/profile')).status).toBe(401);
  });

  it("a throwing onCallback after a failed callback reaches the framework's error handling too", async () => {
    const bug = new Error('internal detail of the hook');
    reset(() => {
      throw bug;
    });
    const res = await new Browser(appUrl, em).visit('/auth/callback?state=unknown&code=x', {
      accept: 'text/html',
    });
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"error":"app_error_handler"}');
    expect(errors).toEqual([bug]);
  });

  it('onCallback answering a response instead of a path is a TypeError for the app, and leaves no session', async () => {
    reset(() => new Response(null, { status: 302, headers: { location: '/x' } }) as unknown as string);
    const browser = new Browser(appUrl, em);
    const { callback } = await browser.login('/profile');
    expect(callback.status).toBe(500);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect(errors[0]).toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    expect((errors[0] as Error).message).toMatch(/^"onCallback" must return a path/);
    expect((await browser.visit('/auth/profile')).status).toBe(401);
  });

  it('onCallback must be a function', async () => {
    for (const onCallback of ['/welcome', 42, null, {}]) {
      const options = {
        ...offlineOptions,
        appBaseUrl: 'http://127.0.0.1:3000',
        onCallback,
      } as unknown as Auth0AdapterOptions;
      await expect(builders[binding](options, [])).rejects.toThrow(
        expect.objectContaining({
          name: 'TypeError',
          code: 'ERR_INVALID_ARG_TYPE',
          message: '"onCallback" must be a function',
        }),
      );
    }
  });
});
