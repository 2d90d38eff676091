import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MfaService } from '../mfa/index.js';
import { sendJson } from '../http/respond.js';
import { decodeComponent } from '../http/decode.js';
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
    sendJson(res, 200, mfa.outbox());
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
