import { Redis } from 'ioredis';
import { afterAll, describe, it } from 'vitest';
import { StatefulStateStore } from '../../src/stores/index.js';
import {
  RedisCoordinator,
  RedisReplayStore,
  RedisSessionStore,
  RedisTransactionStore,
  type RedisClient,
} from '../../src/redis/index.js';
import {
  coordinatorConformance,
  replayStoreConformance,
  sessionStoreConformance,
  stateStoreConformance,
  transactionStoreConformance,
} from '../../src/testing/index.js';
import { cleanup, clusterClient, redisClient, uniquePrefix } from './helpers.js';

const secret = 'a-redis-store-secret-of-at-least-32-chars';

// A client of a port nothing listens on (1 is privileged): every command fails, as in an outage.
const nowhere = new Redis({ host: '127.0.0.1', port: 1, maxRetriesPerRequest: 1, retryStrategy: () => 100 });
nowhere.on('error', () => undefined);
afterAll(() => nowhere.disconnect());
const unreachable = { client: nowhere, secret, timeoutMs: 300 };

function suites(label: string, connect: () => RedisClient): void {
  const clients: RedisClient[] = [];
  const prefix = uniquePrefix(label);
  const client = () => {
    const c = connect();
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    const [first] = clients;
    if (first) await cleanup(first, prefix);
    for (const c of clients) c.disconnect();
  });
  const shared = {
    get client() {
      return (clients[0] ??= client());
    },
  };
  sessionStoreConformance(
    `RedisSessionStore (${label})`,
    () => new RedisSessionStore({ client: shared.client, secret, prefix }),
    { describe, it },
    { unreachable: () => new RedisSessionStore(unreachable), sharedByInstances: true },
  );
  stateStoreConformance(
    `StatefulStateStore over RedisSessionStore (${label})`,
    (cookies) =>
      new StatefulStateStore(
        { secret, store: new RedisSessionStore({ client: shared.client, secret, prefix }) },
        cookies,
      ),
    { describe, it },
    {
      unreachable: (cookies) =>
        new StatefulStateStore({ secret, store: new RedisSessionStore(unreachable) }, cookies),
    },
  );
  transactionStoreConformance(
    `RedisTransactionStore (${label})`,
    () => new RedisTransactionStore({ client: shared.client, secret, prefix }),
    { describe, it },
    { unreachable: () => new RedisTransactionStore(unreachable) },
  );
  replayStoreConformance(
    `RedisReplayStore (${label})`,
    () => new RedisReplayStore({ client: shared.client, prefix }),
    { describe, it },
  );
  coordinatorConformance(
    `RedisCoordinator (${label})`,
    () => new RedisCoordinator({ client: shared.client, prefix }),
    { describe, it },
  );
}

suites('standalone', () => redisClient());
describe('on the local Redis Cluster', () => {
  suites('cluster', () => clusterClient());
});
