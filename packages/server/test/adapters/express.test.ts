import express from 'express';
import { auth0 } from '../../src/adapters/express.js';
import { PAYMENTS } from './harness.js';
import { describeAdapter } from './scenarios.js';

describeAdapter('Express', async (options) => {
  const auth = auth0(options);
  const app = express();
  app.use(auth.router);
  app.get('/profile', auth.requiresAuth(), async (req, res) => {
    res.json(await req.auth0.getUser());
  });
  app.get('/payments', auth.requiresStepUp({ audience: PAYMENTS }), async (req, res) => {
    const { audience } = await req.auth0.getAccessToken({ audience: PAYMENTS });
    res.json({ audience });
  });
  app.get('/strong', auth.requiresStepUp({ amr: ['mfa'] }), (_req, res) => {
    res.json({ ok: true });
  });
  return app;
});
