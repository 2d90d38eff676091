import { ServerClient, type ServerClientOptions } from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { createFakeTenant, type FakeTenant, type FakeTenantOptions } from './fake-tenant.js';

export const REDIRECT_URI = 'https://app.example.com/auth/callback';
export const SECRET = 'a-test-secret-that-is-long-enough-for-the-sdk';

export interface TestSetup {
  tenant: FakeTenant;
  client: ServerClient;
  stateStore: MemoryStateStore;
  transactionStore: MemoryTransactionStore;
  /** Runs a full login and returns the callback's result. */
  login(options?: Parameters<ServerClient['startInteractiveLogin']>[0]): Promise<{ appState?: unknown }>;
}

/** The options that put a ServerClient in front of `tenant`: its issuer, credentials and `customFetch`. */
export function tenantClientOptions(tenant: FakeTenant) {
  return {
    domain: new URL(tenant.issuer).host,
    clientId: tenant.clientId,
    clientSecret: tenant.clientSecret,
    secret: SECRET,
    authorizationParams: { redirect_uri: REDIRECT_URI },
    customFetch: tenant.fetch,
  } satisfies Partial<ServerClientOptions>;
}

/** A ServerClient over new in-memory stores in front of `tenant`. */
export function clientFor(tenant: FakeTenant, overrides: Partial<ServerClientOptions> = {}): TestSetup {
  const stateStore = new MemoryStateStore();
  const transactionStore = new MemoryTransactionStore();
  const client = new ServerClient({
    ...tenantClientOptions(tenant),
    stateStore,
    transactionStore,
    ...overrides,
  });
  return {
    tenant,
    client,
    stateStore,
    transactionStore,
    async login(options) {
      const url = await client.startInteractiveLogin(options);
      return client.completeInteractiveLogin(await tenant.authorize(url));
    },
  };
}

/** A ServerClient over in-memory stores, talking to a new fake tenant through `customFetch`. */
export async function setup(
  overrides: Partial<ServerClientOptions> = {},
  tenantOptions: FakeTenantOptions = {},
): Promise<TestSetup> {
  return clientFor(await createFakeTenant(tenantOptions), overrides);
}

/** Unix seconds now. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);
