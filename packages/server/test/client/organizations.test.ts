import { describe, expect, it } from 'vitest';
import { OrganizationValidationError } from '../../src/index.js';
import { REDIRECT_URI, setup } from '../helpers/client.js';

const ACME = { org_id: 'org_acme', org_name: 'acme', email: 'alice@example.com' };

describe('startInteractiveLogin with an organization', () => {
  it('sends organization and invitation, the login option winning over every default', async () => {
    const { client } = await setup({
      organization: 'org_client',
      authorizationParams: { redirect_uri: REDIRECT_URI, organization: 'org_client_params' },
    });
    const url = await client.startInteractiveLogin({
      organization: 'org_login',
      invitation: 'ticket-1',
      authorizationParams: { organization: 'org_login_params' },
    });
    expect(url.searchParams.get('organization')).toBe('org_login');
    expect(url.searchParams.get('invitation')).toBe('ticket-1');
  });

  it('takes the login params, then the client option, then the client params', async () => {
    const both = await setup({
      organization: 'org_client',
      authorizationParams: { redirect_uri: REDIRECT_URI, organization: 'org_client_params' },
    });
    const byParams = await both.client.startInteractiveLogin({
      authorizationParams: { organization: 'org_lp' },
    });
    expect(byParams.searchParams.get('organization')).toBe('org_lp');
    expect((await both.client.startInteractiveLogin()).searchParams.get('organization')).toBe('org_client');
    const paramsOnly = await setup({
      authorizationParams: { redirect_uri: REDIRECT_URI, organization: 'org_client_params' },
    });
    expect((await paramsOnly.client.startInteractiveLogin()).searchParams.get('organization')).toBe(
      'org_client_params',
    );
  });

  it('refuses an invitation without an organization, and a blank organization, before any request', async () => {
    const { client, tenant } = await setup();
    await expect(client.startInteractiveLogin({ invitation: 'ticket-1' })).rejects.toThrow(
      '"invitation" needs an organization',
    );
    await expect(client.startInteractiveLogin({ organization: '  ' })).rejects.toBeInstanceOf(TypeError);
    expect(tenant.seen).toHaveLength(0);
    await expect(setup({ organization: '' })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('completeInteractiveLogin with an organization', () => {
  it('writes the session when org_id matches the id asked for', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin({ organization: 'org_acme' });
    await client.completeInteractiveLogin(await tenant.authorize(url, { claims: ACME }));
    expect((await client.getUser())?.org_id).toBe('org_acme');
  });

  it('compares a name with org_name case-insensitively', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin({ organization: 'ACME' });
    await client.completeInteractiveLogin(await tenant.authorize(url, { claims: ACME }));
    expect(await client.getUser()).toBeDefined();
  });

  it.each([
    ['another org_id', 'org_acme', { org_id: 'org_other', org_name: 'acme' }, 'org_id'],
    ['no org_id', 'org_acme', { org_name: 'acme' }, 'org_id'],
    [
      'an id asked for by name (org_name is not trusted for ids)',
      'org_acme',
      { org_name: 'org_acme' },
      'org_id',
    ],
    ['another org_name', 'acme', { org_id: 'org_acme', org_name: 'globex' }, 'org_name'],
    ['no org_name', 'acme', { org_id: 'org_acme' }, 'org_name'],
  ])('refuses %s with OrganizationValidationError and writes no session', async (_, asked, claims, claim) => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin({ organization: asked });
    const error = await client
      .completeInteractiveLogin(await tenant.authorize(url, { claims }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrganizationValidationError);
    expect(error).toMatchObject({ code: 'organization_mismatch', claim });
    expect(JSON.stringify(error)).not.toContain('globex');
    expect(await client.getSession()).toBeUndefined();
  });
});

describe('getAccessToken in an organization session', () => {
  it('refuses a refreshed ID token without the organization and leaves the session as it was', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin({ organization: 'org_acme' });
    await client.completeInteractiveLogin(await tenant.authorize(url, { claims: ACME }));
    const before = await client.getSession();
    // The fake tenant's refresh answers carry an ID token without org claims.
    await expect(client.getAccessToken({ audience: 'https://other.example.com' })).rejects.toMatchObject({
      code: 'organization_mismatch',
      claim: 'org_id',
    });
    expect(await client.getSession()).toEqual(before);
  });

  it('refreshes a session without an organization whatever the new ID token says', async () => {
    const { client, tenant } = await setup();
    await client.completeInteractiveLogin(await tenant.authorize(await client.startInteractiveLogin()));
    await expect(client.getAccessToken({ audience: 'https://other.example.com' })).resolves.toMatchObject({
      audience: 'https://other.example.com',
    });
  });
});
