import type { Express, Request, Response } from 'express';
import { CallbackError, PasswordlessStartError, PasswordlessVerifyError } from 'auth0-server-ts';
import { html } from '../html.js';
import { alert, page, sixDigitCodeInput, type PageContext } from '../pages/layout.js';
import { field, outboxNote, type FeatureDeps } from './shared.js';

type Channel = 'email' | 'sms';
/** Where the magic link brings the browser back; a callback URL of the client in emulator.json. */
export const MAGIC_LINK_CALLBACK = '/passwordless/callback';
const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function startPage(ctx: PageContext, error?: string): string {
  return page(
    ctx,
    'Passwordless login',
    html`${alert('error', error)}
      <section class="card">
        <h2>A code by email</h2>
        <form method="post" action="/passwordless/start">
          <input type="hidden" name="send" value="email" />
          <label for="email-code">Email address</label>
          <input id="email-code" name="to" type="email" autocomplete="email" required />
          <button type="submit">Email me a code</button>
        </form>
      </section>
      <section class="card">
        <h2>A code by SMS</h2>
        <form method="post" action="/passwordless/start">
          <input type="hidden" name="send" value="sms" />
          <label for="phone">Phone number</label>
          <input id="phone" name="to" type="tel" autocomplete="tel" required aria-describedby="phone-hint" />
          <p class="hint" id="phone-hint">International format, for example +15555550123.</p>
          <button type="submit">Text me a code</button>
        </form>
      </section>
      <section class="card">
        <h2>A magic link by email</h2>
        <form method="post" action="/passwordless/start">
          <input type="hidden" name="send" value="link" />
          <label for="email-link">Email address</label>
          <input id="email-link" name="to" type="email" autocomplete="email" required />
          <button type="submit">Email me a link</button>
        </form>
        <p class="hint">Open the link in this browser: it completes only where it was asked for.</p>
      </section>`,
  );
}

function codePage(ctx: PageContext, deps: FeatureDeps, channel: Channel, to: string, error?: string): string {
  return page(
    ctx,
    'Enter your code',
    html`${alert('error', error)}
      <section class="card">
        <p class="lead">We sent a code to <strong>${to}</strong>.</p>
        ${outboxNote(deps)}
        <form method="post" action="/passwordless/verify">
          <input type="hidden" name="connection" value="${channel}" />
          <input type="hidden" name="to" value="${to}" />
          <label for="code">Code you received</label>
          ${sixDigitCodeInput('code', { invalid: Boolean(error) })}
          <button type="submit">Log in</button>
        </form>
        <p><a href="/passwordless">Start again</a></p>
      </section>`,
  );
}

function linkSentPage(ctx: PageContext, deps: FeatureDeps, to: string): string {
  return page(
    ctx,
    'Check your email',
    html`<section class="card">
      <p class="lead" role="status">We emailed a link to <strong>${to}</strong>. Open it in this browser.</p>
      ${outboxNote(deps)}
    </section>`,
  );
}

/**
 * `/passwordless`: log in with an email code, an SMS code (`startPasswordless` then
 * `completePasswordless`) or an email magic link (`startPasswordless({ send: 'link' })`, then
 * `completePasswordlessMagicLink` at {@link MAGIC_LINK_CALLBACK}, in the browser that asked).
 */
export function mountPasswordless(app: Express, deps: FeatureDeps): void {
  const router = deps.formRouter(['/passwordless']);
  const client = deps.auth.client;

  router.get('/passwordless', (req, res) => deps.send(req, res, (ctx) => startPage(ctx)));

  router.post('/passwordless/start', async (req: Request, res: Response) => {
    const send = field(req, 'send');
    const to = field(req, 'to');
    const channel: Channel = send === 'sms' ? 'sms' : 'email';
    const valid = channel === 'sms' ? E164.test(to) : EMAIL.test(to);
    if (!['email', 'sms', 'link'].includes(send) || !valid) {
      const message =
        channel === 'sms' ? 'Enter the phone number as +, country code, number.' : 'Enter an email address.';
      return deps.send(req, res, (ctx) => startPage(ctx, message), 400);
    }
    const storeOptions = req.auth0.storeOptions;
    try {
      if (send === 'sms')
        await client.startPasswordless({ connection: 'sms', phoneNumber: to }, storeOptions);
      else if (send === 'email')
        await client.startPasswordless({ connection: 'email', email: to }, storeOptions);
      else {
        const redirectUri = new URL(MAGIC_LINK_CALLBACK, deps.base).href;
        await client.startPasswordless(
          { connection: 'email', email: to, send: 'link', redirectUri },
          storeOptions,
        );
        return deps.send(req, res, (ctx) => linkSentPage(ctx, deps, to));
      }
    } catch (error) {
      if (!(error instanceof PasswordlessStartError)) throw error;
      return deps.send(
        req,
        res,
        (ctx) => startPage(ctx, 'That address was refused. Check it and try again.'),
        400,
      );
    }
    await deps.send(req, res, (ctx) => codePage(ctx, deps, channel, to));
  });

  router.post('/passwordless/verify', async (req, res) => {
    const channel: Channel = field(req, 'connection') === 'sms' ? 'sms' : 'email';
    const to = field(req, 'to');
    const code = field(req, 'code');
    try {
      await client.completePasswordless(
        channel === 'sms'
          ? { connection: 'sms', phoneNumber: to, verificationCode: code }
          : { connection: 'email', email: to, verificationCode: code },
        req.auth0.storeOptions,
      );
    } catch (error) {
      if (!(error instanceof PasswordlessVerifyError) && !(error instanceof TypeError)) throw error;
      const message = 'That code is wrong or has expired.';
      return deps.send(req, res, (ctx) => codePage(ctx, deps, channel, to, message), 400);
    }
    res.redirect(303, '/profile');
  });

  router.get(MAGIC_LINK_CALLBACK, async (req, res) => {
    try {
      await client.completePasswordlessMagicLink(new URL(req.originalUrl, deps.base), req.auth0.storeOptions);
    } catch (error) {
      if (!(error instanceof CallbackError) && !(error instanceof PasswordlessVerifyError)) throw error;
      const message = 'This link is used, expired, or was asked for in another browser. Ask for a new one.';
      return deps.send(req, res, (ctx) => startPage(ctx, message), 400);
    }
    res.redirect(303, '/profile');
  });
  app.use(router);
}
