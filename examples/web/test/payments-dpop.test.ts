// The Payments API stand-in's DPoP checks, against tokens the emulator bound to the SDK's DPoP key:
// the call the DPoP page makes, and the replays a resource server must refuse.
import { createServer, type Server } from 'node:http';
import { startEmulator, type Emulator } from 'auth0-emulator';
import { MemoryTransactionStore, ServerClient } from 'auth0-server-ts';
import { MemoryStateStore } from 'auth0-server-ts/testing';
import express from 'express';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentsApi } from '../src/payments-api.js';

const AUDIENCE = 'https://payments.example.com';

describe('the Payments API with DPoP-bound tokens', () => {
  let em: Emulator;
  let api: Server;
  let url: string;
  let client: ServerClient;
  let accessToken: string;

  beforeAll(async () => {
    const app = express();
    api = createServer(app);
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const address = api.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP port');
    const origin = `http://127.0.0.1:${address.port}`;
    url = `${origin}/payments-api/balance`;
    em = await startEmulator({
      port: 0,
      quiet: true,
      config: {
        clients: [
          {
            client_id: 'dpop-demo',
            client_secret: 'dpop-demo-secret-at-least-32-characters',
            redirect_uris: [`${origin}/auth/callback`],
            dpop_bound_access_tokens: true,
          },
        ],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
        apis: [{ audience: AUDIENCE, scopes: ['read:balance'] }],
      },
    });
    app.get('/payments-api/balance', paymentsApi({ issuer: em.issuer, audience: AUDIENCE }));
    client = new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'dpop-demo',
      clientSecret: 'dpop-demo-secret-at-least-32-characters',
      secret: 'a-test-secret-that-is-long-enough-for-the-sdk',
      authorizationParams: {
        redirect_uri: `${origin}/auth/callback`,
        audience: AUDIENCE,
        scope: 'openid offline_access read:balance',
      },
      stateStore: new MemoryStateStore(),
      transactionStore: new MemoryTransactionStore(),
      useDpop: true,
      dpopKeyPair: await generateKeyPair('ES256', { extractable: true }),
    });
    const login = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(
      await em.login(login.href, { email: 'alice@example.com', password: 'Passw0rd!' }),
    );
    const token = await client.getAccessToken();
    expect(token.tokenType).toBe('DPoP');
    accessToken = token.accessToken;
  });
  afterAll(async () => {
    await em?.close();
    await new Promise((resolve) => api?.close(resolve));
  });

  const call = async (headers: Record<string, string>, at = url) => {
    const res = await fetch(at, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('accepts the token with the headers of getDPoPHeaders', async () => {
    const headers = await client.getDPoPHeaders({ method: 'GET', url, accessToken });
    expect(await call({ ...headers })).toMatchObject({ status: 200, body: { binding: 'DPoP' } });
  });

  it('refuses the DPoP-bound token sent as a bearer token', async () => {
    expect(await call({ authorization: `Bearer ${accessToken}` })).toMatchObject({
      status: 401,
      body: { reason: 'dpop_bound_token_sent_as_bearer' },
    });
  });

  it('refuses a proof used twice, one for another URL or method, and a missing proof', async () => {
    const headers = await client.getDPoPHeaders({ method: 'GET', url, accessToken });
    expect((await call({ ...headers })).status).toBe(200);
    expect(await call({ ...headers })).toMatchObject({
      status: 401,
      body: { reason: 'dpop_proof_replayed' },
    });
    const post = await client.getDPoPHeaders({ method: 'POST', url, accessToken });
    expect(await call({ ...post })).toMatchObject({ status: 401, body: { reason: 'dpop_htm_mismatch' } });
    const other = await client.getDPoPHeaders({ method: 'GET', url: `${url}/other`, accessToken });
    expect(await call({ ...other })).toMatchObject({ status: 401, body: { reason: 'dpop_htu_mismatch' } });
    expect(await call({ authorization: headers.Authorization })).toMatchObject({
      status: 401,
      body: { reason: 'dpop_proof_missing' },
    });
  });
});
