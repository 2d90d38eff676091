import { describe, expect, it } from 'vitest';
import { LoginRequiredError } from '../../src/index.js';
import { setup } from '../helpers/client.js';
import { fieldsOf } from 'auth0-test-kit';
import { makeState, makeTokenSet } from '../helpers/state.js';

// Peer users write `process.env.AUDIENCE ?? ''`, and sessions written by other code may hold '' where a
// token is absent. An empty string is absent: never a token or a parameter sent to Auth0.
describe('empty strings read as absent', () => {
  it("a session's refreshToken '' is no refresh token: login_required, nothing sent", async () => {
    const { client, stateStore, tenant } = await setup();
    await stateStore.set('__a0_session', makeState({ refreshToken: '', tokenSets: [] }));
    await expect(client.getAccessToken()).rejects.toBeInstanceOf(LoginRequiredError);
    expect(tenant.counts.refresh ?? 0).toBe(0);
  });

  it("a session's idToken '' is no id_token_hint on logout", async () => {
    const { client, stateStore } = await setup();
    await stateStore.set('__a0_session', makeState({ idToken: '' }));
    const url = await client.logout();
    expect(url.searchParams.has('id_token_hint')).toBe(false);
  });

  it("authorizationParams { audience: '' } sends no audience, and the default scope", async () => {
    const { client } = await setup({
      authorizationParams: { redirect_uri: 'https://app.example.com/auth/callback', audience: '', scope: '' },
    });
    const url = await client.startInteractiveLogin({ authorizationParams: { organization: '' } });
    expect(url.searchParams.has('audience')).toBe(false);
    expect(url.searchParams.has('organization')).toBe(false);
    expect(url.searchParams.get('scope')).toBe('openid profile email offline_access');
  });

  it("getAccessToken({ audience: '', scope: '' }) is the default audience's token", async () => {
    const { client, stateStore } = await setup();
    const stored = makeTokenSet('default', undefined);
    await stateStore.set('__a0_session', makeState({ tokenSets: [stored] }));
    await expect(client.getAccessToken({ audience: '', scope: '' })).resolves.toMatchObject({
      accessToken: stored.accessToken,
    });
  });

  it("getTokenByRefreshToken({ audience: '' }) sends no audience", async () => {
    const { client, tenant, login } = await setup();
    await login();
    const refreshToken = (await client.getSession())?.refreshToken ?? '';
    await client.getTokenByRefreshToken({ refreshToken, audience: '', scope: '' });
    const sent = tenant.seen
      .filter((s) => s.path === '/oauth/token')
      .map(fieldsOf)
      .at(-1);
    expect(sent).toMatchObject({ grant_type: 'refresh_token' });
    expect(sent).not.toHaveProperty('audience');
    expect(sent).not.toHaveProperty('scope');
  });
});
