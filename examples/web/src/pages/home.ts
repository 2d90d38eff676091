import { FEATURES } from '../features/index.js';
import { html } from '../html.js';
import { page, type PageContext } from './layout.js';

/** A user of the emulator's configuration the home page offers to try, with what they show. */
export interface TestUser {
  email: string;
  password: string;
  shows: string;
  /** The Base32 key of the user's authenticator app, to add it to one by hand. */
  otpKey?: string | undefined;
  /** The recovery code issued at start; using it issues a new one (shown once on the MFA page). */
  recoveryCode?: string | undefined;
}

/** The landing page: what the demo shows, the test users when there are some, and the way in. */
export function homePage(ctx: PageContext, options: { testUsers: TestUser[] }): string {
  const users = options.testUsers.length
    ? html`<section class="card">
        <h2>Test users</h2>
        <dl class="claims">
          ${options.testUsers.map(
            (user) =>
              html`<dt><code>${user.email}</code></dt>
                <dd>
                  password <code>${user.password}</code><br /><span class="muted">${user.shows}</span>
                  ${user.otpKey ? html`<br />authenticator app key <code>${user.otpKey}</code>` : ''}
                  ${
                    user.recoveryCode
                      ? html`<br />recovery code <code>${user.recoveryCode}</code>
                          <span class="muted">(until used)</span>`
                      : ''
                  }
                </dd>`,
          )}
        </dl>
      </section>`
    : '';
  const action = ctx.userName
    ? html`<p>You are logged in as <strong>${ctx.userName}</strong>.</p>
        <p>
          <a class="button" href="/profile">Your profile</a>
          <a class="button secondary" href="/api">Payments API</a>
          <a class="button secondary" href="/connected-accounts">Connected accounts</a>
          <a class="button secondary" href="/linked-accounts">Linked accounts</a>
          <a class="button secondary" href="/dpop">Payments API with DPoP</a>
        </p>`
    : html`<p>
        <a class="button" href="/auth/login?returnTo=%2Fprofile">Log in</a>
        <a class="button secondary" href="/passkeys">Use a passkey</a>
      </p>`;
  return page(
    ctx,
    'Welcome',
    html`<section class="card">
        <p class="lead">
          A small server-rendered app on <code>auth0-server-ts/express</code>: log in, see your profile and
          session, and call a Payments API that asks for a second factor first.
        </p>
        ${action}
      </section>
      <section class="card">
        <h2>More features</h2>
        <ul class="features">
          ${FEATURES.map(
            (feature) =>
              html`<li>
                <a href="${feature.href}">${feature.title}</a>: <span class="muted">${feature.blurb}</span>
              </li>`,
          )}
        </ul>
        ${
          ctx.emulatorIssuer
            ? html`<p class="muted">
                Codes and links "sent" by email and SMS land in the emulator's
                <a href="${ctx.emulatorIssuer}__dev/outbox" target="_blank" rel="noopener">outbox</a>.
              </p>`
            : ''
        }
      </section>
      ${users}`,
  );
}
