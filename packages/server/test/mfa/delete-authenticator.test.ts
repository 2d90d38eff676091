import { describe, expect, it, vi } from 'vitest';
import { ServerError } from '../../src/errors/index.js';
import { json, type Seen } from 'auth0-test-kit';
import { setup } from './harness.js';

const remove = (request: Seen) =>
  request.method === 'DELETE' && request.path.startsWith('/mfa/authenticators/')
    ? new Response(null, { status: 204 })
    : undefined;

describe('deleteAuthenticator', () => {
  it('sends DELETE /mfa/authenticators/{id} with the given access token', async () => {
    const { mfa, seen } = setup({ routes: [remove] });
    await mfa.deleteAuthenticator({ authenticatorId: 'sms|dev_2', accessToken: 'mfa-api-at' });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/mfa/authenticators/sms%7Cdev_2' });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer mfa-api-at');
  });

  it('without accessToken, gets one for the MFA API with remove:authenticators through getAccessToken', async () => {
    const getAccessToken = vi.fn(async (options: { audience: string; scope: string }) => ({
      ...options,
      accessToken: 'from-session',
      expiresAt: 0,
    }));
    const { mfa, seen } = setup({ routes: [remove], extra: { getAccessToken } });
    await mfa.deleteAuthenticator({ authenticatorId: 'totp|dev_1' }, { session: 'a' });
    expect(getAccessToken).toHaveBeenCalledWith(
      { audience: 'https://tenant.example.com/mfa/', scope: 'remove:authenticators' },
      { session: 'a' },
    );
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer from-session');
  });

  it('without accessToken nor getAccessToken, throws a TypeError naming accessToken', async () => {
    const { mfa } = setup({ routes: [remove] });
    await expect(mfa.deleteAuthenticator({ authenticatorId: 'x' })).rejects.toThrow(/"accessToken"/);
  });

  it("keeps the server's 404", async () => {
    const { mfa } = setup({
      routes: [() => json({ error: 'not_found', error_description: 'no such authenticator' }, 404)],
    });
    const err = await mfa
      .deleteAuthenticator({ authenticatorId: 'x', accessToken: 't' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ error: 'not_found', status: 404 });
  });
});
