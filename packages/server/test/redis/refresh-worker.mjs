// One app instance in its own process, for the multi-process refresh tests: it runs the BUILT SDK
// (dist/), as a deployment would, and answers each scenario the test sends with what its concurrent
// getAccessToken calls (or getAccessTokenForConnection, when the scenario names a connection) returned.
import { Cluster, Redis } from 'ioredis';
// A private copy of dist/ (the test makes it): the packed-package test rebuilds dist/ meanwhile.
const dist = process.env.A0_DIST;
const { ServerClient, StatefulStateStore, StatelessStateStore, MemoryTransactionStore } = await import(
  `${dist}/index.js`
);
const { RedisCoordinator, RedisSessionStore } = await import(`${dist}/redis/index.js`);

/** One request's cookies: what the browser sent; what the app sets goes into `set`. */
function requestCookies(sent) {
  const jar = { ...sent };
  return {
    getCookie: (name) => jar[name],
    getCookies: () => ({ ...jar }),
    setCookie: (name, value) => void (jar[name] = value),
    deleteCookie: (name) => void delete jar[name],
  };
}

// With `gate` set, token requests wait until the test says every worker's calls have read their session.
let release = () => undefined;
let gate = Promise.resolve();
const gatedFetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname === '/oauth/token') await gate;
  return fetch(input, init);
};

async function run(s) {
  const redis = s.clusterPorts
    ? new Cluster(
        s.clusterPorts.map((port) => ({ host: '127.0.0.1', port })),
        { redisOptions: { maxRetriesPerRequest: 1 } },
      )
    : // The run's private Redis (test/global-setup.ts), inherited with the environment, unless a test names one.
      new Redis({
        host: '127.0.0.1',
        port: s.port ?? Number(process.env.A0_TEST_REDIS_PORT),
        maxRetriesPerRequest: 1,
      });
  try {
    const base = {
      domain: s.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: s.clientSecret,
      secret: s.secret,
      authorizationParams: { redirect_uri: s.redirectUri, audience: s.audience },
      ...(s.gate ? { customFetch: gatedFetch } : {}),
    };
    if (s.gate) gate = new Promise((resolve) => (release = resolve));
    // Each call is a separate request carrying the same (expired) session cookies.
    const requests = Array.from({ length: s.calls }, () => requestCookies(s.cookies));
    const stateful = s.mode === 'stateful';
    const cookieHandler = {
      getCookie: (name, r) => r.getCookie(name),
      getCookies: (r) => r.getCookies(),
      setCookie: (n, v, o, r) => r.setCookie(n, v, o),
      deleteCookie: (n, r) => r.deleteCookie(n),
    };
    const stateStore = stateful
      ? // Stateful: the lock is the session store's own (fenced writes).
        new StatefulStateStore(
          {
            secret: s.secret,
            store: new RedisSessionStore({ client: redis, secret: s.secret, prefix: s.prefix }),
            appBaseUrl: s.appBaseUrl,
          },
          cookieHandler,
        )
      : // Stateless: the session lives in the cookie; the coordinator locks by its identity.
        new StatelessStateStore({ secret: s.secret, appBaseUrl: s.appBaseUrl }, cookieHandler);
    // A forced call compares against the token its first session read saw: the gate opens once every
    // call has made that read, so no read lands after another call's refresh (on a loaded machine the
    // first Redis reads of a fresh connection once came after it, and a second refresh was right).
    const read = new Set();
    let allRead = () => undefined;
    const everyCallRead = new Promise((resolve) => (allRead = resolve));
    if (s.gate) {
      const get = stateStore.get.bind(stateStore);
      stateStore.get = async (identifier, request) => {
        const state = await get(identifier, request);
        read.add(request);
        if (read.size === s.calls) allRead();
        return state;
      };
    }
    const client = new ServerClient({
      ...base,
      stateStore,
      transactionStore: new MemoryTransactionStore(),
      ...(stateful ? {} : { coordinator: new RedisCoordinator({ client: redis, prefix: s.prefix }) }),
    });
    const calls = Promise.all(
      requests.map((request) =>
        (s.connection
          ? client.getAccessTokenForConnection({ connection: s.connection }, request)
          : client.getAccessToken({ refresh: s.refresh }, request)
        ).then(
          (t) => ({ ok: true, accessToken: t.accessToken, cookies: request.getCookies() }),
          (err) => ({ ok: false, code: err?.code ?? String(err) }),
        ),
      ),
    );
    if (s.gate) void everyCallRead.then(() => process.send({ issued: true }));
    return await calls;
  } finally {
    redis.disconnect();
  }
}

process.on('message', (scenario) => {
  if (scenario.go) return release();
  run(scenario).then(
    (results) => process.send({ results }),
    (err) => process.send({ error: String(err?.stack ?? err) }),
  );
});
process.send({ ready: true });
