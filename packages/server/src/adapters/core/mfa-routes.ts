import { RequestError } from '../../errors/index.js';
import { challengeTypeOf, factorTypeOf } from '../../mfa/check-options.js';
import { argumentError, optionalString, requireString } from '../../lib/validate.js';
import type { VerifyOptions } from '../../mfa/index.js';
import { errorJson } from './error-answers.js';
import { crossSiteRefused, isCrossSite, json, mediaType, type AdapterResponse } from './request-response.js';
import { isFields, type RouteContext } from './routes.js';

type MfaAction = (ctx: RouteContext, body: Record<string, unknown>) => Promise<AdapterResponse>;

/**
 * The JSON MFA routes under `routes.mfa`. A front end drives them with the encrypted mfa token from a
 * `403 mfa_required` answer; the raw token and the resulting tokens stay on the server (`verify`
 * stores them in the session).
 *
 * CSRF: a `POST` must be `Content-Type: application/json` (a cross-site form cannot send that without
 * a CORS preflight, which these routes never grant), and a request carrying `Origin` (or
 * `Sec-Fetch-Site: cross-site`) from elsewhere is refused. `GET authenticators` takes the token from
 * the `mfa-token` header, which a cross-site page cannot set either.
 */
export async function mfaRoute(ctx: RouteContext, action: string): Promise<AdapterResponse | undefined> {
  const method = ctx.req.method.toUpperCase();
  if (action === 'authenticators') {
    if (method !== 'GET') return undefined;
    const refused = crossSite(ctx);
    if (refused) return refused;
    return run(() => authenticators(ctx, { mfaToken: ctx.req.header('mfa-token') }));
  }
  const post = POST_ACTIONS[action];
  if (!post || method !== 'POST') return undefined;
  const refused = crossSite(ctx);
  if (refused) return refused;
  if (mediaType(ctx.req.header('content-type')) !== 'application/json')
    return json(415, { error: 'invalid_request', errorDescription: 'the body must be application/json' });
  const body = await ctx.req.readBody();
  if (!isFields(body))
    return json(400, { error: 'invalid_request', errorDescription: 'the body must be a JSON object' });
  return run(() => post(ctx, body));
}

const POST_ACTIONS: Record<string, MfaAction> = {
  async enroll({ handle }, body) {
    const factorType = factorTypeOf(body.factorType);
    return json(
      200,
      await handle.mfa.enrollAuthenticator({
        mfaToken: text(body.mfaToken, 'mfaToken'),
        factorType,
        phoneNumber: optionalText(body.phoneNumber, 'phoneNumber'),
        email: optionalText(body.email, 'email'),
      }),
    );
  },
  async challenge({ handle }, body) {
    const challengeType = challengeTypeOf(body.challengeType ?? 'oob');
    return json(
      200,
      await handle.mfa.challengeAuthenticator({
        mfaToken: text(body.mfaToken, 'mfaToken'),
        challengeType,
        authenticatorId: optionalText(body.authenticatorId, 'authenticatorId'),
      }),
    );
  },
  async verify({ handle }, body) {
    const result = await handle.mfa.verify(verifyOptions(body));
    return json(200, verified(result));
  },
  async wait({ handle, req, options }, body) {
    try {
      const result = await handle.mfa.waitForApproval({
        mfaToken: text(body.mfaToken, 'mfaToken'),
        oobCode: text(body.oobCode, 'oobCode'),
        intervalMs: options.mfaWait.intervalMs,
        timeoutMs: options.mfaWait.timeoutMs,
        ...(req.signal ? { signal: req.signal } : {}),
      });
      return json(200, verified(result));
    } catch (err) {
      // Still unanswered: the front end asks again rather than holding one request open for minutes.
      if (err instanceof RequestError && err.code === 'request_timeout' && err.error !== undefined)
        return json(202, { status: 'pending' });
      throw err;
    }
  },
};

async function authenticators(
  { handle }: RouteContext,
  input: { mfaToken: unknown },
): Promise<AdapterResponse> {
  const mfaToken = text(input.mfaToken, 'mfa-token');
  const [list, factors] = await Promise.all([
    handle.mfa.listAuthenticators({ mfaToken }),
    handle.mfa.getEnrollmentFactors({ mfaToken }),
  ]);
  return json(200, { authenticators: list, enrollmentFactors: factors });
}

/** What a completed verification tells the browser: where the token went, not the token. */
function verified(result: { audience: string; scope?: string; expiresAt: number; recoveryCode?: string }) {
  return {
    status: 'verified',
    audience: result.audience,
    ...(result.scope === undefined ? {} : { scope: result.scope }),
    expiresAt: result.expiresAt,
    // A new recovery code after a recovery-code login: the user must see it once.
    ...(result.recoveryCode === undefined ? {} : { recoveryCode: result.recoveryCode }),
  };
}

function verifyOptions(body: Record<string, unknown>): VerifyOptions {
  const mfaToken = text(body.mfaToken, 'mfaToken');
  if (body.otp !== undefined) return { mfaToken, otp: text(body.otp, 'otp') };
  if (body.recoveryCode !== undefined)
    return { mfaToken, recoveryCode: text(body.recoveryCode, 'recoveryCode') };
  if (body.oobCode !== undefined)
    return {
      mfaToken,
      oobCode: text(body.oobCode, 'oobCode'),
      bindingCode: optionalText(body.bindingCode, 'bindingCode'),
    };
  throw argumentError('exactly one of "otp", "oobCode" or "recoveryCode" must be given');
}

async function run(work: () => Promise<AdapterResponse>): Promise<AdapterResponse> {
  try {
    return await work();
  } catch (err) {
    const answer = errorJson(err);
    if (!answer) throw err;
    return answer;
  }
}

/** Refuses a request that a browser says comes from another site. */
function crossSite({ req, options }: RouteContext): AdapterResponse | undefined {
  return isCrossSite(req, options.origin) ? crossSiteRefused() : undefined;
}

function text(value: unknown, field: string): string {
  requireString(value, field);
  return value;
}

function optionalText(value: unknown, field: string): string | undefined {
  optionalString(value, field);
  return value;
}
