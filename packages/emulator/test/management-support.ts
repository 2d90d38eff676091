import type { Emulator } from 'auth0-emulator';
import { field, token } from './support.js';

/** The Management API client of these tests: a confidential client with `management_api: true`. */
export const M2M = { client_id: 'm2m', client_secret: 'm2m-secret-at-least-32-characters!!' };

/** A client_credentials answer for the Management API audience. */
export function managementToken(
  em: Emulator,
  client: { client_id: string; client_secret: string } = M2M,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return token(em, {
    grant_type: 'client_credentials',
    audience: `${em.issuer}api/v2/`,
    ...client,
    ...extra,
  });
}

/** An access token for the Management API, with every scope of the subset unless `scope` narrows it. */
export async function managementAccessToken(em: Emulator, scope?: string): Promise<string> {
  const { status, body } = await managementToken(em, M2M, scope === undefined ? {} : { scope });
  if (status !== 200) throw new Error(`no Management API token: ${JSON.stringify(body)}`);
  return field(body, 'access_token');
}

/** One Management API call: `/api/v2/{path}` with a JSON body, answered with the status and parsed JSON. */
export async function managementCall(
  em: Emulator,
  bearer: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(`api/v2/${path}`, em.issuer), {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
