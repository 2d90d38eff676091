import express, { type Request, type Response, type Router } from 'express';
import { MfaRequiredError, isAuth0Error, type Authenticator } from 'auth0-server-ts';
import { clearFlowCookie, flowId, setFlowCookie } from './cookies.js';
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

const FACTORS = new Set(['otp', 'sms', 'voice', 'email', 'push']);

function field(req: Request, name: string): string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return '';
  const value: unknown = Reflect.get(body, name);
  return typeof value === 'string' ? value.trim() : '';
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

// The words a user sees for what the server said; the server's own description stays in the logs.
function explain(error: unknown): string | undefined {
  if (!isAuth0Error(error)) return undefined;
  if (error.code === 'mfa_token_expired') return 'This verification took too long. Start again.';
  if (error.code === 'mfa_token_invalid') return 'This verification does not belong to your session. Start again.';
  if (error.error === 'invalid_grant') return 'That code is not right. Check it and try again.';
  if (error.error === 'too_many_attempts' || error.status === 429)
    return 'Too many wrong codes. Wait a few minutes, then try again.';
  if (error.error === 'expired_token') return 'This code has expired. Choose a method to get a new one.';
  if (error.error === 'association_required' || error.error === 'unsupported_challenge_type')
    return 'That method cannot be used now. Choose another.';
  if (error.status !== undefined && error.status < 500) return 'The server refused that. Try another method.';
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

  const current = (req: Request): MfaFlow | undefined => flows.get(flowId(req));

  async function render(req: Request, res: Response, status: number, view: (ctx: PageContext) => string | Promise<string>) {
    res.status(status).type('html').set('Cache-Control', 'no-store').send(await view(await options.context(req)));
  }

  function finish(req: Request, res: Response, flow: MfaFlow, recoveryCode: string | undefined): void {
    flow.step = undefined;
    flow.done = recoveryCode ? { recoveryCode } : {};
    res.redirect(303, recoveryCode ? '/mfa/recovery-code' : '/mfa/done');
    void req;
  }

  // Runs `action`; on a known failure re-renders the step with the error, on chained MFA restarts the choice.
  async function attempt(req: Request, res: Response, flow: MfaFlow, action: () => Promise<void>, back: string) {
    try {
      await action();
    } catch (error) {
      if (error instanceof MfaRequiredError) {
        flow.mfaToken = error.mfaToken;
        flow.requirements = error.mfaRequirements;
        flow.step = undefined;
        return res.redirect(303, '/mfa');
      }
      const message = explain(error);
      if (!message) throw error;
      if (isAuth0Error(error) && (error.code === 'mfa_token_expired' || error.code === 'mfa_token_invalid')) {
        flows.delete(flow.id);
        clearFlowCookie(res, options.secureCookies);
        return res.redirect(303, flow.returnTo);
      }
      res.redirect(303, `${back}?error=${encodeURIComponent(message)}`);
    }
  }

  router.use(express.urlencoded({ extended: false, limit: '4kb' }));

  // Everything below needs a flow in progress; without one there is nothing to verify.
  router.use((req, res, next) => {
    const flow = current(req);
    if (!flow) return void render(req, res, 200, noFlowPage).catch(next);
    res.locals.flow = flow;
    next();
  });
  const flowOf = (res: Response): MfaFlow => res.locals.flow as MfaFlow;
  // Errors come back through the query string after a redirect; only our own fixed messages are shown.
  const errorOf = (req: Request): string | undefined => {
    const value = req.query.error;
    return typeof value === 'string' && value.length < 200 ? value : undefined;
  };

  router.get('/', async (req, res) => {
    const flow = flowOf(res);
    if (flow.done) return res.redirect(303, flow.done.recoveryCode ? '/mfa/recovery-code' : '/mfa/done');
    flow.step = undefined;
    const challenging = !flow.requirements?.enroll?.length;
    const authenticators = challenging ? await req.auth0.mfa.listAuthenticators({ mfaToken: flow.mfaToken }) : [];
    const user = await req.auth0.getUser();
    await render(req, res, 200, (ctx) =>
      choosePage(ctx, {
        requirements: flow.requirements,
        authenticators,
        defaultEmail: typeof user?.email === 'string' ? user.email : '',
        error: errorOf(req),
      }),
    );
  });

  router.post('/enroll', async (req, res) => {
    const flow = flowOf(res);
    const factor = field(req, 'factor');
    if (!FACTORS.has(factor)) return res.redirect(303, `/mfa?error=${encodeURIComponent('Choose a method.')}`);
    await attempt(
      req,
      res,
      flow,
      async () => {
        const enrollment = await req.auth0.mfa.enrollAuthenticator({
          mfaToken: flow.mfaToken,
          factorType: factor as 'otp' | 'sms' | 'voice' | 'email' | 'push',
          ...(factor === 'sms' || factor === 'voice' ? { phoneNumber: field(req, 'phoneNumber') } : {}),
          ...(factor === 'email' ? { email: field(req, 'email') } : {}),
        });
        flow.pendingRecoveryCode = enrollment.recoveryCodes?.[0];
        if (enrollment.authenticatorType === 'otp') {
          flow.step = { kind: 'otp-enroll', secret: enrollment.secret, barcodeUri: enrollment.barcodeUri };
          return res.redirect(303, '/mfa/enroll/otp');
        }
        if (!enrollment.oobCode) throw new Error('the enrollment answer had no oob_code');
        flow.step =
          factor === 'push'
            ? { kind: 'push', oobCode: enrollment.oobCode, enrolling: true }
            : { kind: 'code', channel: factor as CodeChannel, oobCode: enrollment.oobCode, enrolling: true };
        res.redirect(303, factor === 'push' ? '/mfa/push' : '/mfa/code');
      },
      '/mfa',
    );
  });

  router.get('/enroll/otp', async (req, res) => {
    const step = flowOf(res).step;
    if (step?.kind !== 'otp-enroll') return res.redirect(303, '/mfa');
    const qr = await qrCode(step.barcodeUri, 'QR code for your authenticator app');
    await render(req, res, 200, (ctx) => otpEnrollPage(ctx, { qr, secret: step.secret, error: errorOf(req) }));
  });

  router.post('/challenge', async (req, res) => {
    const flow = flowOf(res);
    const id = field(req, 'authenticatorId');
    await attempt(
      req,
      res,
      flow,
      async () => {
        const authenticators = await req.auth0.mfa.listAuthenticators({ mfaToken: flow.mfaToken });
        const chosen = authenticators.find((a) => a.id === id && a.active);
        const channel = chosen && channelOf(chosen);
        if (!chosen || !channel) return void res.redirect(303, `/mfa?error=${encodeURIComponent('Choose a method.')}`);
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
  });

  router.get('/code', async (req, res) => {
    const step = flowOf(res).step;
    if (step?.kind !== 'code') return res.redirect(303, '/mfa');
    const outboxUrl = options.emulatorIssuer ? `${options.emulatorIssuer}__dev/outbox` : undefined;
    await render(req, res, 200, (ctx) => codePage(ctx, { channel: step.channel, outboxUrl, error: errorOf(req) }));
  });

  router.get('/recovery', async (req, res) => {
    flowOf(res).step = { kind: 'recovery' };
    await render(req, res, 200, (ctx) => recoveryEntryPage(ctx, { error: errorOf(req) }));
  });

  router.post('/verify', async (req, res) => {
    const flow = flowOf(res);
    const step = flow.step;
    if (!step || step.kind === 'push') return res.redirect(303, '/mfa');
    const back = step.kind === 'otp-enroll' ? '/mfa/enroll/otp' : step.kind === 'recovery' ? '/mfa/recovery' : '/mfa/code';
    await attempt(
      req,
      res,
      flow,
      async () => {
        let result;
        if (step.kind === 'recovery') {
          result = await req.auth0.mfa.verify({ mfaToken: flow.mfaToken, recoveryCode: field(req, 'recoveryCode') });
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
        finish(req, res, flow, result.recoveryCode ?? flow.pendingRecoveryCode);
      },
      back,
    );
  });

  // Each load asks the server once; the page's refresh makes that a poll, with no script.
  router.get('/push', async (req, res) => {
    const flow = flowOf(res);
    const step = flow.step;
    if (step?.kind !== 'push') return res.redirect(303, '/mfa');
    let error: string | undefined;
    try {
      const result = await req.auth0.mfa.verify({ mfaToken: flow.mfaToken, oobCode: step.oobCode });
      return finish(req, res, flow, result.recoveryCode ?? flow.pendingRecoveryCode);
    } catch (failure) {
      const pending =
        isAuth0Error(failure) && (failure.error === 'authorization_pending' || failure.error === 'slow_down');
      if (!pending) {
        if (failure instanceof MfaRequiredError) {
          flow.mfaToken = failure.mfaToken;
          flow.requirements = failure.mfaRequirements;
          flow.step = undefined;
          return res.redirect(303, '/mfa');
        }
        error = failure instanceof Error && isAuth0Error(failure) && failure.error === 'invalid_grant'
          ? 'The notification was rejected. Choose a method to try again.'
          : explain(failure);
        if (!error) throw failure;
        flow.step = undefined;
        return res.redirect(303, `/mfa?error=${encodeURIComponent(error)}`);
      }
    }
    await render(req, res, 200, (ctx) =>
      pushPage(ctx, {
        refreshSeconds: options.pushRefreshSeconds,
        oobCode: step.oobCode,
        emulatorIssuer: options.emulatorIssuer,
      }),
    );
  });

  router.get('/recovery-code', async (req, res) => {
    const flow = flowOf(res);
    const code = flow.done?.recoveryCode;
    if (!code) return res.redirect(303, flow.done ? '/mfa/done' : '/mfa');
    const why = flow.pendingRecoveryCode === code
      ? 'Your second factor is set up. Here is your recovery code.'
      : 'You used your recovery code, so here is a new one.';
    // Shown once: the next load has nothing to show.
    flow.done = {};
    await render(req, res, 200, (ctx) => recoveryShownPage(ctx, { code, why }));
  });

  const done = (_req: Request, res: Response) => {
    const flow = flowOf(res);
    if (!flow.done) return res.redirect(303, '/mfa');
    flows.delete(flow.id);
    clearFlowCookie(res, options.secureCookies);
    res.redirect(303, flow.returnTo);
  };
  router.get('/done', done);
  router.post('/done', done);

  router.post('/cancel', (_req, res) => {
    const flow = flowOf(res);
    flows.delete(flow.id);
    clearFlowCookie(res, options.secureCookies);
    res.redirect(303, '/');
  });

  return router;
}
