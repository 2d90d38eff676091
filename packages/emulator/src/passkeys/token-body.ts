import type { IncomingMessage } from 'node:http';

/**
 * Auth0 takes the webauthn grant as JSON with `authn_response` an object; a string (a form body, or
 * JSON with the credential serialized twice) is refused before the grant runs. Returns the 400 answer,
 * or undefined when the body is acceptable (or has no `authn_response`, for the grant to report).
 */
export function authnResponseRefusal(
  req: IncomingMessage,
  body: Buffer,
): { error: string; error_description: string } | undefined {
  const refusal = { error: 'invalid_request', error_description: 'authn_response must be of type object' };
  const json = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
  if (!json) return new URLSearchParams(body.toString('utf8')).has('authn_response') ? refusal : undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('authn_response' in parsed)) return undefined;
  const value = parsed.authn_response;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : refusal;
}
