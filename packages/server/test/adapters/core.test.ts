import { describe, expect, it } from 'vitest';
import { auth0 as express } from '../../src/adapters/express.js';
import { auth0 as web } from '../../src/adapters/web.js';
import { escapeHtml, messagePage } from '../../src/adapters/core/pages.js';

const options = {
  domain: 'https://tenant.eu.auth0.com',
  clientId: 'app',
  clientSecret: 'a-client-secret',
  secret: 'a-cookie-secret-of-at-least-32-characters',
  appBaseUrl: 'https://app.example.com',
};

describe('the error page', () => {
  it('escapes every value it shows', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    const page = messagePage('<t>', '<m>', { href: '"/x', text: '<l>' });
    expect(page).not.toMatch(/<t>|<m>|<l>|href=""/);
  });
});

describe('adapter options', () => {
  it('name what is wrong', () => {
    expect(() => express({ ...options, appBaseUrl: 'app.example.com' })).toThrow(/"appBaseUrl"/);
    expect(() => express({ ...options, appBaseUrl: 'https://app.example.com/base' })).toThrow(/"appBaseUrl"/);
    expect(() => express({ ...options, routes: { login: 'auth/login' } })).toThrow(/"routes.login"/);
    expect(() => express({ ...options, logoutReturnTo: '/' })).toThrow(/"logoutReturnTo"/);
    expect(() => express({ ...options, mfaWait: { timeoutMs: -1 } })).toThrow(/"mfaWait.timeoutMs"/);
    expect(() => express(options).requiresStepUp({ maxAge: 1.5 })).toThrow(/"maxAge"/);
    expect(() => express({ ...options, routes: { profile: 'me' } })).toThrow(/"routes.profile"/);
    // @ts-expect-error: a string where a boolean belongs
    expect(() => express({ ...options, enableAccessTokenEndpoint: 'yes' })).toThrow(
      /"enableAccessTokenEndpoint"/,
    );
    expect(() =>
      // @ts-expect-error: a number where a boolean belongs
      express({ ...options, noContentProfileResponseWhenUnauthenticated: 1 }),
    ).toThrow(/"noContentProfileResponseWhenUnauthenticated"/);
  });

  it('mount the access-token route only with enableAccessTokenEndpoint, and refuse a path that says otherwise', async () => {
    const token = (auth: ReturnType<typeof web>, path: string) =>
      auth.handle(new Request(`https://app.example.com${path}`));
    expect(await token(web(options), '/auth/access-token')).toBeUndefined();
    const moved = web({ ...options, enableAccessTokenEndpoint: true, routes: { accessToken: '/token' } });
    expect(await token(moved, '/auth/access-token')).toBeUndefined();
    expect((await token(moved, '/token'))?.status).toBe(401);
    expect(() => web({ ...options, routes: { accessToken: '/token' } })).toThrow(
      /"enableAccessTokenEndpoint/,
    );
    expect(() =>
      web({ ...options, enableAccessTokenEndpoint: true, routes: { accessToken: false } }),
    ).toThrow(/"routes.accessToken"/);
    expect(
      await token(web({ ...options, routes: { accessToken: false } }), '/auth/access-token'),
    ).toBeUndefined();
  });

  it('leave out a route set to false and move one given a path', async () => {
    const auth = web({ ...options, routes: { logout: false, login: '/signin' } });
    expect(await auth.handle(new Request('https://app.example.com/auth/logout'))).toBeUndefined();
    expect(await auth.handle(new Request('https://app.example.com/auth/login'))).toBeUndefined();
    expect(await auth.handle(new Request('https://app.example.com/auth/mfa/nothing'))).toBeUndefined();
    const forged = await auth.handle(
      new Request('https://app.example.com/auth/callback?state=%3Cscript%3E&code=x', {
        headers: { accept: 'text/html' },
      }),
    );
    expect(forged?.status).toBe(400);
    const text = (await forged?.text()) ?? '';
    expect(text).toContain('href="/signin"');
    expect(text).not.toContain('<script>');
  });

  it('build the redirect URI from appBaseUrl and the callback path', async () => {
    const seen: string[] = [];
    const auth = web({
      ...options,
      routes: { callback: '/cb' },
      customFetch: async (input) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return Response.json({
          issuer: 'https://tenant.eu.auth0.com/',
          authorization_endpoint: 'https://tenant.eu.auth0.com/authorize',
          token_endpoint: 'https://tenant.eu.auth0.com/oauth/token',
          jwks_uri: 'https://tenant.eu.auth0.com/.well-known/jwks.json',
        });
      },
    });
    const res = await auth.handle(new Request('https://app.example.com/auth/login?returnTo=//evil'));
    expect(res?.status).toBe(302);
    const location = new URL(res?.headers.get('location') ?? '');
    expect(location.searchParams.get('redirect_uri')).toBe('https://app.example.com/cb');
    // The transaction cookie rides on the redirect; on https it is Secure.
    expect(res?.headers.getSetCookie().join()).toMatch(/__a0_tx\.[^=]+=.*Secure/);
    expect(seen.length).toBe(1);
  });
});

describe('the bindings', () => {
  it('fastify: registering without @fastify/cookie says what is missing', async () => {
    const { default: fastify } = await import('fastify');
    const { auth0 } = await import('../../src/adapters/fastify.js');
    const app = fastify();
    await expect(app.register(auth0(options).plugin).ready()).rejects.toThrow(/@fastify\/cookie/);
    await app.close();
  });

  it('web: apply adds the Set-Cookie headers, copying a Response whose headers are immutable', async () => {
    const auth = web(options);
    const request = new Request('https://app.example.com/');
    const handle = auth.forRequest(request);
    expect(auth.forRequest(request)).toBe(handle);
    handle.storeOptions.write('a', 'b', { path: '/', maxAge: 60 });
    const immutable = Response.redirect('https://app.example.com/next', 302);
    const applied = handle.apply(immutable);
    expect(applied.status).toBe(302);
    expect(applied.headers.getSetCookie()).toEqual(['a=b; Max-Age=60; Path=/']);
    expect(handle.apply(new Response('x')).headers.getSetCookie()).toEqual(['a=b; Max-Age=60; Path=/']);
  });
});
