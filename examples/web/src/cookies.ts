import type { Request, Response } from 'express';
import { parseCookieHeader } from 'auth0-server-ts';
import { FLOW_COOKIE, FLOW_TTL_SECONDS } from './mfa-flows.js';

/** The step-up flow id from the request's cookie, if any. */
export function flowId(req: Request): string | undefined {
  return parseCookieHeader(req.headers.cookie ?? '')[FLOW_COOKIE];
}

/** Names the flow in an HttpOnly cookie; `secure` follows the app's own scheme. */
export function setFlowCookie(res: Response, id: string, secure: boolean): void {
  res.cookie(FLOW_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: FLOW_TTL_SECONDS * 1000,
  });
}

export function clearFlowCookie(res: Response, secure: boolean): void {
  res.clearCookie(FLOW_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
