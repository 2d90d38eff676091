import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auth0 } from '../../src/adapters/web.js';
import type { Auth0Error } from '../../src/errors/index.js';
import { startHarness, type AdapterHarness } from './harness.js';

/** The authorization server's key set as an app sees it after the server changed its keys. */
const staleJwks: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.endsWith('/.well-known/jwks.json')) return Response.json({ keys: [] });
  return fetch(input, init);
};

const listener = (auth: ReturnType<typeof auth0>) =>
  getRequestListener(async (request) => (await auth.handle(request)) ?? new Response(null, { status: 404 }));

describe('a login callback that fails on the server side', () => {
  const told: Auth0Error[] = [];
  let h: AdapterHarness;
  let quiet: AdapterHarness;
  beforeAll(async () => {
    h = await startHarness(async (options) =>
      listener(auth0({ ...options, customFetch: staleJwks, onLoginError: (err) => told.push(err) })),
    );
    quiet = await startHarness(async (options) => listener(auth0({ ...options, customFetch: staleJwks })));
  });
  afterAll(async () => {
    await h?.close();
    await quiet?.close();
  });

  it('onLoginError hears why the ID token was refused; the browser gets a page without it', async () => {
    const { callback } = await h.browser().login('/profile');
    expect(callback.status).toBe(400);
    expect(callback.text).toContain('Sign-in could not be completed.');
    expect(callback.text).not.toContain('kid');
    expect(told).toHaveLength(1);
    expect(told[0]?.code).toBe('id_token_invalid');
    expect(told[0]?.message).toMatch(/no key with kid/);
  });

  it('onLoginError is not told of a stale or forged link, which is the visitor’s business', async () => {
    told.length = 0;
    const browser = h.browser();
    const forged = await browser.visit('/auth/callback?state=unknown&code=x', { accept: 'text/html' });
    expect(forged.status).toBe(400);
    expect(told).toHaveLength(0);
  });

  it('by default one console.warn line names the code and the reason, and no token', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { callback, callbackUrl } = await quiet.browser().login('/profile');
      expect(callback.status).toBe(400);
      expect(warn).toHaveBeenCalledTimes(1);
      const line = String(warn.mock.calls[0]?.[0]);
      expect(line).toMatch(
        /^auth0-server-ts: a login callback failed \(id_token_invalid\): .*no key with kid/,
      );
      const code = new URL(callbackUrl).searchParams.get('code') ?? '';
      expect(code.length).toBeGreaterThan(8);
      expect(line).not.toContain(code);
    } finally {
      warn.mockRestore();
    }
  });
});
