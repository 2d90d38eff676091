// docs/adapters/fastify.md: a Fastify 5 app on auth0-server-ts/fastify. Its test runs it against auth0-emulator.
// #region app
import fastifyCookie from '@fastify/cookie';
import fastify from 'fastify';
import { auth0, type Auth0AdapterOptions } from 'auth0-server-ts/fastify';

export async function createApp(options: Auth0AdapterOptions) {
  const auth = auth0(options);
  const app = fastify();
  await app.register(fastifyCookie); // the adapter reads and writes cookies through it
  await app.register(auth.plugin); // the /auth/* routes, and request.auth0 on every request

  app.get('/profile', { preHandler: auth.requiresAuth() }, (request) => request.auth0.getUser());

  app.get(
    '/payments',
    { preHandler: auth.requiresStepUp({ audience: 'https://payments.example.com' }) },
    async (request) => {
      const { expiresAt } = await request.auth0.getAccessToken({ audience: 'https://payments.example.com' });
      return { expiresAt };
    },
  );
  return app;
}
// #endregion app
