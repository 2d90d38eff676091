/**
 * {@link MfaService}: Auth0's MFA API (enrollment, challenges, the MFA grants, recovery codes, push) over
 * in-memory state, independent of any HTTP framework. The host parses requests, authenticates clients
 * and writes the returned {@link HandlerResult}s; this class only wires the options into the handlers.
 */
import type {
  HandlerResult,
  MfaRequiredBody,
  MfaRequirements,
  MfaServiceOptions,
  MfaUserInput,
  OutboxEntry,
  SeededUser,
  VerifyResult,
} from './types.js';
import { associate, type AssociateAuth } from './handlers/associate.js';
import {
  deleteAuthenticator,
  listAuthenticators,
  type AuthenticatorsAuth,
} from './handlers/authenticators.js';
import { challenge } from './handlers/challenge.js';
import { approvePush, currentTotp, denyPush, outbox } from './handlers/dev.js';
import { deliver } from './model/outbox.js';
import {
  verifyOob,
  verifyOtp,
  verifyRecoveryCode,
  type VerifyOobInput,
  type VerifyOtpInput,
  type VerifyRecoveryCodeInput,
} from './handlers/grants.js';
import { addUser, issueMfaToken } from './handlers/users.js';
import { computeRequirements, ENROLLABLE } from './model/requirements.js';
import { createState, hasActiveFactor, type MfaState } from './model/state.js';
import { argumentError, integer, nonNegativeNumber, string } from '../lib/validate.js';

/**
 * The MFA side of the local authorization server.
 *
 * @example
 * ```ts
 * const mfa = new MfaService({ tenant: 'emulator', baseUrl: 'http://127.0.0.1:4400/', log: console.log });
 * mfa.addUser({ userId: 'auth0|alice', email: 'alice@example.com', authenticators: [{ type: 'otp' }] });
 * const { body } = mfa.issueMfaToken({ userId: 'auth0|alice', clientId: 'app', context: { scope: 'openid' } });
 * const result = mfa.verifyOtp({ clientId: 'app', mfaToken: body.mfa_token, otp: '123456' });
 * if (result.ok) {
 *   // issue tokens for result.userId with result.context
 * }
 * ```
 */
export class MfaService {
  readonly #state: MfaState;

