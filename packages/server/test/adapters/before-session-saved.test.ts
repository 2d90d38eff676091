// The adapters' options extend the ServerClient's: beforeSessionSaved reaches the client unchanged.
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0 } from '../../src/adapters/express.js';
import { filterDefaultIdTokenClaims } from '../../src/index.js';
import { startHarness, type AdapterHarness } from './harness.js';

describe('beforeSessionSaved through the Express adapter', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startHarness(async (options) => {
      const auth = auth0({
        ...options,
        beforeSessionSaved: (session) => ({
          ...session,
          user: session.user && { ...filterDefaultIdTokenClaims(session.user), plan: 'gold' },
        }),
      });
      const app = express();
      app.use(auth.router);
      app.get('/profile', auth.requiresAuth(), async (req, res) => {
        res.json(await req.auth0.getUser());
      });
      return app;
    });
  });
  afterAll(() => h?.close());

  it('the session written at /auth/callback keeps the claims the hook returned', async () => {
    const alice = h.browser();
    await alice.login('/profile');
    const profile = (await alice.visit('/profile')).json();
    expect(profile).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com', plan: 'gold' });
    expect(profile).not.toHaveProperty('aud');
  });
});
