import { nodeAdapterRequest, readNodeBody } from '../chunk-MFUMBTD2.js';
import { createAdapterCore, headerCookies } from '../chunk-JOPTU457.js';
export { ACR_MULTI_FACTOR, adapterCookies } from '../chunk-JOPTU457.js';

// src/adapters/express.ts
function auth0(options) {
  const core = createAdapterCore(options);
  const handleOf = (req, res) => {
    req.auth0 ??= core.bind(headerCookies(req.headers.cookie, (cookie) => res.append("Set-Cookie", cookie)));
    return req.auth0;
  };
  const guard = (check) => (req, res, next) => {
    check(adapterRequest(req, res), handleOf(req, res)).then((answer) => {
      if (answer) send(res, answer);
      else next();
    }, next);
  };
  return {
    client: core.client,
    router(req, res, next) {
      const handle = handleOf(req, res);
      if (!core.matches(req.method, req.originalUrl.split("?")[0] ?? "")) return next();
      core.route(adapterRequest(req, res), handle).then((answer) => {
        if (answer) send(res, answer);
        else next();
      }, next);
    },
    ...core.guards(guard)
  };
}
function adapterRequest(req, res) {
  return nodeAdapterRequest(req, res, req.originalUrl, async () => {
    const parsed = req.body;
    return parsed ?? readNodeBody(req, req, res);
  });
}
function send(res, answer) {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}

export { auth0 };
//# sourceMappingURL=express.js.map
//# sourceMappingURL=express.js.map