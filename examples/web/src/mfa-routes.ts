import express, { type Request, type Response, type Router } from 'express';
import { MfaRequiredError, isAuth0Error, type Authenticator } from 'auth0-server-ts';
import { clearFlowCookie, flowId, setFlowCookie } from './cookies.js';
import { field } from './features/shared.js';
import type { CodeChannel, MfaFlow, MfaFlows } from './mfa-flows.js';
import type { PageContext } from './pages/layout.js';
import {
  choosePage,
  codePage,
  noFlowPage,
  otpEnrollPage,
  pushPage,
  recoveryEntryPage,
  recoveryShownPage,
} from './pages/mfa.js';
import { qrCode } from './qr.js';

/** What the MFA pages need from the app. */
export interface MfaRoutesOptions {
  flows: MfaFlows;
  /** Whether cookies get `Secure` (the app is served over https). */
  secureCookies: boolean;
  /** The emulator's issuer, for the outbox link and the push hint; undefined against a real tenant. */
  emulatorIssuer: string | undefined;
  /** Seconds between two checks of a push challenge. */
  pushRefreshSeconds: number;
  /** Builds the page context of a request (user name, path, emulator note). */
  context: (req: Request) => Promise<PageContext>;
}

const FACTORS = ['otp', 'sms', 'voice', 'email', 'push'] as const;
type Factor = (typeof FACTORS)[number];

function isFactor(value: string): value is Factor {
  return FACTORS.some((factor) => factor === value);
}

/** Starts a step-up: keeps the encrypted token server-side, names it in a cookie, and opens the MFA page. */
export function startStepUp(
  res: Response,
  options: Pick<MfaRoutesOptions, 'flows' | 'secureCookies'>,
  error: MfaRequiredError,
  returnTo: string,
): void {
  const flow = options.flows.create({
    mfaToken: error.mfaToken,
    requirements: error.mfaRequirements,
    returnTo,
  });
  setFlowCookie(res, flow.id, options.secureCookies);
  res.redirect(303, '/mfa');
}

// What a user is told. Pages name a message by its key in the query string, so nobody can put their own
// words on these pages with a crafted link.
const MESSAGES = {
  'wrong-code': 'That code is not right. Check it and try again.',
  'code-used': 'That code was already used. Wait for your authenticator app to show the next one.',
  'too-many': 'Too many wrong codes. Wait a few minutes, then try again.',
  'code-expired': 'This code has expired. Choose a method to get a new one.',
  unavailable: 'That method cannot be used now. Choose another.',
  refused: 'The server refused that. Try another method.',
  rejected: 'The notification was rejected. Choose a method to try again.',
  choose: 'Choose a method.',
} as const;
type MessageKey = keyof typeof MESSAGES;

function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

// The server's own description stays out of the page; the error code picks the words.
function explain(error: unknown): MessageKey | undefined {
  if (!isAuth0Error(error)) return undefined;
  // Only the word "used" is read from the description, to tell a replayed code from a wrong one.
  if (error.error === 'invalid_grant')
    return /\balready used\b/i.test(error.errorDescription ?? '') ? 'code-used' : 'wrong-code';
  if (error.error === 'too_many_attempts' || error.status === 429) return 'too-many';
  if (error.error === 'expired_token') return 'code-expired';
  if (error.error === 'association_required' || error.error === 'unsupported_challenge_type')
    return 'unavailable';
  if (error.status !== undefined && error.status < 500) return 'refused';
  return undefined;
}

function channelOf(authenticator: Authenticator): CodeChannel | 'push' | undefined {
  if (authenticator.authenticatorType === 'otp') return 'otp';
  switch (authenticator.oobChannel) {
    case 'sms':
    case 'voice':
    case 'email':
      return authenticator.oobChannel;
    case 'auth0':
      return 'push';
    default:
      return undefined;
  }
}

/**
 * The server-rendered MFA pages under /mfa: choose a factor, enroll one (authenticator app with a QR code,
 * phone, email, push), enter a code, wait for a push, use a recovery code, and see a new recovery code once.
 * Every form posts and redirects, so reloading or going back never resubmits a code.
 */
