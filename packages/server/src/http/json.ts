import { RequestError } from '../errors/index.js';
import { describe } from './fetch.js';
import { errorAnswer, parseJson, type ErrorAnswer } from './normalize.js';

/** One call to a JSON endpoint that discovery does not list (Auth0's MFA, passwordless and database APIs). */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** JSON body; client authentication fields are added to it when `authenticate` is set. */
  body?: Record<string, unknown>;
  /** Sends `Authorization: Bearer <token>`. */
  bearer?: string;
  /** Adds the client's authentication (`client_id` and its credentials) to the body. */
  authenticate?: boolean;
  /** Extra request headers (Auth0's `x-request-language`). */
  headers?: Record<string, string>;
}

/** The fetch init of a JSON call whose body (client authentication included) is `body`. */
export function jsonInit(request: JsonRequest, body: Record<string, unknown> | undefined): RequestInit {
  const headers = new Headers({ ...request.headers, accept: 'application/json' });
  if (request.bearer !== undefined) headers.set('authorization', `Bearer ${request.bearer}`);
  if (body !== undefined) headers.set('content-type', 'application/json');
  return {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/**
 * What a JSON endpoint answered: its value (`undefined` for an empty body), or its OAuth error
 * answer, for the transport to map.
 *
 * @throws {RequestError} `invalid_response` for a success that is not JSON, or a failure without an
 *   OAuth error body.
 */
export async function readJson(
  res: Response,
  url: string,
): Promise<{ value: unknown } | { error: ErrorAnswer }> {
  const text = await res.text();
  const parsed = parseJson(text);
  if (res.ok) {
    if (text === '') return { value: undefined };
    if (parsed === undefined) {
      throw new RequestError('invalid_response', `${describe(url)} answered with a body that is not JSON`, {
        status: res.status,
      });
    }
    return { value: parsed };
  }
  const error = errorAnswer(res.status, parsed, res.headers);
  if (error) return { error };
  throw new RequestError('invalid_response', `${describe(url)} answered HTTP ${res.status}`, {
    status: res.status,
  });
}
