import type { RequestListener } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { getRequestListener } from '@hono/node-server';
import express from 'express';
import fastify from 'fastify';
import { Hono } from 'hono';
import type { Emulator } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0 as expressAuth0 } from '../../src/adapters/express.js';
import { auth0 as fastifyAuth0 } from '../../src/adapters/fastify.js';
import { auth0 as webAuth0 } from '../../src/adapters/web.js';
import type { Auth0AdapterOptions } from '../../src/adapters/core/index.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';
import { listenOnLoopback } from './bindings.js';
import { ALICE, APP_SECRET, Browser, CLIENT_SECRET } from './harness.js';

const DAVE = { email: 'dave@example.com', password: 'Passw0rd!' };

/** `/me` (requiresAuth) and `/acme` (requiresAuth into the organization `acme`), per binding. */
const apps: Record<string, (options: Auth0AdapterOptions) => Promise<RequestListener>> = {
  async express(options) {
    const auth = expressAuth0(options);
    const app = express();
    app.use(auth.router);
    app.get('/me', auth.requiresAuth(), async (req, res) => void res.json(await req.auth0.getUser()));
    app.get('/acme', auth.requiresAuth({ organization: 'acme' }), (_req, res) => void res.json({ ok: true }));
    return app;
  },
  async fastify(options) {
    const auth = fastifyAuth0(options);
    const app = fastify();
    await app.register(fastifyCookie);
    await app.register(auth.plugin);
    app.get('/me', { preHandler: auth.requiresAuth() }, (request) => request.auth0.getUser());
    app.get('/acme', { preHandler: auth.requiresAuth({ organization: 'acme' }) }, () => ({ ok: true }));
    await app.ready();
    return (req, res) => app.server.emit('request', req, res);
  },
  async web(options) {
    const auth = webAuth0(options);
    const inAcme = auth.requiresOrganization('acme');
    const app = new Hono();
    app.use(async (c, next) => (await auth.handle(c.req.raw)) ?? next());
    app.get(
      '/me',
      async (c) => (await auth.requiresAuth(c.req.raw)) ?? c.json(await auth.forRequest(c.req.raw).getUser()),
    );
    app.get('/acme', async (c) => (await inAcme(c.req.raw)) ?? c.json({ ok: true }));
    return getRequestListener(app.fetch);
  },
};

describe.each(Object.keys(apps))('%s adapter: organizations against auth0-emulator', (binding) => {
  let em: Emulator;
  let appUrl: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const server = await listenOnLoopback();
    appUrl = server.url;
    em = await startTestEmulator({
      clients: [{ ...appClient(appUrl, CLIENT_SECRET), organization_usage: 'allow' }],
      users: [
        { user_id: 'auth0|alice', ...ALICE },
        { user_id: 'auth0|dave', ...DAVE },
      ],
      organizations: [{ id: 'org_acme', name: 'acme', members: ['auth0|alice'] }],
    });
    const build = apps[binding];
    if (!build) throw new Error(`no app for ${binding}`);
    server.use(
      await build({
        domain: em.issuer.replace(/\/$/, ''),
        clientId: 'app',
        clientSecret: CLIENT_SECRET,
        secret: APP_SECRET,
        appBaseUrl: appUrl,
      }),
    );
    stop = async () => {
      await em.close();
      await server.close();
    };
  });
  afterAll(() => stop?.());

  it('follows an invitation link as Auth0 sends it and logs the invitee in to the organization', async () => {
    const invitation = em.invite({ organization: 'acme', email: DAVE.email, clientId: 'app' });
    const link = new URL(invitation.url);
    expect(link.origin).toBe(appUrl);
    const dave = new Browser(appUrl, em);
    const start = await dave.visit(`${link.pathname}${link.search}`, { accept: 'text/html' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.location);
    expect(authorize.searchParams.get('organization')).toBe('org_acme');
    expect(authorize.searchParams.get('invitation')).toBe(invitation.ticket);
    const callbackUrl = await em.login(start.location, { ...DAVE, jar: dave.emulatorJar });
    expect((await dave.visit(callbackUrl, { accept: 'text/html' })).status).toBe(302);
    expect((await dave.visit('/me')).json()).toMatchObject({ sub: 'auth0|dave', org_id: 'org_acme' });
    expect((await dave.visit('/acme')).status).toBe(200);
  });

  it('refuses an invitation link without its organization with 400 before any redirect', async () => {
    const answer = await new Browser(appUrl, em).visit('/auth/login?invitation=abc', { accept: 'text/html' });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('requiresAuth({ organization }) answers 403 to a session in no organization and logs a page in to it', async () => {
    const alice = new Browser(appUrl, em);
    await alice.login('/me');
    expect((await alice.visit('/acme')).json()).toEqual({ error: 'organization_required' });
    const page = await alice.visit('/acme', { accept: 'text/html' });
    expect(page.status).toBe(302);
    expect(new URL(page.location).searchParams.get('organization')).toBe('acme');
    const callbackUrl = await em.login(page.location, { ...ALICE, jar: alice.emulatorJar });
    expect((await alice.visit(callbackUrl, { accept: 'text/html' })).location).toBe('/acme');
    expect((await alice.visit('/acme')).json()).toEqual({ ok: true });
  });
});
