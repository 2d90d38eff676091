// docs/organizations.md: logging in to Auth0 Organizations with the ServerClient and the adapters.
// organizations.test.ts runs every function here against auth0-emulator.
import { Hono } from 'hono';
import {
  OrganizationValidationError,
  ServerClient,
  type ServerClientOptions,
  type StateStore,
  type TransactionStore,
} from 'auth0-server-ts';
import { auth0, type Auth0AdapterOptions } from 'auth0-server-ts/web';

// #region client
/** Every login of this client goes to one organization (an `org_…` id or a name), unless it names another. */
export function organizationClient(
  options: Omit<ServerClientOptions, 'organization'>,
  stores: { stateStore: StateStore; transactionStore: TransactionStore },
): ServerClient {
  return new ServerClient({ ...options, ...stores, organization: 'acme' });
}
// #endregion client

// #region login
/** The URL to send the browser to: into `organization`, accepting an invitation when there is one. */
export function startOrganizationLogin(
  client: ServerClient,
  organization: string,
  invitation?: string,
): Promise<URL> {
  return client.startInteractiveLogin({ organization, ...(invitation ? { invitation } : {}) });
}
// #endregion login

// #region callback
/** Completes the login: `false` when the ID token names another organization than the one asked for. */
export async function finishOrganizationLogin(client: ServerClient, callbackUrl: string): Promise<boolean> {
  try {
    await client.completeInteractiveLogin(callbackUrl);
    return true;
  } catch (err) {
    if (err instanceof OrganizationValidationError) return false; // no session was written
    throw err;
  }
}
// #endregion callback

// #region app
/**
 * `/auth/login?invitation=…&organization=…` (Auth0's invitation link) works as sent; `/acme` needs a
 * login into the organization `acme` and starts one for a page navigation.
 */
export function createApp(options: Auth0AdapterOptions) {
  const auth = auth0(options);
  const inAcme = auth.requiresOrganization('acme');
  const app = new Hono();
  app.use(async (c, next) => (await auth.handle(c.req.raw)) ?? next());
  app.get('/acme', async (c) => {
    const denied = await inAcme(c.req.raw);
    if (denied) return denied;
    const user = await auth.forRequest(c.req.raw).getUser();
    return c.json({ organization: user?.org_id, user: user?.sub });
  });
  return app;
}
// #endregion app
