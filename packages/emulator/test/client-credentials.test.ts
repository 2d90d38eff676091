import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, claims, start, token } from './support.js';

describe('client_credentials grant', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('issues a JWT access token for the audience, with the client as subject', async () => {
    const { status, body } = await token(em, {
      grant_type: 'client_credentials',
      audience: API,
      scope: 'read:data',
    });
    expect(status).toBe(200);
    expect(body.refresh_token).toBeUndefined();
    expect(claims(body.access_token)).toMatchObject({ aud: API, client_id: 'app', scope: 'read:data' });
  });

  it('rejects an unknown audience', async () => {
    const { status, body } = await token(em, {
      grant_type: 'client_credentials',
      audience: 'https://unknown.example.com',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_target');
  });

  it('rejects a wrong client secret with 401 invalid_client', async () => {
    const { status, body } = await token(em, {
      grant_type: 'client_credentials',
      audience: API,
      client_secret: 'wrong',
    });
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_client');
  });
});
