import { afterAll, describe, it } from 'vitest';
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
  transactionStoreConformance,
} from '../../src/testing/index.js';
import { cleanup, clusterAvailable, clusterClient, redisClient, uniquePrefix } from './helpers.js';

const secret = 'a-redis-store-secret-of-at-least-32-chars';

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
  );
  transactionStoreConformance(
    `RedisTransactionStore (${label})`,
    () => new RedisTransactionStore({ client: shared.client, secret, prefix }),
    { describe, it },
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
describe.runIf(clusterAvailable())('on the local Redis Cluster', () => {
  suites('cluster', () => clusterClient());
});
