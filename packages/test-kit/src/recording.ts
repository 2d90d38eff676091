import { headersOf, json, readRequest, type Route, type Seen } from './routes.js';
import { createTenant, type Tenant, type TenantOptions } from './tenant.js';

export interface FakeServer {
  /** Pass as `customFetch` (or to the request funnel). */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Every request recorded (see `record`), oldest first. */
  seen: Seen[];
}

/**
 * Records each request (unless `record` says no) and answers it with the first route that does, else 404.
 * Routes are read per request when given as a function.
 */
export function createFakeServer(
  routes: Route[] | (() => Route[]),
  record: (request: Seen) => boolean = () => true,
): FakeServer {
  const seen: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request: Seen = { ...(await readRequest(input, init)), headers: headersOf(input, init) };
    if (record(request)) seen.push(request);
    for (const route of typeof routes === 'function' ? routes() : routes) {
      const answer = await route(request);
      if (answer) return answer;
    }
    return json({ error: 'not_found' }, 404);
  };
  return { fetch, seen };
}

/** A `Tenant` that also keeps every request it received and every value it handed out. */
export interface RecordingTenant extends Tenant {
  /** Every request, oldest first. */
  seen: Seen[];
  /** Every token, code and secret value handed out so far. */
  secrets(): string[];
}

/** The tenant of the server tests: `createTenant` with every request and every value it mints kept. */
export async function createRecordingTenant(options: TenantOptions = {}): Promise<RecordingTenant> {
  const issued: string[] = [];
  const tenant = await createTenant({
    ...options,
    onIssue: (value) => {
      issued.push(value);
      options.onIssue?.(value);
    },
  });
  const server = createFakeServer([(request) => tenant.answer(request)]);
  return Object.assign(tenant, { fetch: server.fetch, seen: server.seen, secrets: () => [...issued] });
}
