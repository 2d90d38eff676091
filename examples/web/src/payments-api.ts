import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  calculateJwkThumbprint,
  createRemoteJWKSet,
  EmbeddedJWK,
  errors,
  jwtVerify,
  type JWTPayload,
} from 'jose';

/** Seconds a DPoP proof is accepted after its `iat` (RFC 9449 leaves it to the server; 5 minutes). */
const PROOF_MAX_AGE = 300;
/** How many proof `jti`s are remembered against replay; plenty for a demo's traffic within PROOF_MAX_AGE. */
const SEEN_MAX = 10_000;

/** Why a request was refused: the `error` and a short reason for the JSON answer. */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The Payments API, served by the demo itself so the API pages make real calls: it checks the access
 * token's signature against the issuer's JWKS, its issuer and its audience, as any resource server
 * would, and answers with made-up account data. A DPoP-bound token (`cnf.jkt`) is accepted only as
 * `Authorization: DPoP` with a proof (RFC 9449 section 7) whose `htm`, `htu`, `ath`, age, `jti` and
 * key (its thumbprint against `cnf.jkt`) check out; sent as `Bearer`, it is refused.
 */
export function paymentsApi(options: { issuer: string; audience: string }) {
  const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', options.issuer));
  const seen = new Set<string>();
  return async (req: Request, res: Response): Promise<void> => {
    const [, scheme, token] = /^(Bearer|DPoP) ([\w.~+/-]+=*)$/i.exec(req.get('authorization') ?? '') ?? [];
    if (!scheme || !token) {
      res.status(401).set('WWW-Authenticate', 'Bearer, DPoP').json({ error: 'invalid_token' });
      return;
    }
    const dpop = scheme.toLowerCase() === 'dpop';
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
      });
      const jkt = boundKey(payload);
      if (dpop) await checkProof(req, token, jkt, seen);
      else if (jkt !== undefined) throw new Refusal('dpop_bound_token_sent_as_bearer');
      res.json({
        account: 'DEMO-0001',
        balance: { amount: '1234.56', currency: 'EUR' },
        subject: payload.sub,
        scope: payload.scope,
        binding: dpop ? 'DPoP' : 'Bearer',
      });
    } catch (error) {
      // jose's messages name the failed check, never the token itself.
      const reason =
        error instanceof Refusal ? error.reason : error instanceof errors.JOSEError ? error.code : 'invalid';
      res
        .status(401)
        .set('WWW-Authenticate', `${dpop ? 'DPoP' : 'Bearer'} error="invalid_token"`)
        .json({ error: 'invalid_token', reason });
    }
  };
}

/** The `cnf.jkt` a token is bound to, when it is. */
function boundKey(payload: JWTPayload): string | undefined {
  const cnf = payload.cnf;
  const jkt = typeof cnf === 'object' && cnf !== null ? Reflect.get(cnf, 'jkt') : undefined;
  return typeof jkt === 'string' ? jkt : undefined;
}

async function checkProof(req: Request, token: string, jkt: string | undefined, seen: Set<string>) {
  if (jkt === undefined) throw new Refusal('token_not_dpop_bound');
  const proof = req.get('dpop');
  if (!proof) throw new Refusal('dpop_proof_missing');
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
    typ: 'dpop+jwt',
    algorithms: ['ES256', 'ES384', 'ES512', 'Ed25519', 'EdDSA'],
    maxTokenAge: PROOF_MAX_AGE,
  });
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  if (payload.htm !== req.method) throw new Refusal('dpop_htm_mismatch');
  if (payload.htu !== `${url.origin}${url.pathname}`) throw new Refusal('dpop_htu_mismatch');
  if (payload.ath !== createHash('sha256').update(token).digest('base64url'))
    throw new Refusal('dpop_ath_mismatch');
  if (!protectedHeader.jwk || (await calculateJwkThumbprint(protectedHeader.jwk)) !== jkt)
    throw new Refusal('dpop_key_mismatch');
  if (typeof payload.jti !== 'string' || seen.has(payload.jti)) throw new Refusal('dpop_proof_replayed');
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.add(payload.jti);
}
