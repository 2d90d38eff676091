import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINDINGS, ISSUER, startApp, type RunningApp } from './bindings.js';

const PAGE = { accept: 'text/html' };

describe.each(BINDINGS)('%s: GET /auth/logout', (binding) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(binding);
  });
  afterAll(() => app?.close());

  const logout = (headers: Record<string, string>, method = 'GET') =>
    fetch(new URL('/auth/logout', app.url), { method, headers, redirect: 'manual' });

  it.each([
    ['a same-origin link', { ...PAGE, 'sec-fetch-site': 'same-origin' }],
    ['a same-site link', { ...PAGE, 'sec-fetch-site': 'same-site' }],
    ['a typed URL or bookmark', { ...PAGE, 'sec-fetch-site': 'none' }],
    ['a client that sends no fetch metadata', {}],
  ])('logs out from %s', async (_what, headers) => {
    const res = await logout(headers);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')?.startsWith(`${ISSUER}/oidc/logout`)).toBe(true);
  });

  it('answers a cross-site navigation with a confirmation page instead of logging out', async () => {
    const res = await logout({ ...PAGE, 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The page's own link is a same-origin navigation, which logs out.
    expect(await res.text()).toContain('href="/auth/logout"');
  });

  it('refuses a cross-site HEAD and a foreign Origin', async () => {
    expect((await logout({ ...PAGE, 'sec-fetch-site': 'cross-site' }, 'HEAD')).status).toBe(403);
    const foreign = await logout({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      error: 'invalid_request',
      errorDescription: 'cross-site request refused',
    });
    expect((await logout({ origin: 'null' })).status).toBe(403);
  });

  it("keeps frame-ancestors 'none' on the adapter's error page", async () => {
    const res = await fetch(new URL('/auth/callback?state=x&code=y', app.url), { headers: PAGE });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
