import { nodeAdapterRequest, readNodeBody } from '../chunk-MFUMBTD2.js';
import { createAdapterCore } from '../chunk-JOPTU457.js';
export { ACR_MULTI_FACTOR, adapterCookies } from '../chunk-JOPTU457.js';
import { Readable } from 'node:stream';

function auth0(options) {
  const core = createAdapterCore(options);
  const guard = (check) => async function(request, reply) {
    const answer = await check(adapterRequest(request, reply), request.auth0);
    if (answer) await send(reply, answer);
  };
  async function plugin(fastify) {
    if (!fastify.hasReplyDecorator("setCookie"))
      throw new Error("auth0-server-ts/fastify needs @fastify/cookie: register it before this plugin");
    fastify.decorateRequest("auth0", {
      getter() {
        throw new Error(
          `request.auth0 is set by the auth0 plugin only; ${this.url.split("?")[0]} was not reached through it`
        );
      }
    });
    fastify.addHook("onRequest", async (request, reply) => {
      const cookies = {};
      for (const [name, value] of Object.entries(request.cookies))
        if (value !== void 0) cookies[name] = value;
      const storeOptions = {
        cookies,
        // @fastify/cookie takes maxAge in seconds, as the SDK gives it.
        write: (name, value, cookie) => void reply.setCookie(name, value, cookie)
      };
      Object.defineProperty(request, "auth0", { value: core.bind(storeOptions), enumerable: true });
    });
    await fastify.register(async (routes) => {
      routes.removeAllContentTypeParsers();
      routes.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
      for (const { method, path } of core.mounted) {
        routes.route({
          method: method === "GET" ? ["GET", "HEAD"] : method,
          url: path,
          handler: async (request, reply) => {
            const answer = await core.route(adapterRequest(request, reply), request.auth0);
            if (!answer) return reply.callNotFound();
            return send(reply, answer);
          }
        });
      }
    });
  }
  Object.defineProperty(plugin, /* @__PURE__ */ Symbol.for("skip-override"), { value: true });
  return {
    client: core.client,
    plugin,
    ...core.guards(guard)
  };
}
function adapterRequest(request, reply) {
  return nodeAdapterRequest(request.raw, reply.raw, request.url, async () => {
    const body = request.body;
    return body instanceof Readable ? readNodeBody(body, request.raw, reply.raw) : body;
  });
}
async function send(reply, answer) {
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}

export { auth0 };
//# sourceMappingURL=fastify.js.map
//# sourceMappingURL=fastify.js.map