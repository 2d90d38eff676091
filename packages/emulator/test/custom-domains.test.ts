import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, parseConfig, startEmulator, type Emulator } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  ORGANIZATION_CLIENT,
  authorizeUrl,
  claims,
  codeFlow,
  field,
  isRecord,
  mfaApi,
  mfaToken,
  pkce,
  start,
  token,
} from './support.js';
import { M2M, managementAccessToken, managementCall } from './management-support.js';

/** A GET to the emulator's socket naming `host` (Node's resolver does not resolve `*.localhost`). */
function getWithHost(em: Emulator, host: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: em.port, path, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

const discovery = async (issuer: string) =>
  (await (await fetch(new URL('.well-known/openid-configuration', issuer))).json()) as Record<string, string>;
const kids = async (jwksUri: string) =>
  ((await (await fetch(jwksUri)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

describe('custom domains: several host names on one port, each its own issuer', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({ custom_domains: ['localhost', 'tenant-b.localhost'] });
  });
  afterAll(() => em.close());

  it('lists an issuer per custom domain, on the same port', () => {
    expect(em.issuers).toEqual([
      em.issuer,
      `http://localhost:${em.port}/`,
      `http://tenant-b.localhost:${em.port}/`,
    ]);
  });

  it('answers discovery per Host with that host as the issuer and endpoints', async () => {
    const main = await discovery(em.issuer);
    const other = await discovery(`http://localhost:${em.port}/`);
    expect(main.issuer).toBe(em.issuer);
    expect(other.issuer).toBe(`http://localhost:${em.port}/`);
    expect(other.token_endpoint).toBe(`http://localhost:${em.port}/oauth/token`);
    const named = await getWithHost(em, `tenant-b.localhost:${em.port}`, '/.well-known/openid-configuration');
    expect(named.status).toBe(200);
    expect(JSON.parse(named.text)).toMatchObject({ issuer: `http://tenant-b.localhost:${em.port}/` });
  });

  it('signs under a key id of its own per domain', async () => {
    const main = await kids((await discovery(em.issuer)).jwks_uri ?? '');
    const other = await kids((await discovery(`http://localhost:${em.port}/`)).jwks_uri ?? '');
    expect(main.length).toBeGreaterThan(0);
    expect(other.filter((kid) => main.includes(kid))).toEqual([]);
  });

  it('issues tokens with the issuer of the host they were asked of', async () => {
    const res = await fetch(`http://localhost:${em.port}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        audience: API,
      }).toString(),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(claims(body.access_token).iss).toBe(`http://localhost:${em.port}/`);
  });

  it('still refuses a Host that is neither the emulator nor a custom domain', async () => {
    const { status } = await getWithHost(
      em,
      `tenant-c.localhost:${em.port}`,
      '/.well-known/openid-configuration',
    );
    expect(status).toBe(421);
  });
});

/** A Management API call on the domain `at` is seen through, with a token of that domain. */
const manage = async (at: Emulator, method: string, path: string, body?: unknown) =>
  managementCall(at, await managementAccessToken(at), method, path, body);

describe('custom domains: names of one tenant', () => {
  let em: Emulator;
  /** The same emulator seen through its custom domain `localhost` (the helpers use `issuer`). */
  let onB: Emulator;
  beforeAll(async () => {
    em = await start({
      custom_domains: ['localhost'],
      clients: [ORGANIZATION_CLIENT, { ...M2M, redirect_uris: [], management_api: true }],
      organizations: [{ id: 'org_acme', name: 'acme', members: [] }],
    });
    onB = { ...em, issuer: `http://localhost:${em.port}/` };
  });
  afterAll(() => em.close());

  it('a user who signs up through domain B logs in through the pages of domain A', async () => {
    const signup = await fetch(new URL('dbconnections/signup', onB.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: CLIENT_ID,
        connection: 'Username-Password-Authentication',
        email: 'dana@example.com',
        password: 'Str0ng!pass',
      }),
    });
    expect(signup.status).toBe(200);
    const tokens = await codeFlow(
      em,
      { email: 'dana@example.com', password: 'Str0ng!pass' },
      { scope: 'openid email' },
    );
    expect(claims(tokens.id_token)).toMatchObject({ iss: em.issuer, email: 'dana@example.com' });
  });

  it('a user the Management API creates on domain A is found through domain B', async () => {
    const created = await manage(em, 'POST', 'users', {
      connection: 'Username-Password-Authentication',
      email: 'erin@example.com',
      password: 'Str0ng!pass',
    });
    expect(created.status).toBe(201);
    const found = await manage(onB, 'GET', 'users-by-email?email=erin%40example.com');
    expect(found.body).toEqual([expect.objectContaining({ user_id: field(created.body, 'user_id') })]);
  });

  it('lists on domain B an MFA factor enrolled on domain A, and em.mfa has the code sent through B', async () => {
    const onA = await mfaToken(em, 'bob@example.com');
    const enrolled = await mfaApi(em, '/mfa/associate', {
      bearer: onA,
      body: { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550123' },
    });
    const code = em.mfa.outbox().at(-1)?.code ?? '';
    const confirmed = await token(em, {
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-oob',
      mfa_token: onA,
      oob_code: field(enrolled.body, 'oob_code'),
      binding_code: code,
    });
    expect(confirmed.status).toBe(200);

    const throughB = await mfaToken(onB, 'bob@example.com');
    const listed = await mfaApi(onB, '/mfa/authenticators', { bearer: throughB });
    const sms = Array.isArray(listed.body)
      ? listed.body.find((a: unknown) => isRecord(a) && a.oob_channel === 'sms')
      : undefined;
    expect(sms).toMatchObject({ active: true, authenticator_type: 'oob' });
    const sent = em.mfa.outbox().length;
    const challenge = await mfaApi(onB, '/mfa/challenge', {
      body: { mfa_token: throughB, challenge_type: 'oob', authenticator_id: field(sms, 'id') },
    });
    expect(challenge.status).toBe(200);
    expect(em.mfa.outbox()).toHaveLength(sent + 1);
    expect(em.mfa.outbox().at(-1)).toMatchObject({ channel: 'sms', to: '+15555550123' });
  });

  it('an organization member added through domain B logs into the organization on domain A', async () => {
    const added = await manage(onB, 'POST', 'organizations/org_acme/members', { members: ['auth0|alice'] });
    expect(added.status).toBe(204);
    const tokens = await codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { organization: 'acme' },
    );
    expect(claims(tokens.id_token)).toMatchObject({ iss: em.issuer, org_id: 'org_acme' });
  });

  it('em.stats() counts the token requests of every domain', async () => {
    const before = em.stats().client_credentials ?? 0;
    for (const at of [em, onB])
      expect((await token(at, { grant_type: 'client_credentials', audience: API })).status).toBe(200);
    expect(em.stats().client_credentials).toBe(before + 2);
  });

  it("keeps browser sessions per domain: A's session cookie logs no one in on B", async () => {
    const jar = new CookieJar();
    const alice = { email: 'alice@example.com', password: 'Passw0rd!' };
    await codeFlow(em, alice, {}, { jar });
    const { challenge } = pkce();
    const silent = async (at: Emulator) =>
      new URL(
        await em.login(
          authorizeUrl(at, { prompt: 'none', code_challenge: challenge, code_challenge_method: 'S256' }),
          { ...alice, jar },
        ),
      ).searchParams;
    expect((await silent(em)).get('code')).toEqual(expect.any(String));
    expect((await silent(onB)).get('error')).toBe('login_required');
  });

  it('redeems a refresh token only at the domain that issued it', async () => {
    const issued = await token(em, {
      grant_type: 'password',
      username: 'alice@example.com',
      password: 'Passw0rd!',
      scope: 'openid offline_access',
    });
    const refresh = { grant_type: 'refresh_token', refresh_token: field(issued.body, 'refresh_token') };
    expect(await token(onB, refresh)).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
    expect((await token(em, refresh)).status).toBe(200);
  });

  it('keeps issuers apart: a token from domain B names B and is refused by the Management API of A', async () => {
    const fromB = await managementAccessToken(onB);
    expect(claims(fromB).iss).toBe(onB.issuer);
    expect((await managementCall(em, fromB, 'GET', 'users-by-email?email=alice%40example.com')).status).toBe(
      401,
    );
  });
});

describe('config.custom_domains', () => {
  it('takes loopback names only, each once, lower-cased', () => {
    expect(parseConfig({ custom_domains: ['Tenant-B.localhost'] }).custom_domains).toEqual([
      'tenant-b.localhost',
    ]);
    expect(parseConfig({}).custom_domains).toEqual([]);
    expect(() => parseConfig({ custom_domains: ['login.example.com'] })).toThrow(
      /config\.custom_domains\[0\] must be localhost or a name under \.localhost/,
    );
    expect(() => parseConfig({ custom_domains: ['127.0.0.1'] })).toThrow(/config\.custom_domains\[0\]/);
    expect(() => parseConfig({ custom_domains: ['a.localhost', 'A.localhost'] })).toThrow(/declared twice/);
  });

  it("refuses the emulator's own host, and frees the port", async () => {
    await expect(
      startEmulator({ port: 0, quiet: true, host: 'localhost', config: { custom_domains: ['localhost'] } }),
    ).rejects.toThrow(/config\.custom_domains names "localhost", the emulator's own host/);
  });
});
