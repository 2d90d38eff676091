import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { CibaRequest, CibaRequests } from '../ciba/requests.js';
import { decodeComponent } from '../http/decode.js';
import { redirect, sendHtml, sendJson } from '../http/respond.js';
import { answerCiba } from '../provider/ciba.js';
import { cibaPage } from './ciba-page.js';

const ANSWER = /^\/__dev\/ciba\/([^/]+)\/(approve|deny)$/;

/** What the CIBA development routes work on. */
export interface CibaDevDeps {
  provider: Provider;
  requests: CibaRequests;
  now: () => number;
}

/** A pending request as `GET /__dev/ciba` lists it. */
function wire(request: CibaRequest) {
  return {
    auth_req_id: request.id,
    client_id: request.clientId,
    user_id: request.userId,
    binding_message: request.bindingMessage,
    scope: request.scope,
    ...(request.audience ? { audience: request.audience } : {}),
    ...(request.authorizationDetails ? { authorization_details: request.authorizationDetails } : {}),
    expires_at: new Date(request.expiresAt).toISOString(),
  };
}

/**
 * The user's device for CIBA: `GET /__dev/ciba` lists the pending requests (a page for a browser,
 * JSON otherwise), `POST /__dev/ciba/:auth_req_id/approve` and `.../deny` answer one (the page's
 * forms get a redirect back to the list; other callers JSON, 404 for no such pending request).
 * Answers false for other paths.
 */
export async function handleCibaDev(
  deps: CibaDevDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  const person = (req.headers.accept ?? '').includes('text/html');
  if (req.method === 'GET' && pathname === '/__dev/ciba') {
    const pending = deps.requests.pending();
    if (person) sendHtml(res, 200, cibaPage(pending));
    else sendJson(res, 200, pending.map(wire));
    return true;
  }
  const answer = ANSWER.exec(pathname);
  if (req.method !== 'POST' || !answer?.[1]) return false;
  req.resume();
  const id = decodeComponent(answer[1]) ?? answer[1];
  const approve = answer[2] === 'approve';
  const done = await answerCiba(deps.provider, deps.requests, id, approve, deps.now);
  if (person) redirect(res, '/__dev/ciba');
  else if (done) sendJson(res, 200, { status: approve ? 'approved' : 'denied' });
  else
    sendJson(res, 404, { error: 'not_found', error_description: 'no pending request has that auth_req_id' });
  return true;
}
