// docs/adapters/fastify.md and web.md: the options of their example apps.
// #region settings
// The defaults are those of `npm run emulator`; set the variables to use your Auth0 tenant.
export const settings = {
  domain: process.env.AUTH0_DOMAIN ?? 'http://127.0.0.1:4400', // a tenant: 'your-tenant.eu.auth0.com'
  clientId: process.env.AUTH0_CLIENT_ID ?? 'emulator-app',
  clientSecret: process.env.AUTH0_CLIENT_SECRET ?? 'emulator-app-secret-at-least-32-characters',
  secret: process.env.AUTH0_SECRET ?? 'at-least-32-characters-that-encrypt-the-cookies', // change it
  appBaseUrl: process.env.APP_BASE_URL ?? 'http://127.0.0.1:3000',
};
// #endregion settings
