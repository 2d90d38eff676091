import type { AuthenticatorView } from '../mfa/index.js';
import { SafeHtml, errorBox, html, page } from '../http/html.js';

const CHANNEL_LABEL: Record<string, string> = {
  sms: 'Text message (SMS)',
  voice: 'Voice call',
  email: 'Email',
  auth0: 'Push notification',
};

function label(authenticator: AuthenticatorView): string {
  if (authenticator.authenticator_type === 'otp') return 'Authenticator app';
  if (authenticator.authenticator_type === 'recovery-code') return 'Recovery code';
  const channel = CHANNEL_LABEL[authenticator.oob_channel ?? ''] ?? 'Code';
  return authenticator.name ? `${channel} to ${authenticator.name}` : channel;
}

/** First factor enrollment: one small form per method, each a real submit button. */
export function enrollPage(uid: string, options: { email: string; error?: string }): string {
  return page(
    'Secure your account',
    html`${errorBox(options.error)}
      <p class="lead">Your account requires a second factor. Choose how to receive codes.</p>
      <form method="post" action="/u/${uid}/enroll" data-step="enroll">
        <input type="hidden" name="type" value="otp" />
        <button type="submit">Authenticator app</button>
      </form>
      <form method="post" action="/u/${uid}/enroll" data-step="enroll">
        <fieldset>
          <legend>Text message or voice call</legend>
          <label for="phone">Phone number (E.164, for example +15555550100)</label>
          <input id="phone" name="phone_number" type="tel" autocomplete="tel" required />
          <div class="row">
            <button type="submit" name="type" value="sms">Send a text message</button>
            <button type="submit" name="type" value="voice" class="secondary">Call me</button>
          </div>
        </fieldset>
      </form>
      <form method="post" action="/u/${uid}/enroll" data-step="enroll">
        <fieldset>
          <legend>Email</legend>
          <label for="enroll-email">Email address</label>
          <input id="enroll-email" name="email" type="email" value="${options.email}" required />
          <button type="submit" name="type" value="email">Email me a code</button>
        </fieldset>
      </form>
      <form method="post" action="/u/${uid}/enroll" data-step="enroll">
        <fieldset>
          <legend>Push notifications</legend>
          <input type="hidden" name="type" value="push" />
          <button type="submit" class="secondary">Push notifications (Guardian)</button>
        </fieldset>
      </form>`,
  );
}

/** The user's enrolled factors to choose from. */
export function challengePage(
  uid: string,
  options: { authenticators: AuthenticatorView[]; error?: string },
): string {
  const choices = options.authenticators
    .filter((authenticator) => authenticator.active)
    .map(
      (authenticator) =>
        html`<li>
          <button
            type="submit"
            name="authenticator_id"
            value="${authenticator.id}"
            data-type="${authenticator.authenticator_type}"
            data-channel="${authenticator.oob_channel ?? ''}"
          >
            ${label(authenticator)}
          </button>
        </li>`,
    );
  return page(
    'Verify your identity',
    html`${errorBox(options.error)}
      <p class="lead">Choose a method to verify that it is you.</p>
      <form method="post" action="/u/${uid}/challenge" data-step="challenge">
        <ul class="choices">
          ${choices}
        </ul>
      </form>`,
  );
}

/** The secret in groups of four, each group unbreakable, so a wrapped line never splits one. */
function groupedSecret(secret: string): SafeHtml[] {
  const groups = secret.match(/.{1,4}/g) ?? [];
  // The spaces between the groups are real text: a copied key keeps them, and apps ignore them.
  return groups.map((group, i) => html`${i ? ' ' : ''}<span>${group}</span>`);
}

/** Authenticator app enrollment, in the order a user needs it: scan the QR code, or type the key. */
export function otpEnrollExtra(secret: string, qr: string): SafeHtml {
  return html`<h2>Scan the QR code</h2>
    <figure>
      ${new SafeHtml(qr)}
      <figcaption>Scan with your authenticator app.</figcaption>
    </figure>
    <h2>Or enter this key manually</h2>
    <code class="secret" data-otp-secret="${secret}">${groupedSecret(secret)}</code>`;
}
