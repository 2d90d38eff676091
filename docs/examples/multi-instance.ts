// The configuration of one app instance among several behind a load balancer: sessions, login
// transactions, logout-token replay protection and refresh coordination all live in one Redis.
// docs/multi-instance.md shows these regions; docs/examples/multi-instance.test.ts runs them.
import { ServerClient, StatefulStateStore, type CookieHandler } from 'auth0-server-ts';
import {
  RedisCoordinator,
  RedisReplayStore,
  RedisSessionStore,
  RedisTransactionStore,
  type RedisClient,
} from 'auth0-server-ts/redis';

export interface InstanceOptions<TStoreOptions> {
  /** The app's ioredis client: `new Redis(url)`, `new Redis({ sentinels, name })` or `new Cluster(nodes)`. */
  redis: RedisClient;
  cookies: CookieHandler<TStoreOptions>;
  domain: string;
  clientId: string;
  clientSecret: string;
  /** The same secrets on every instance; the first encrypts, all decrypt (rotation). */
  secret: string[];
  appBaseUrl: string;
  /** Put before every Redis key, so several apps can share one Redis. */
  prefix: string;
}

// #region stateful
/** Sessions on Redis (the cookie carries only an encrypted id): back-channel logout reaches them. */
export function statefulInstance<O>(options: InstanceOptions<O>): ServerClient<O> {
  const { redis, secret, appBaseUrl, prefix } = options;
  return new ServerClient<O>({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    secret,
    authorizationParams: { redirect_uri: `${appBaseUrl}/auth/callback` },
    stateStore: new StatefulStateStore(
      { secret, appBaseUrl, store: new RedisSessionStore({ client: redis, secret, prefix }) },
      options.cookies,
    ),
    transactionStore: new RedisTransactionStore({ client: redis, secret, prefix }),
    // Binds each login to the browser that started it (a cookie), so a callback URL opened in
    // another browser logs no one in.
    cookieHandler: options.cookies,
    replayStore: new RedisReplayStore({ client: redis, prefix }),
    coordinator: new RedisCoordinator({ client: redis, prefix }),
  });
}
// #endregion stateful

// #region stateless
/** Sessions in cookies; Redis only coordinates refreshes, keyed by each session's identity. */
export function statelessInstance<O>(options: InstanceOptions<O>): ServerClient<O> {
  const { redis, secret, appBaseUrl, prefix } = options;
  return new ServerClient<O>({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    secret,
    authorizationParams: { redirect_uri: `${appBaseUrl}/auth/callback` },
    cookieHandler: options.cookies,
    coordinator: new RedisCoordinator({ client: redis, prefix }),
  });
}
// #endregion stateless
