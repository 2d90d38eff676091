// docs/adapters/web.md: the same adapter in a bare fetch handler (Bun.serve, Deno.serve, a worker).
import { auth0, type Auth0AdapterOptions } from 'auth0-server-ts/web';

// #region app
export function createHandler(options: Auth0AdapterOptions) {
  const auth = auth0(options);
  return async (request: Request): Promise<Response> => {
    const answer = await auth.handle(request); // the /auth/* routes
    if (answer) return answer;
    const { pathname } = new URL(request.url);
    if (pathname === '/profile') {
      const denied = await auth.requiresAuth(request);
      if (denied) return denied;
      const handle = auth.forRequest(request);
      return handle.apply(Response.json(await handle.getUser()));
    }
    return new Response('Not found', { status: 404 });
  };
}
// #endregion app
