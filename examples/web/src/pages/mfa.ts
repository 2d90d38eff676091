import type { Authenticator, MfaRequirements } from 'auth0-server-ts';
import type { Html } from '../html.js';
import { html } from '../html.js';
import type { CodeChannel } from '../mfa-flows.js';
import { alert, page, sixDigitCodeInput, type PageContext } from './layout.js';

const CHANNEL: Record<string, { label: string; detail: string }> = {
  otp: { label: 'Authenticator app', detail: 'Enter the 6-digit code from your app' },
  sms: { label: 'Text message', detail: 'We text a code to your phone' },
  voice: { label: 'Voice call', detail: 'We call your phone and read a code' },
  email: { label: 'Email', detail: 'We email you a code' },
  auth0: { label: 'Push notification', detail: 'Approve a prompt on your phone' },
};

function channelOf(authenticator: Authenticator): string {
  return authenticator.authenticatorType === 'otp' ? 'otp' : (authenticator.oobChannel ?? 'sms');
}

/** The factors to choose from: enroll a first one, or challenge one the user has. */
export function choosePage(
  ctx: PageContext,
  options: {
    requirements: MfaRequirements | undefined;
    authenticators: Authenticator[];
    defaultEmail: string;
    error?: string;
  },
): string {
  const enroll = options.requirements?.enroll?.map((r) => r.type) ?? [];
  if (enroll.length > 0) return enrollChoicePage(ctx, enroll, options.defaultEmail, options.error);
  const challengeTypes = options.requirements?.challenge?.map((r) => r.type) ?? [];
  const choices = options.authenticators
    .filter((a) => a.active && a.authenticatorType !== 'recovery-code')
    .map((a) => {
      const channel = CHANNEL[channelOf(a)] ?? { label: a.authenticatorType, detail: '' };
      return html`<li>
        <button type="submit" name="authenticatorId" value="${a.id}">
          <strong>${channel.label}${a.name ? html` · ${a.name}` : ''}</strong>
          <span>${channel.detail}</span>
        </button>
      </li>`;
    });
  const recovery = challengeTypes.includes('recovery-code')
    ? html`<p><a href="/mfa/recovery">Use a recovery code instead</a></p>`
    : '';
  return page(
    ctx,
    'Verify it is you',
    html`${alert('error', options.error)}
      <section class="card">
        <p class="lead">The Payments API needs a second factor. Choose one of yours.</p>
        <form method="post" action="/mfa/challenge">
          <ul class="choices">
            ${choices}
          </ul>
        </form>
        ${recovery}
      </section>
      ${cancel()}`,
  );
}

function enrollChoicePage(ctx: PageContext, types: string[], email: string, error?: string): string {
  const blocks: Html[] = [];
  if (types.includes('otp'))
    blocks.push(
      html`<form method="post" action="/mfa/enroll">
        <input type="hidden" name="factor" value="otp" />
        <h2>Authenticator app</h2>
        <p class="hint">Google Authenticator, 1Password, Authy or any TOTP app: scan a QR code.</p>
        <button type="submit">Set up an authenticator app</button>
      </form>`,
    );
  if (types.includes('phone'))
    blocks.push(
      html`<form method="post" action="/mfa/enroll">
        <h2>Phone</h2>
        <label for="phone">Phone number</label>
        <input
          id="phone"
          name="phoneNumber"
          type="tel"
          autocomplete="tel"
          required
          aria-describedby="phone-hint"
        />
        <p class="hint" id="phone-hint">International format, for example +15555550123.</p>
        <button type="submit" name="factor" value="sms">Text me a code</button>
        <button type="submit" name="factor" value="voice" class="secondary">Call me</button>
      </form>`,
    );
  if (types.includes('email'))
    blocks.push(
      html`<form method="post" action="/mfa/enroll">
        <h2>Email</h2>
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" autocomplete="email" required value="${email}" />
        <button type="submit" name="factor" value="email">Email me a code</button>
      </form>`,
    );
  if (types.includes('push-notification'))
    blocks.push(
      html`<form method="post" action="/mfa/enroll">
        <input type="hidden" name="factor" value="push" />
        <h2>Push notifications</h2>
        <p class="hint">Approve sign-ins from the Guardian app on your phone.</p>
        <button type="submit">Set up push</button>
      </form>`,
    );
  return page(
    ctx,
    'Add a second factor',
    html`${alert('error', error)}
      <p class="lead">The Payments API needs multi-factor authentication. Add a factor to continue.</p>
      ${blocks.map((block) => html`<section class="card">${block}</section>`)} ${cancel()}`,
  );
}

function cancel(): Html {
  return html`<form method="post" action="/mfa/cancel">
    <button type="submit" class="secondary">Cancel</button>
  </form>`;
}

function codeForm(field: string, label: string, hint: string, error: string | undefined): Html {
  return html`<form method="post" action="/mfa/verify">
    <label for="code">${label}</label>
    ${sixDigitCodeInput(field, { hintId: 'code-hint', invalid: Boolean(error) })}
    <p class="hint" id="code-hint">${hint}</p>
    <button type="submit">Verify</button>
  </form>`;
}