export function mfaRoutes(options: MfaRoutesOptions): Router {
  const router = express.Router();
  const { flows } = options;

  // A flow belongs to the session that started it: its sealed mfa token is bound to that session, so
  // another session presenting the same flow cookie (a copied cookie, a shared machine) sees nothing.
  const current = async (req: Request): Promise<MfaFlow | undefined> => {
    const flow = flows.get(flowId(req));
    if (!flow) return undefined;
    try {
      await req.auth0.mfa.decryptMfaToken(flow.mfaToken);
      return flow;
    } catch (error) {
      if (isAuth0Error(error) && (error.code === 'mfa_token_invalid' || error.code === 'mfa_token_expired'))
        return undefined;
      throw error;
    }
  };

  async function render(
    req: Request,
    res: Response,
    status: number,
    view: (ctx: PageContext) => string | Promise<string>,
  ) {
    res
      .status(status)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(await view(await options.context(req)));
  }

  function finish(res: Response, flow: MfaFlow, recoveryCode: string | undefined): void {
    flow.step = undefined;
    flow.done = recoveryCode ? { recoveryCode } : {};
    res.redirect(303, recoveryCode ? '/mfa/recovery-code' : '/mfa/done');
  }

  // Runs `action`; on a known failure re-renders the step with the error, on chained MFA restarts the choice.
  async function attempt(res: Response, flow: MfaFlow, action: () => Promise<void>, back: string) {
    try {
      await action();
    } catch (error) {
      if (error instanceof MfaRequiredError) {
        flow.mfaToken = error.mfaToken;
        flow.requirements = error.mfaRequirements;
        flow.step = undefined;
        return res.redirect(303, '/mfa');
      }
      // An expired or foreign token cannot be repaired here: start the step-up again from the page.
      if (isAuth0Error(error) && (error.code === 'mfa_token_expired' || error.code === 'mfa_token_invalid')) {
        flows.delete(flow.id);
        clearFlowCookie(res, options.secureCookies);
        return res.redirect(303, flow.returnTo);
      }
      const message = explain(error);
      if (!message) throw error;
      res.redirect(303, `${back}?error=${message}`);
    }
  }

  router.use(express.urlencoded({ extended: false, limit: '4kb' }));

  // Every page needs a flow in progress; without one there is nothing to verify.
  const withFlow =
    (handler: (req: Request, res: Response, flow: MfaFlow) => unknown) =>
    async (req: Request, res: Response) => {
      const flow = await current(req);
      if (!flow) return render(req, res, 200, noFlowPage);
      await handler(req, res, flow);
    };
  // Errors come back through the query string after a redirect, as a key of MESSAGES.
  const errorOf = (req: Request): string | undefined =>
    isMessageKey(req.query.error) ? MESSAGES[req.query.error] : undefined;

  router.get(
    '/',
    withFlow(async (req, res, flow) => {
      if (flow.done) return res.redirect(303, flow.done.recoveryCode ? '/mfa/recovery-code' : '/mfa/done');
      flow.step = undefined;
      const challenging = !flow.requirements?.enroll?.length;
      // A token that expired while the page sat open sends the user back to start again.
      await attempt(
        res,
        flow,
        async () => {
          const authenticators = challenging
            ? await req.auth0.mfa.listAuthenticators({ mfaToken: flow.mfaToken })
            : [];
          const user = await req.auth0.getUser();
          await render(req, res, 200, (ctx) =>
            choosePage(ctx, {
              requirements: flow.requirements,
              authenticators,
              defaultEmail: typeof user?.email === 'string' ? user.email : '',
              error: errorOf(req),
            }),
          );
        },
        '/',
      );
    }),
  );

  router.post(
    '/enroll',
    withFlow(async (req, res, flow) => {
      const factor = field(req, 'factor');
      if (!isFactor(factor)) return res.redirect(303, '/mfa?error=choose');
      await attempt(
        res,
        flow,
        async () => {
          const enrollment = await req.auth0.mfa.enrollAuthenticator({
            mfaToken: flow.mfaToken,
            factorType: factor,
            ...(factor === 'sms' || factor === 'voice' ? { phoneNumber: field(req, 'phoneNumber') } : {}),
            ...(factor === 'email' ? { email: field(req, 'email') } : {}),
          });
          flow.pendingRecoveryCode = enrollment.recoveryCodes?.[0];
          if (enrollment.authenticatorType === 'otp') {
            flow.step = { kind: 'otp-enroll', secret: enrollment.secret, barcodeUri: enrollment.barcodeUri };
            return res.redirect(303, '/mfa/enroll/otp');
          }
          if (!enrollment.oobCode) throw new Error('the enrollment answer had no oob_code');
          if (factor === 'push') {
            flow.step = { kind: 'push', oobCode: enrollment.oobCode, enrolling: true };
            return res.redirect(303, '/mfa/push');
          }
          if (factor === 'otp') throw new Error('an otp enrollment answered as oob');
          flow.step = { kind: 'code', channel: factor, oobCode: enrollment.oobCode, enrolling: true };
          res.redirect(303, '/mfa/code');
        },
        '/mfa',
      );
    }),
  );

  router.get(
    '/enroll/otp',
    withFlow(async (req, res, flow) => {
      const step = flow.step;
      if (step?.kind !== 'otp-enroll') return res.redirect(303, '/mfa');
      const qr = await qrCode(step.barcodeUri, 'QR code for your authenticator app');
      await render(req, res, 200, (ctx) =>
        otpEnrollPage(ctx, { qr, secret: step.secret, error: errorOf(req) }),
      );
    }),
  );

  router.post(
    '/challenge',
    withFlow(async (req, res, flow) => {
      const id = field(req, 'authenticatorId');
      await attempt(
        res,
        flow,
        async () => {
          const authenticators = await req.auth0.mfa.listAuthenticators({ mfaToken: flow.mfaToken });
          const chosen = authenticators.find((a) => a.id === id && a.active);
          const channel = chosen && channelOf(chosen);
          if (!chosen || !channel) return void res.redirect(303, '/mfa?error=choose');
          if (channel === 'otp') {
            flow.step = { kind: 'code', channel: 'otp', enrolling: false };
            return res.redirect(303, '/mfa/code');
          }
          const challenge = await req.auth0.mfa.challengeAuthenticator({
            mfaToken: flow.mfaToken,
            challengeType: 'oob',
            authenticatorId: chosen.id,
          });
          if (!challenge.oobCode) throw new Error('the challenge answer had no oob_code');
          flow.step =
            channel === 'push'
              ? { kind: 'push', oobCode: challenge.oobCode, enrolling: false }
              : { kind: 'code', channel, oobCode: challenge.oobCode, enrolling: false };
          res.redirect(303, channel === 'push' ? '/mfa/push' : '/mfa/code');
        },
        '/mfa',
      );
    }),
  );

  router.get(
    '/code',
    withFlow(async (req, res, flow) => {
      const step = flow.step;
      if (step?.kind !== 'code') return res.redirect(303, '/mfa');
      const outboxUrl = options.emulatorIssuer ? `${options.emulatorIssuer}__dev/outbox` : undefined;
      await render(req, res, 200, (ctx) =>
        codePage(ctx, { channel: step.channel, outboxUrl, error: errorOf(req) }),
      );
    }),
  );

  router.get(
    '/recovery',
    withFlow(async (req, res, flow) => {
      flow.step = { kind: 'recovery' };
      await render(req, res, 200, (ctx) => recoveryEntryPage(ctx, { error: errorOf(req) }));
    }),
  );

  router.post(
    '/verify',
    withFlow(async (req, res, flow) => {
      const step = flow.step;
      if (!step || step.kind === 'push') return res.redirect(303, '/mfa');
      const back =
        step.kind === 'otp-enroll'
          ? '/mfa/enroll/otp'
          : step.kind === 'recovery'
            ? '/mfa/recovery'
            : '/mfa/code';
      await attempt(
        res,
        flow,
        async () => {
          let result;
          if (step.kind === 'recovery') {
            result = await req.auth0.mfa.verify({
              mfaToken: flow.mfaToken,
              recoveryCode: field(req, 'recoveryCode'),
            });
          } else if (step.kind === 'otp-enroll' || step.channel === 'otp') {
            result = await req.auth0.mfa.verify({ mfaToken: flow.mfaToken, otp: field(req, 'otp') });
          } else {
            if (!step.oobCode) return void res.redirect(303, '/mfa');
            result = await req.auth0.mfa.verify({
              mfaToken: flow.mfaToken,
              oobCode: step.oobCode,
              bindingCode: field(req, 'bindingCode'),
            });
          }
          finish(res, flow, result.recoveryCode ?? flow.pendingRecoveryCode);
        },
        back,
      );
    }),
  );

  // Each load asks the server once; the page's refresh makes that a poll, with no script.
  router.get(
    '/push',
    withFlow(async (req, res, flow) => {
      const step = flow.step;
      if (step?.kind !== 'push') return res.redirect(303, '/mfa');
      await attempt(
        res,
        flow,
        async () => {
          try {
            const result = await req.auth0.mfa.verify({ mfaToken: flow.mfaToken, oobCode: step.oobCode });
            finish(res, flow, result.recoveryCode ?? flow.pendingRecoveryCode);
          } catch (failure) {
            if (!isAuth0Error(failure)) throw failure;
            if (failure.error === 'invalid_grant') {
              flow.step = undefined;
              return res.redirect(303, '/mfa?error=rejected');
            }
            if (failure.error !== 'authorization_pending' && failure.error !== 'slow_down') throw failure;
            await render(req, res, 200, (ctx) =>
              pushPage(ctx, {
                refreshSeconds: options.pushRefreshSeconds,
                oobCode: step.oobCode,
                emulatorIssuer: options.emulatorIssuer,
              }),
            );
          }
        },
        '/mfa',
      );
    }),
  );

  router.get(
    '/recovery-code',
    withFlow(async (req, res, flow) => {
      const code = flow.done?.recoveryCode;
      if (!code) return res.redirect(303, flow.done ? '/mfa/done' : '/mfa');
      const why =
        flow.pendingRecoveryCode === code
          ? 'Your second factor is set up. Here is your recovery code.'
          : 'You used your recovery code, so here is a new one.';
      // Shown once: the next load has nothing to show.
      flow.done = {};
      await render(req, res, 200, (ctx) => recoveryShownPage(ctx, { code, why }));
    }),
  );

  const done = withFlow((_req, res, flow) => {
    if (!flow.done) return res.redirect(303, '/mfa');
    flows.delete(flow.id);
    clearFlowCookie(res, options.secureCookies);
    res.redirect(303, flow.returnTo);
  });
  router.get('/done', done);
  router.post('/done', done);

  router.post(
    '/cancel',
    withFlow((_req, res, flow) => {
      flows.delete(flow.id);
      clearFlowCookie(res, options.secureCookies);
      res.redirect(303, '/');
    }),
  );

  return router;
}
