import type { Request, Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

/**
 * The Payments API, served by the demo itself so the API page makes a real bearer-token call: it checks
 * the access token's signature against the issuer's JWKS, its issuer and its audience, as any resource
 * server would, and answers with made-up account data.
 */
export function paymentsApi(options: { issuer: string; audience: string }) {
  const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', options.issuer));
  return async (req: Request, res: Response): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer ([\w.~+/-]+=*)$/i.exec(header)?.[1];
    if (!token) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'invalid_token' });
      return;
    }
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
      });
      res.json({
        account: 'DEMO-0001',
        balance: { amount: '1234.56', currency: 'EUR' },
        subject: payload.sub,
        scope: payload.scope,
      });
    } catch (error) {
      // jose's messages name the failed check, never the token itself.
      const reason = error instanceof errors.JOSEError ? error.code : 'invalid';
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer error="invalid_token"')
        .json({ error: 'invalid_token', reason });
    }
  };
}
