import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';
import { BINDINGS, builders, listenOnLoopback } from './bindings.js';
import { ALICE, APP_SECRET, Browser, CLIENT_SECRET } from './harness.js';

const SAME_ORIGIN = { accept: 'text/html', headers: { 'sec-fetch-site': 'same-origin' } };

describe.each(BINDINGS)(
  '%s: GET /auth/connect and /auth/connect/callback against auth0-emulator',
  (binding) => {
    let em: Emulator;
    let appUrl: string;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const server = await listenOnLoopback();
      appUrl = server.url;
      const client = appClient(appUrl, CLIENT_SECRET);
      em = await startTestEmulator({
        clients: [
          { ...client, redirect_uris: [`${appUrl}/auth/callback`, `${appUrl}/auth/connect/callback`] },
        ],
        users: [{ user_id: 'auth0|alice', ...ALICE }],
        connections: [{ name: 'google-oauth2' }],
      });
      server.use(
        await builders[binding](
          {
            domain: em.issuer.replace(/\/$/, ''),
            clientId: 'app',
            clientSecret: CLIENT_SECRET,
            secret: APP_SECRET,
            appBaseUrl: appUrl,
            authorizationParams: { scope: 'openid profile offline_access' },
            onLoginError: false,
          },
          [],
        ),
      );
      stop = async () => {
        await em.close();
        await server.close();
      };
    });
    afterAll(() => stop?.());

    /** The user's answer on the emulator's connect page: the redirect back to the app. */
    async function decide(connectUrl: string, action: 'allow' | 'deny'): Promise<string> {
      const answered = await fetch(new URL('connect', em.issuer), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ticket: new URL(connectUrl).searchParams.get('ticket') ?? '', action }),
      });
      return answered.headers.get('location') ?? '';
    }

    it('connects an account and lands on returnTo; the callback works once', async () => {
      const alice = new Browser(appUrl, em);
      await alice.login('/');
      const start = await alice.visit(
        '/auth/connect?connection=google-oauth2&returnTo=/accounts',
        SAME_ORIGIN,
      );
      expect(start.status).toBe(302);
      expect(start.location.startsWith(`${em.issuer}connect?ticket=`)).toBe(true);
      const callback = new URL(await decide(start.location, 'allow'));
      expect(`${callback.origin}${callback.pathname}`).toBe(`${appUrl}/auth/connect/callback`);
      const landed = await alice.visit(`${callback.pathname}${callback.search}`, { accept: 'text/html' });
      expect(landed.status).toBe(302);
      expect(landed.location).toBe('/accounts');
      const replay = await alice.visit(`${callback.pathname}${callback.search}`, { accept: 'text/html' });
      expect(replay.status).toBe(400);
      expect(replay.text).toContain('expired or was already used');
      expect(replay.text).not.toContain(callback.searchParams.get('connect_code') ?? 'none');
    });

    it('a refused connection gets a page, not a redirect', async () => {
      const alice = new Browser(appUrl, em);
      await alice.login('/');
      const start = await alice.visit('/auth/connect?connection=google-oauth2', SAME_ORIGIN);
      const callback = new URL(await decide(start.location, 'deny'));
      const page = await alice.visit(`${callback.pathname}${callback.search}`, { accept: 'text/html' });
      expect(page.status).toBe(400);
      expect(page.text).toContain('cancelled or refused');
    });

    it('refuses a cross-site start, asks for the connection, and sends a visitor without a session to log in', async () => {
      const visitor = new Browser(appUrl, em);
      const crossSite = await visitor.visit('/auth/connect?connection=google-oauth2', {
        accept: 'text/html',
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(crossSite.status).toBe(403);
      expect((await visitor.visit('/auth/connect', SAME_ORIGIN)).status).toBe(400);
      const anonymous = await visitor.visit(
        '/auth/connect?connection=google-oauth2&returnTo=/accounts',
        SAME_ORIGIN,
      );
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toBe('/auth/login?returnTo=%2Faccounts');
    });
  },
);
