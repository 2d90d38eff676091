import { describe, expect, it } from 'vitest';
import { setup } from '../helpers/client.js';

describe('logout', () => {
  it('deletes the session and returns the end-session URL with id_token_hint, client_id and post_logout_redirect_uri', async () => {
    const { client, tenant, stateStore, login } = await setup();
    await login();
    const idToken = (await stateStore.get('__a0_session'))?.idToken;
    const url = await client.logout({ returnTo: 'https://app.example.com/' });
    expect(url.origin + url.pathname).toBe(`${tenant.issuer}oidc/logout`);
    expect(url.searchParams.get('id_token_hint')).toBe(idToken);
    expect(url.searchParams.get('client_id')).toBe(tenant.clientId);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('https://app.example.com/');
    expect(await client.getSession()).toBeUndefined();
  });

  it("falls back to Auth0's /v2/logout when discovery lists no end_session_endpoint", async () => {
    const { client, tenant, login } = await setup({}, { endSession: false });
    await login();
    const url = await client.logout({ returnTo: 'https://app.example.com/' });
    expect(url.origin + url.pathname).toBe(`${tenant.issuer}v2/logout`);
    expect(url.searchParams.get('client_id')).toBe(tenant.clientId);
    expect(url.searchParams.get('returnTo')).toBe('https://app.example.com/');
    expect(await client.getSession()).toBeUndefined();
  });

  it('works without a session', async () => {
    const { client } = await setup();
    const url = await client.logout();
    expect(url.searchParams.has('id_token_hint')).toBe(false);
  });
});
