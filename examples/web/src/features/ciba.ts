import { randomBytes, randomInt } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import {
  BackchannelAuthenticationError,
  parseCookieHeader,
  type BackchannelLoginStart,
} from 'auth0-server-ts';
import { html } from '../html.js';
import { page, type PageContext } from '../pages/layout.js';
import type { FeatureDeps } from './shared.js';

/** The cookie naming this browser's request in progress; the request itself stays on the server. */
const CIBA_COOKIE = 'demo_ciba';

/** A started request: whoever holds `authReqId` could collect the tokens, so it never leaves the server. */
interface PendingRequest {
  started: BackchannelLoginStart;
  /** The user it was started for: only their session may poll it. */
  sub: string;
  bindingMessage: string;
  /** Epoch ms before which a poll would be early (the server answers `slow_down`). */
  nextPollAt: number;
}

function subOf(user: { sub?: unknown } | undefined): string | undefined {
  return typeof user?.sub === 'string' ? user.sub : undefined;
}

/**
 * `/ciba`: the logged-in user starts a backchannel login for themselves (`startBackchannelLogin`, the
 * binding message shown), approves it on the emulator's `/__dev/ciba` page in another tab, and
 * `/ciba/wait` polls once per load (`pollBackchannelLogin`), reloading itself every `interval` seconds
 * with a meta refresh until the answer comes.
 */
export function mountCiba(app: Express, deps: FeatureDeps, now: () => number = Date.now): void {
  const router = deps.formRouter(['/ciba']);
  const client = deps.auth.client;
  const pending = new Map<string, PendingRequest>();
  const approvalPage = deps.emulatorIssuer ? `${deps.emulatorIssuer}__dev/ciba` : undefined;
  const cookie = { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/ciba' } as const;

  const show = (
    req: Request,
    res: Response,
    title: string,
    body: ReturnType<typeof html>,
    refresh?: number,
  ) =>
    deps.send(req, res, (ctx: PageContext) =>
      page(ctx, title, body, refresh === undefined ? {} : { refreshSeconds: refresh }),
    );
  const startAgain = html`<p><a class="button" href="/ciba">Start another</a></p>`;

  router.use('/ciba', deps.auth.requiresAuth());
  router.get('/ciba', (req, res) =>
    show(
      req,
      res,
      'Backchannel login (CIBA)',
      html`<section class="card">
        <p class="lead">
          The app asks Auth0 to have you approve a login on another device, with a short binding message you
          can recognise there. Here the other device is the emulator's approval page, in another tab.
        </p>
        <form method="post" action="/ciba/start">
          <button type="submit">Start a backchannel login</button>
        </form>
      </section>`,
    ),
  );

  router.post('/ciba/start', async (req, res) => {
    const sub = subOf(await req.auth0.getUser());
    if (!sub) return res.redirect(303, '/auth/login?returnTo=%2Fciba');
    for (const [handle, entry] of pending)
      if (entry.started.expiresAt * 1000 <= now()) pending.delete(handle);
    const bindingMessage = `Demo login ${randomInt(1000, 10_000)}`;
    const started = await client.startBackchannelLogin({ bindingMessage, loginHint: { sub } });
    const handle = randomBytes(16).toString('base64url');
    pending.set(handle, { started, sub, bindingMessage, nextPollAt: now() + started.interval * 1000 });
    res.cookie(CIBA_COOKIE, handle, { ...cookie, maxAge: started.expiresIn * 1000 });
    res.redirect(303, '/ciba/wait');
  });

  router.get('/ciba/wait', async (req, res) => {
    const handle = parseCookieHeader(req.headers.cookie ?? '')[CIBA_COOKIE];
    const entry = handle === undefined ? undefined : pending.get(handle);
    if (!handle || !entry || entry.sub !== subOf(await req.auth0.getUser()))
      return show(req, res, 'No request in progress', html`<section class="card">${startAgain}</section>`);
    const done = (title: string, message: ReturnType<typeof html>) => {
      pending.delete(handle);
      res.clearCookie(CIBA_COOKIE, cookie);
      return show(req, res, title, html`<section class="card">${message} ${startAgain}</section>`);
    };
    if (now() >= entry.nextPollAt) {
      try {
        const result = await client.pollBackchannelLogin(entry.started, req.auth0.storeOptions);
        if (result.status === 'complete')
          return done(
            'Request approved',
            html`<p class="alert ok" role="status">
                You approved <q>${entry.bindingMessage}</q>: the app holds a new session from the backchannel
                login.
              </p>
              <p><a href="/profile">See the session on your profile</a></p>`,
          );
        entry.started = { ...entry.started, interval: result.interval };
        entry.nextPollAt = now() + result.interval * 1000;
      } catch (error) {
        if (!(error instanceof BackchannelAuthenticationError)) throw error;
        const denied = error.code === 'access_denied';
        return done(
          denied ? 'Request denied' : 'Request expired',
          html`<p class="alert error" role="alert">
            ${denied ? 'The request was denied: no login happened.' : 'Nobody answered in time.'}
          </p>`,
        );
      }
    }
    const wait = Math.max(1, Math.ceil((entry.nextPollAt - now()) / 1000));
    return show(
      req,
      res,
      'Waiting for your approval',
      html`<section class="card">
        <p class="lead">Approve the request with this binding message:</p>
        <p class="secret mono" id="binding-message">${entry.bindingMessage}</p>
        ${
          approvalPage
            ? html`<p>
                Open the emulator's
                <a href="${approvalPage}" target="_blank" rel="noopener"
                  >approval page (opens in a new tab)</a
                >
                and press Approve. This page checks again every few seconds.
              </p>`
            : html`<p>Approve it on your device. This page checks again every few seconds.</p>`
        }
      </section>`,
      wait,
    );
  });
  app.use(router);
}