/** Authenticator app enrollment in the order a user needs it: scan, or type the key, then the first code. */
export function otpEnrollPage(
  ctx: PageContext,
  options: { qr: Html; secret: string; error?: string },
): string {
  const groups = options.secret.match(/.{1,4}/g) ?? [options.secret];
  return page(
    ctx,
    'Set up your authenticator app',
    html`${alert('error', options.error)}
      <section class="card">
        <div class="enroll-otp">
          <div>${options.qr}</div>
          <div>
            <h2>1. Scan the QR code</h2>
            <p class="muted">Open your authenticator app and add an account by scanning.</p>
            <h2>2. Or type the key</h2>
            <p class="muted">Can't scan? Enter this key in the app (time-based, 6 digits).</p>
            <p class="secret mono" aria-label="Secret key">
              ${groups.map((group) => html`<span>${group}</span>`)}
            </p>
            <input type="hidden" id="otp-secret" value="${options.secret}" />
          </div>
        </div>
        <h2>3. Enter the code it shows</h2>
        ${codeForm('otp', 'Code from the app', 'Six digits; a new one every 30 seconds.', options.error)}
      </section>
      ${cancel()}`,
  );
}

/** Code entry for an authenticator app, SMS, voice or email, with the emulator's outbox when there is one. */
export function codePage(
  ctx: PageContext,
  options: { channel: CodeChannel; outboxUrl: string | undefined; error?: string },
): string {
  const sent: Record<CodeChannel, string> = {
    otp: 'Open your authenticator app and enter the code it shows.',
    sms: 'We sent a code by text message.',
    voice: 'We are calling your phone to read you a code.',
    email: 'We sent a code by email.',
  };
  const outbox =
    options.channel !== 'otp' && options.outboxUrl
      ? html`<p class="muted">
          Nothing is really sent by the emulator: read the code in its
          <a href="${options.outboxUrl}" target="_blank" rel="noopener">outbox (opens in a new tab)</a>.
        </p>`
      : '';
  return page(
    ctx,
    'Enter your code',
    html`${alert('error', options.error)}
      <section class="card">
        <p class="lead">${sent[options.channel]}</p>
        ${outbox}
        ${codeForm(
          options.channel === 'otp' ? 'otp' : 'bindingCode',
          options.channel === 'otp' ? 'Code from the app' : 'Code you received',
          'Six digits.',
          options.error,
        )}
        <p><a href="/mfa">Try another method</a></p>
      </section>
      ${cancel()}`,
  );
}

/** A push challenge: reloads itself every few seconds, each load asking the server once. */
export function pushPage(
  ctx: PageContext,
  options: { refreshSeconds: number; oobCode: string; emulatorIssuer: string | undefined; error?: string },
): string {
  const dev = options.emulatorIssuer
    ? html`<details class="muted">
        <summary>Approve it from the emulator</summary>
        <p>There is no phone here: answer the challenge with</p>
        <pre class="mono" data-oob-code="${options.oobCode}">
curl -X POST ${options.emulatorIssuer}__dev/push/${encodeURIComponent(options.oobCode)}/approve</pre>
      </details>`
    : '';
  return page(
    ctx,
    'Check your phone',
    html`${alert('error', options.error)}
      <section class="card" aria-live="polite">
        <p class="lead">
          <span class="spinner" aria-hidden="true"></span>We sent a notification to your phone. Approve it to
          continue.
        </p>
        <p class="muted">
          This page checks again every
          ${options.refreshSeconds === 1 ? 'second' : `${options.refreshSeconds} seconds`}.
        </p>
        <form method="get" action="/mfa/push">
          <button type="submit" class="secondary">Check now</button>
        </form>
        ${dev}
        <p><a href="/mfa">Try another method</a></p>
      </section>
      ${cancel()}`,
    { refreshSeconds: options.refreshSeconds },
  );
}

/** Recovery code entry. */
export function recoveryEntryPage(ctx: PageContext, options: { error?: string }): string {
  return page(
    ctx,
    'Use a recovery code',
    html`${alert('error', options.error)}
      <section class="card">
        <p class="lead">Enter the recovery code you saved when you set up your second factor.</p>
        <form method="post" action="/mfa/verify">
          <label for="recovery-code">Recovery code</label>
          <input
            id="recovery-code"
            name="recoveryCode"
            class="code"
            autocomplete="off"
            spellcheck="false"
            required
          />
          <button type="submit">Verify</button>
        </form>
        <p><a href="/mfa">Try another method</a></p>
      </section>
      ${cancel()}`,
  );
}

/** A new recovery code, shown once. */
export function recoveryShownPage(ctx: PageContext, options: { code: string; why: string }): string {
  return page(
    ctx,
    'Save your recovery code',
    html`<section class="card">
      <p class="lead">${options.why} It is shown only this once.</p>
      <p>
        <output class="recovery mono" id="recovery-code" aria-label="Recovery code">${options.code}</output>
      </p>
      <p class="muted">
        Store it somewhere safe, like a password manager. It lets you in if you lose your device.
      </p>
      <form method="post" action="/mfa/done"><button type="submit">I have saved it, continue</button></form>
    </section>`,
  );
}

/** There is no step-up in progress (finished, expired, or never started). */
export function noFlowPage(ctx: PageContext): string {
  return page(
    ctx,
    'Nothing to verify',
    html`<section class="card">
      <p class="lead">There is no verification in progress: it was completed, cancelled or has expired.</p>
      <p>
        <a class="button" href="/api">Go to the Payments API</a> <a class="button secondary" href="/">Home</a>
      </p>
    </section>`,
  );
}
