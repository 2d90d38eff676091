import type { Emulator } from 'auth0-emulator';
import { LoginRequiredError, ServerClient, type BackchannelClock } from 'auth0-server-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateStore, MemoryTransactionStore } from '../../../packages/server/src/stores/index.js';
import { approvePayment, checkApproval, startApproval, type PendingRequests } from './ciba.js';
import { tokenAfterChange } from './access-tokens.js';
import { logoutEverywhere, revokeLeakedToken, revokeSessionRefreshToken } from './revocation.js';
import { startTestEmulator } from '../../../test/emulator.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const OTHER_API = 'https://other.example.com';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };

let em: Emulator;
// The emulator's clock, which the examples' waits move instead of sleeping.
let nowMs = Date.now();

beforeAll(async () => {
  em = await startTestEmulator(
    {
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      apis: [{ audience: 'https://api.example.com' }, { audience: OTHER_API }],
    },
    { now: () => nowMs },
  );
});
afterAll(() => em?.close());

function newClient() {
  return new ServerClient({
    domain: em.issuer.replace(/\/$/, ''),
    clientId: 'app',
    clientSecret: CLIENT_SECRET,
    secret: 'the-app-cookie-secret-of-at-least-32-chars',
    authorizationParams: { redirect_uri: REDIRECT_URI, audience: 'https://api.example.com' },
    stateStore: new MemoryStateStore(),
    transactionStore: new MemoryTransactionStore(),
  });
}

async function answerAll(what: 'approve' | 'deny'): Promise<void> {
  const list = (await (await fetch(new URL('__dev/ciba', em.issuer))).json()) as { auth_req_id: string }[];
  for (const { auth_req_id: id } of list) {
    await (
      await fetch(new URL(`__dev/ciba/${encodeURIComponent(id)}/${what}`, em.issuer), { method: 'POST' })
    ).arrayBuffer();
  }
}

describe('docs/ciba.md examples', () => {
  it('approvePayment resolves with the approved details once the user approves', async () => {
    const client = newClient();
    const clock: BackchannelClock = {
      now: () => nowMs,
      async sleep(ms) {
        nowMs += ms;
        await answerAll('approve');
      },
    };
    const details = await approvePayment(
      client,
      { userId: 'auth0|alice', amount: '42.00', reference: '7F3K' },
      undefined,
      {
        clock,
      },
    );
    expect(details).toEqual([
      { type: 'payment_initiation', instructedAmount: { currency: 'EUR', amount: '42.00' } },
    ]);
    expect((await client.getUser())?.sub).toBe('auth0|alice');
  });

  it('startApproval and checkApproval: pending, then approved; denied', async () => {
    const client = newClient();
    const pending: PendingRequests = new Map();
    const handle = await startApproval(client, pending, 'auth0|alice');
    expect(await checkApproval(client, pending, handle)).toBe('pending');
    await answerAll('approve');
    nowMs += 5000;
    expect(await checkApproval(client, pending, handle)).toBe('approved');
    expect(await checkApproval(client, pending, handle)).toBe('unknown');

    const denied = await startApproval(client, pending, 'auth0|alice');
    await answerAll('deny');
    expect(await checkApproval(client, pending, denied)).toBe('denied');
  });
});

describe('docs/revocation.md examples', () => {
  async function loggedIn() {
    const client = newClient();
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(await em.login(url.href, ALICE));
    const refreshToken = (await client.getSession())?.refreshToken;
    if (!refreshToken) throw new Error('no refresh token');
    return { client, refreshToken };
  }
  const refused = { code: 'login_required', error: 'invalid_grant' };

  it('logoutEverywhere ends the session and revokes its refresh token', async () => {
    const { client, refreshToken } = await loggedIn();
    await logoutEverywhere(client);
    expect(await client.getSession()).toBeUndefined();
    await expect(client.getTokenByRefreshToken({ refreshToken })).rejects.toMatchObject(refused);
  });

  it('revokeLeakedToken makes the next refresh of a session that holds it fail with login_required', async () => {
    const { client, refreshToken } = await loggedIn();
    await revokeLeakedToken(newClient(), refreshToken);
    await expect(client.getAccessToken({ audience: OTHER_API })).rejects.toMatchObject(refused);
  });

  it('revokeSessionRefreshToken leaves the access token and no refresh token', async () => {
    const { client } = await loggedIn();
    await revokeSessionRefreshToken(client);
    expect((await client.getAccessToken()).accessToken).toEqual(expect.any(String));
    await expect(client.getAccessToken({ audience: OTHER_API })).rejects.toBeInstanceOf(LoginRequiredError);
  });
});

describe('docs/access-tokens.md examples', () => {
  it('tokenAfterChange refreshes a token that is still valid, once for a burst of requests', async () => {
    const client = newClient();
    const url = await client.startInteractiveLogin();
    await client.completeInteractiveLogin(await em.login(url.href, ALICE));
    const stored = await client.getAccessToken();
    const refreshes = () => em.stats().refresh_token ?? 0;
    const before = refreshes();
    let changes = 0;
    const change = async () => void changes++;
    const tokens = await Promise.all(
      [1, 2, 3].map(() => tokenAfterChange(client, change, 'https://api.example.com')),
    );
    expect(changes).toBe(3);
    expect(refreshes() - before).toBe(1);
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(tokens[0]?.accessToken).not.toBe(stored.accessToken);
  });
});
