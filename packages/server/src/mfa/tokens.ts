import {
  MfaTokenExpiredError,
  MfaTokenInvalidError,
  type MfaRequiredError,
  type MfaRequirements,
} from '../errors/index.js';
import { createSealer } from '../crypto/index.js';
import type { ErrorAnswer } from '../http/index.js';
import { parseRequirements, sealRequiredAnswers, type MfaBinding } from './required.js';
import type { MfaSessionBinding, MfaTokenContext, MfaTokenInput } from './types.js';
import { positiveNumber } from '../lib/validate.js';

/** Seconds an encrypted mfa token lives unless configured otherwise. */
export const DEFAULT_MFA_TOKEN_TTL = 300;

/**
 * The token is minted and checked by the same deployment, so only clock drift between its own
 * instances needs tolerating.
 */
const CLOCK_TOLERANCE = 1;

/** Options of {@link createMfaTokens}. */
export interface MfaTokensOptions {
  /** The SDK secret(s): the first encrypts, all decrypt. A key for mfa tokens only is derived. */
  secrets: string | readonly string[];
  clientId: string;
  /** The issuer identifier; tokens from another issuer's deployment are refused. */
  issuer: string | URL;
  /** Lifetime of an encrypted token in seconds; default 300. */
  ttlSeconds?: number | undefined;
}

/** Seals raw mfa tokens into bound, expiring JWEs and opens them again. */
export interface MfaTokens {
  /** The Transport's `onErrorAnswer`: an `mfa_required` answer becomes an `MfaRequiredError`, sealed. */
  readonly sealRequired: (
    answer: ErrorAnswer,
    binding: MfaBinding | undefined,
  ) => Promise<MfaRequiredError> | undefined;
  /** Encrypts `input`, bound to this client, the issuer and `session` when given. */
  encrypt(input: MfaTokenInput, session: MfaSessionBinding | undefined): Promise<string>;
  /**
   * Decrypts and checks a token against this client, the issuer and the `session` presenting it.
   *
   * @throws {MfaTokenExpiredError} `mfa_token_expired`
   * @throws {MfaTokenInvalidError} `mfa_token_invalid`
   */
  decrypt(token: string, session: MfaSessionBinding | undefined): Promise<MfaTokenContext>;
}

/** The claims inside the JWE. Short names keep the token small enough for a form field or header. */
interface SealedMfaToken {
  mfa: string;
  cid: string;
  iss: string;
  api?: string;
  scp?: string;
  req?: MfaRequirements;
  sid?: string;
  sub?: string;
}

/**
 * Creates the sealer of encrypted mfa tokens for one client. The ServerClient passes `sealRequired`
 * to the Transport and the whole object to {@link MfaClient}.
 *
 * @throws {TypeError} when no secret is given.
 */
export function createMfaTokens(options: MfaTokensOptions): MfaTokens {
  const secrets = typeof options.secrets === 'string' ? [options.secrets] : options.secrets;
  const sealer = createSealer(secrets, 'mfa-token');
  const issuer = new URL(options.issuer).href;
  const ttl = positiveNumber(options.ttlSeconds, 'mfaTokenTtl', DEFAULT_MFA_TOKEN_TTL, 'seconds');

  const encrypt: MfaTokens['encrypt'] = (input, session) => {
    const claims: SealedMfaToken = { mfa: input.mfaToken, cid: options.clientId, iss: issuer };
    if (input.audience !== undefined) claims.api = input.audience;
    if (input.scope !== undefined) claims.scp = input.scope;
    if (input.mfaRequirements !== undefined) claims.req = input.mfaRequirements;
    if (session) {
      claims.sid = session.sid;
      if (session.sub !== undefined) claims.sub = session.sub;
    }
    return sealer.seal({ ...claims }, ttl);
  };

  const decrypt: MfaTokens['decrypt'] = async (token, session) => {
    const opened = await sealer.unseal(token, { clockTolerance: CLOCK_TOLERANCE });
    if (!opened.ok) {
      if (opened.reason === 'expired') {
        throw new MfaTokenExpiredError('The mfa token has expired; start the authentication again');
      }
      throw invalid(
        'The mfa token could not be decrypted: pass MfaRequiredError.mfaToken as it is (a raw Auth0 mfa_token is refused; seal one with client.mfa.encryptMfaToken)',
      );
    }
    const p = opened.payload;
    if (typeof p.mfa !== 'string' || typeof p.exp !== 'number') {
      throw invalid('The mfa token could not be decrypted');
    }
    if (p.cid !== options.clientId || p.iss !== issuer) {
      throw invalid('The mfa token was issued for another client or issuer');
    }
    if (typeof p.sid === 'string') {
      const sub = typeof p.sub === 'string' ? p.sub : undefined;
      if (!session || session.sid !== p.sid || session.sub !== sub) {
        throw invalid('The mfa token was issued for another session');
      }
    }
    const context: MfaTokenContext = { mfaToken: p.mfa, expiresAt: p.exp };
    if (typeof p.api === 'string') context.audience = p.api;
    if (typeof p.scp === 'string') context.scope = p.scp;
    const requirements = parseRequirements(p.req);
    if (requirements) context.mfaRequirements = requirements;
    if (typeof p.sid === 'string') {
      context.session = typeof p.sub === 'string' ? { sid: p.sid, sub: p.sub } : { sid: p.sid };
    }
    return context;
  };

  return { sealRequired: sealRequiredAnswers(encrypt), encrypt, decrypt };
}

function invalid(message: string): MfaTokenInvalidError {
  return new MfaTokenInvalidError(message);
}