  /** @throws TypeError when `tenant` or `baseUrl` is missing or a duration is not a positive number. */
  constructor(options: MfaServiceOptions) {
    string(options.tenant, 'tenant');
    if (!URL.canParse(string(options.baseUrl, 'baseUrl'))) throw argumentError('baseUrl must be a URL');
    this.#state = createState({
      tenant: options.tenant,
      baseUrl: options.baseUrl,
      log: options.log ?? (() => undefined),
      now: options.now ?? Date.now,
      pushIntervalMs: seconds(options.pushIntervalSeconds, 5, 'pushIntervalSeconds'),
      oobTtlMs: seconds(options.oobTtlSeconds, 300, 'oobTtlSeconds'),
      mfaTokenTtlMs: seconds(options.mfaTokenTtlSeconds, 600, 'mfaTokenTtlSeconds'),
      maxAttempts: count(options.maxAttempts, 5, 'maxAttempts'),
      lockoutMs: seconds(options.lockoutSeconds, 300, 'lockoutSeconds'),
    });
  }

  /**
   * Minimum seconds between two polls of a push challenge (`pushIntervalSeconds`, 5 by default): what a
   * host tells the user or its pages to wait, so they poll no faster than the service allows.
   */
  get pushIntervalSeconds(): number {
    return this.#state.options.pushIntervalMs / 1000;
  }

  /**
   * Registers a user with already-active authenticators (an otp without `secret` gets a generated one,
   * returned so the host can print it). A user with authenticators also gets an active recovery code.
   *
   * @throws TypeError naming the field for invalid input, or when `userId` is already registered.
   */
  addUser(user: MfaUserInput): SeededUser {
    return addUser(this.#state, user);
  }

  /**
   * Forgets a user (the Management API deleted them): their authenticators, open challenges and
   * mfa_tokens, so a user created later under the same id starts with none.
   */
  removeUser(userId: string): void {
    const state = this.#state;
    state.users.delete(userId);
    for (const [code, record] of state.oob) if (record.userId === userId) state.oob.delete(code);
    for (const [token, record] of state.tokens) if (record.userId === userId) state.tokens.delete(token);
  }

  /**
   * Starts an MFA flow for a grant that needs MFA: the complete 403 `mfa_required` answer. `context` is
   * opaque host data (audience, scope, grant id...) handed back by the verifier that completes the flow.
   * An unknown user is registered with no authenticators.
   *
   * @throws TypeError when `userId` or `clientId` is empty.
   */
  issueMfaToken(input: { userId: string; clientId: string; context?: unknown }): {
    status: 403;
    body: MfaRequiredBody;
  } {
    return issueMfaToken(this.#state, input);
  }

  /** The `mfa_requirements` of a new flow for `userId` (`enroll` with every factor for an unknown user). */
  requirements(userId: string): MfaRequirements {
    const user = this.#state.users.get(userId);
    return user ? computeRequirements(user, []) : { enroll: ENROLLABLE.map((type) => ({ type })) };
  }

  /** Whether the user has an active factor, i.e. would be challenged rather than asked to enroll. */
  isEnrolled(userId: string): boolean {
    const user = this.#state.users.get(userId);
    return user !== undefined && hasActiveFactor(user);
  }

  /** `GET /mfa/authenticators`: 200 with the list, 401 `invalid_token` for an unusable mfa_token. */
  listAuthenticators(auth: AuthenticatorsAuth): HandlerResult {
    return listAuthenticators(this.#state, auth);
  }

  /** `DELETE /mfa/authenticators/{id}`: 204, or 404 (also for the recovery-code authenticator). */
  deleteAuthenticator(auth: { userId: string }, id: string): HandlerResult {
    return deleteAuthenticator(this.#state, auth, id);
  }

  /**
   * `POST /mfa/associate` with the parsed JSON body: 200 with the enrollment (an otp `secret` and
   * `barcode_uri`, or an `oob_code`; `recovery_codes` on a first enrollment), or Auth0's 4xx error.
   */
  associate(auth: AssociateAuth, body: unknown): HandlerResult {
    return associate(this.#state, auth, body);
  }

  /** `POST /mfa/challenge` with the parsed JSON body: 200 with `challenge_type` (and `oob_code`), or a 4xx error. */
  challenge(auth: { clientId: string }, body: unknown): HandlerResult {
    return challenge(this.#state, auth, body);
  }

  /** The `http://auth0.com/oauth/grant-type/mfa-otp` grant: success once every required factor passed. */
  verifyOtp(input: VerifyOtpInput): VerifyResult {
    return verifyOtp(this.#state, input);
  }

  /** The `http://auth0.com/oauth/grant-type/mfa-oob` grant; `authorization_pending` while a push is unanswered. */
  verifyOob(input: VerifyOobInput): VerifyResult {
    return verifyOob(this.#state, input);
  }

  /** The `http://auth0.com/oauth/grant-type/mfa-recovery-code` grant; success carries the NEW recovery code. */
  verifyRecoveryCode(input: VerifyRecoveryCodeInput): VerifyResult {
    return verifyRecoveryCode(this.#state, input);
  }

  /** Every SMS, voice and email code sent, newest last (`GET /__dev/outbox`). */
  outbox(): OutboxEntry[] {
    return outbox(this.#state);
  }

  /** Puts a message another part of the tenant sends (passwordless, password reset) in the same outbox. */
  send(entry: Omit<OutboxEntry, 'at'>): void {
    deliver(this.#state, entry);
  }

  /** `POST /__dev/push/:oob_code/approve`: 200, 404 for an unknown oob_code, 400 once expired. */
  approvePush(oobCode: string): HandlerResult {
    return approvePush(this.#state, oobCode);
  }

  /** `POST /__dev/push/:oob_code/deny`: 200, 404 for an unknown oob_code, 400 once expired. */
  denyPush(oobCode: string): HandlerResult {
    return denyPush(this.#state, oobCode);
  }

  /** The current code of the user's otp factor `authenticatorId` (or first one), by the service's clock. */
  currentTotp(userId: string, authenticatorId?: string): string | undefined {
    return currentTotp(this.#state, userId, authenticatorId);
  }
}

/** A duration option in seconds, as milliseconds. */
function seconds(value: number | undefined, fallback: number, field: string): number {
  return nonNegativeNumber(value, field, fallback, 'seconds') * 1000;
}

function count(value: number | undefined, fallback: number, field: string): number {
  return integer(value, field, fallback, { min: 1 });
}
