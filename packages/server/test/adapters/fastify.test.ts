import fastifyCookie from '@fastify/cookie';
import fastify from 'fastify';
import { auth0 } from '../../src/adapters/fastify.js';
import { PAYMENTS } from './harness.js';
import { describeAdapter } from './scenarios.js';

describeAdapter('Fastify', async (options) => {
  const auth = auth0(options);
  const app = fastify();
  await app.register(fastifyCookie);
  await app.register(auth.plugin);
  app.get('/profile', { preHandler: auth.requiresAuth() }, (request) => request.auth0.getUser());
  app.get('/payments', { preHandler: auth.requiresStepUp({ audience: PAYMENTS }) }, async (request) => {
    const { audience } = await request.auth0.getAccessToken({ audience: PAYMENTS });
    return { audience };
  });
  app.get('/strong', { preHandler: auth.requiresStepUp({ amr: ['mfa'] }) }, () => ({ ok: true }));
  await app.ready();
  return (req, res) => app.server.emit('request', req, res);
});
