import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MfaService } from '../mfa/index.js';
import { sendHtml, sendJson } from '../http/respond.js';
import { decodeComponent } from '../http/decode.js';
import { outboxPage } from './outbox-page.js';
import type { TokenStats } from './stats.js';

const PUSH = /^\/__dev\/push\/([^/]+)\/(approve|deny)$/;

/**
 * Development endpoints: the outbox of SMS, voice and email codes, answering push challenges, and
 * token-request statistics. Answers false for other paths.
 */
export function handleDev(
  mfa: MfaService,
  stats: TokenStats,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): boolean {
  if (req.method === 'GET' && pathname === '/__dev/outbox') {
    // A person following the link gets a page; tests and scripts (no text/html) get the JSON list.
    if ((req.headers.accept ?? '').includes('text/html')) sendHtml(res, 200, outboxPage(mfa.outbox()));
    else sendJson(res, 200, mfa.outbox());
    return true;
  }
  if (req.method === 'GET' && pathname === '/__dev/stats') {
    sendJson(res, 200, stats.snapshot());
    return true;
  }
  const push = PUSH.exec(pathname);
  if (req.method === 'POST' && push?.[1]) {
    // An undecodable segment is no oob_code the module issued, so it answers its 404.
    const oobCode = decodeComponent(push[1]) ?? push[1];
    const answer = push[2] === 'approve' ? mfa.approvePush(oobCode) : mfa.denyPush(oobCode);
    sendJson(res, answer.status, answer.body, answer.headers);
    return true;
  }
  return false;
}

/**
 * `/favicon.ico`: no icon, and no 404 in the browser's console either (the pages load nothing from
 * elsewhere, so browsers ask for this one).
 */
export function noIcon(res: ServerResponse): void {
  res.writeHead(204, { 'cache-control': 'public, max-age=86400' }).end();
}
