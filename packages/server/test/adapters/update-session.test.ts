// req.auth0.updateSession writes through this request's store options: with cookie sessions, the
// response carries the updated cookie and the browser's next request reads the new claims.
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0 } from '../../src/adapters/express.js';
import { startHarness, type AdapterHarness } from './harness.js';

describe('updateSession through the Express adapter', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startHarness(async (options) => {
      const auth = auth0(options);
      const app = express();
      app.use(auth.router);
      app.get('/profile', auth.requiresAuth(), async (req, res) => {
        res.json(await req.auth0.getUser());
      });
      app.get('/rename', auth.requiresAuth(), async (req, res) => {
        const session = await req.auth0.updateSession((s) => ({
          ...s,
          user: s.user && { ...s.user, name: 'Alice Renamed' },
        }));
        res.json(session.user);
      });
      return app;
    });
  });
  afterAll(() => h?.close());

  it("req.auth0.updateSession changes the user that the browser's next request reads", async () => {
    const alice = h.browser();
    await alice.login('/profile');
    expect((await alice.visit('/rename')).json()).toMatchObject({
      sub: 'auth0|alice',
      name: 'Alice Renamed',
    });
    expect((await alice.visit('/profile')).json()).toMatchObject({
      sub: 'auth0|alice',
      name: 'Alice Renamed',
    });
  });
});
