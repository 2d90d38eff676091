import type { KoaContextWithOIDC } from 'oidc-provider';

/** A redirect URI the client sent that its registration does not list, with the ones it does. */
export interface UriMismatch {
  /** `redirect_uri` or `post_logout_redirect_uri`. */
  parameter: string;
  sent: string;
  clientId: string;
  registered: readonly string[];
}

const MAX_SHOWN = 200;

/**
 * `value` made safe for an error_description (RFC 6749 allows printable ASCII without `"` and `\`):
 * everything else percent-encoded, and cut at 200 characters. Values sent by the caller stay data.
 */
export function printable(value: string): string {
  const encoded = value.replace(/[^\x21\x23-\x5b\x5d-\x7e]/gu, (char) =>
    [...new TextEncoder().encode(char)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
  return encoded.length > MAX_SHOWN ? `${encoded.slice(0, MAX_SHOWN)}...` : encoded;
}

function param(ctx: KoaContextWithOIDC, name: string): string | undefined {
  const value = ctx.oidc?.params?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Recognises oidc-provider's two "not registered" errors by their description (PAR reports the first
 * as `invalid_request`, so the code does not tell) and collects what a developer needs to fix them.
 */
export function uriMismatch(
  ctx: KoaContextWithOIDC,
  description: string | undefined,
): UriMismatch | undefined {
  const client = ctx.oidc?.client;
  if (!client || !description) return undefined;
  if (description.startsWith('redirect_uri did not match')) {
    const sent = param(ctx, 'redirect_uri');
    return sent === undefined
      ? undefined
      : { parameter: 'redirect_uri', sent, clientId: client.clientId, registered: client.redirectUris ?? [] };
  }
  if (description === 'post_logout_redirect_uri not registered') {
    const sent = param(ctx, 'post_logout_redirect_uri');
    return sent === undefined
      ? undefined
      : {
          parameter: 'post_logout_redirect_uri',
          sent,
          clientId: client.clientId,
          registered: client.postLogoutRedirectUris ?? [],
        };
  }
  return undefined;
}

/** The one-line form, for JSON error bodies and logs. */
export function describeMismatch(mismatch: UriMismatch): string {
  const registered = mismatch.registered.map(printable).join(' ') || '(none)';
  return (
    `${mismatch.parameter} ${printable(mismatch.sent)} is not registered for client ${printable(mismatch.clientId)}; ` +
    `registered: ${registered}`
  );
}

/**
 * Koa middleware for the provider: JSON error bodies (PAR, /oidc/logout asked for JSON) of a mismatched
 * redirect URI name the value sent and the registered ones. HTML errors get the same from renderError.
 */
export async function explainUriMismatches(
  ctx: KoaContextWithOIDC,
  next: () => Promise<void>,
): Promise<void> {
  await next();
  const body: unknown = ctx.body;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return;
  const description = Reflect.get(body, 'error_description');
  const mismatch = uriMismatch(ctx, typeof description === 'string' ? description : undefined);
  if (mismatch) Reflect.set(body, 'error_description', describeMismatch(mismatch));
}
