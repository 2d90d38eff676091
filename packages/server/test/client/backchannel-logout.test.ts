import { describe, expect, it } from 'vitest';
import { BACKCHANNEL_LOGOUT_EVENT, BackchannelLogoutError, StoreError } from '../../src/index.js';
import { nowSeconds, setup } from '../helpers/client.js';
import { type FakeTenant } from '../helpers/fake-tenant.js';

async function loggedIn() {
  const s = await setup();
  await s.login();
  const user = (await s.client.getUser()) ?? { sub: '' };
  return { ...s, sid: String(user.sid), sub: user.sub };
}

function logoutToken(
  tenant: FakeTenant,
  claims: Record<string, unknown>,
  options?: { forge?: boolean; typ?: string },
) {
  return tenant.sign(
    {
      iss: tenant.issuer,
      aud: tenant.clientId,
      iat: nowSeconds(),
      exp: nowSeconds() + 120,
      jti: crypto.randomUUID(),
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
      ...claims,
    },
    { typ: 'logout+jwt', ...options },
  );
}

async function refusal(promise: Promise<unknown>) {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BackchannelLogoutError);
  return err;
}

describe('handleBackchannelLogout', () => {
  it('deletes the session named by a valid logout token (sid)', async () => {
    const { client, tenant, sid } = await loggedIn();
    await client.handleBackchannelLogout(await logoutToken(tenant, { sid }));
    expect(await client.getSession()).toBeUndefined();
  });

  it('deletes the sessions of the user named by sub', async () => {
    const { client, tenant, sub } = await loggedIn();
    await client.handleBackchannelLogout(await logoutToken(tenant, { sub }));
    expect(await client.getSession()).toBeUndefined();
  });

  it('refuses a forged logout token and keeps the session', async () => {
    const { client, tenant, sid } = await loggedIn();
    const err = await refusal(
      client.handleBackchannelLogout(await logoutToken(tenant, { sid }, { forge: true })),
    );
    expect(err).toMatchObject({ code: 'logout_token_invalid' });
    expect(await client.getSession()).toBeDefined();
  });

  it('refuses a replayed logout token (same jti)', async () => {
    const { client, tenant, sid } = await loggedIn();
    const token = await logoutToken(tenant, { sid });
    await client.handleBackchannelLogout(token);
    expect(await refusal(client.handleBackchannelLogout(token))).toMatchObject({ claim: 'jti' });
  });

  /**
   * A replay store on a flaky connection: while `down`, every call fails, yet a failed `add` is still
   * applied once the connection is back (a Redis client resending its queue after a reconnect), after
   * any `remove` that was tried meanwhile.
   */
  function flakyReplayStore() {
    const seen = new Set<string>();
    const late: string[] = [];
    const store = {
      down: false,
      up() {
        store.down = false;
        for (const id of late.splice(0)) seen.add(id);
      },
      has: async (id: string) => {
        if (store.down) throw new StoreError('store_unavailable', 'Redis is unavailable; try again');
        return seen.has(id);
      },
      add: async (id: string) => {
        if (store.down) {
          late.push(id);
          throw new StoreError('store_unavailable', 'Redis is unavailable; try again');
        }
        const first = !seen.has(id);
        seen.add(id);
        return first;
      },
      remove: async (id: string) => {
        if (store.down) throw new StoreError('store_unavailable', 'Redis is unavailable; try again');
        seen.delete(id);
      },
    };
    return store;
  }

  it('lets the retry of a token through when the replay store failed, even if a failed record lands late', async () => {
    const replayStore = flakyReplayStore();
    const { client, login, tenant } = await setup({ replayStore });
    await login();
    const token = await logoutToken(tenant, { sid: String((await client.getUser())?.sid) });
    replayStore.down = true;
    await expect(client.handleBackchannelLogout(token)).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(await client.getSession()).toBeDefined();
    replayStore.up();
    await client.handleBackchannelLogout(token);
    expect(await client.getSession()).toBeUndefined();
    // Recorded once the logout took effect: a replay is refused.
    expect(await refusal(client.handleBackchannelLogout(token))).toMatchObject({ claim: 'jti' });
  });

  it('records a token only after its sessions are deleted', async () => {
    const replayStore = flakyReplayStore();
    const { client, login, tenant } = await setup({ replayStore });
    await login();
    const sid = String((await client.getUser())?.sid);
    const token = await logoutToken(tenant, { sid });
    const has = replayStore.has;
    // The store fails right after the check: the record of a logout that took effect lands late.
    replayStore.has = async (id) => {
      const seen = await has(id);
      replayStore.down = true;
      return seen;
    };
    await expect(client.handleBackchannelLogout(token)).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(await client.getSession()).toBeUndefined();
    replayStore.has = has;
    replayStore.up();
    expect(await refusal(client.handleBackchannelLogout(token))).toMatchObject({ claim: 'jti' });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['with a nonce', { sid: 's', nonce: 'n' }, 'nonce'],
    ['without sid or sub', {}, 'sid'],
    ['without the back-channel logout event', { sid: 's', events: { other: {} } }, 'events'],
    ['for another audience', { sid: 's', aud: 'someone-else' }, 'aud'],
    ['from another issuer', { sid: 's', iss: 'https://evil.example.com/' }, 'iss'],
    ['issued too long ago', { sid: 's', iat: nowSeconds() - 3600 }, 'iat'],
    ['without exp (REQUIRED by Back-Channel Logout 1.0, errata set 1)', { sid: 's', exp: undefined }, 'exp'],
    ['past its exp', { sid: 's', exp: nowSeconds() - 3600 }, 'exp'],
    ['without a jti', { sid: 's', jti: undefined }, 'jti'],
    [
      'whose event member is not a JSON object',
      { sid: 's', events: { [BACKCHANNEL_LOGOUT_EVENT]: true } },
      'events',
    ],
    ['whose event member is an array', { sid: 's', events: { [BACKCHANNEL_LOGOUT_EVENT]: [] } }, 'events'],
    ['whose event member is null', { sid: 's', events: { [BACKCHANNEL_LOGOUT_EVENT]: null } }, 'events'],
    ['whose sid is a number (no fall back to sub)', { sid: 42, sub: 'auth0|alice' }, 'sid'],
    ['whose sub is not a string', { sub: 42 }, 'sub'],
  ];
  for (const [name, claims, claim] of invalid) {
    it(`refuses a logout token ${name}, naming ${claim}`, async () => {
      const { client, tenant } = await loggedIn();
      const err = await refusal(client.handleBackchannelLogout(await logoutToken(tenant, claims)));
      expect(err).toMatchObject({ code: 'logout_token_invalid', claim });
      expect(await client.getSession()).toBeDefined();
    });
  }

  it('refuses a logout token typed as something other than logout+jwt', async () => {
    const { client, tenant, sid } = await loggedIn();
    const err = await refusal(
      client.handleBackchannelLogout(await logoutToken(tenant, { sid }, { typ: 'JWT' })),
    );
    expect(err).toMatchObject({ code: 'logout_token_invalid', claim: 'typ' });
    expect(await client.getSession()).toBeDefined();
  });

  for (const typ of ['logout+jwt', 'Logout+JWT', 'application/logout+jwt']) {
    it(`accepts typ ${typ} (media types compare case-insensitively, application/ may be omitted)`, async () => {
      const { client, tenant, sid } = await loggedIn();
      await client.handleBackchannelLogout(await logoutToken(tenant, { sid }, { typ }));
      expect(await client.getSession()).toBeUndefined();
    });
  }

  it('accepts a logout token without typ', async () => {
    const { client, tenant, sid } = await loggedIn();
    await client.handleBackchannelLogout(await logoutToken(tenant, { sid }, { typ: '' }));
    expect(await client.getSession()).toBeUndefined();
  });

  it('refuses a string that is not a JWT', async () => {
    const { client } = await loggedIn();
    await refusal(client.handleBackchannelLogout('not-a-jwt'));
  });
});
