import type { TokenSet, UserClaims } from 'auth0-server-ts';
import { html } from '../html.js';
import { page, type PageContext } from './layout.js';

const AMR: Record<string, string> = {
  pwd: 'password',
  mfa: 'multi-factor',
  otp: 'one-time code',
  sms: 'text message',
  email: 'email',
};

// How the SDK files the token of a login that asked for no audience (as @auth0/auth0-server-js does).
const DEFAULT_AUDIENCE = 'default';

/** Formats unix seconds for people, in UTC so the server and the reader agree. */
export function when(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

function claimValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The user's claims, how they authenticated (`amr`), how long the session lasts, and the tokens held. */
export function profilePage(
  ctx: PageContext,
  options: {
    user: UserClaims;
    tokenSets: TokenSet[];
    sessionEnds: { absolute: number; idleSeconds: number };
  },
): string {
  const { user } = options;
  const amr = Array.isArray(user.amr) ? user.amr.filter((v): v is string => typeof v === 'string') : [];
  const claims = Object.entries(user).filter(([name]) => name !== 'amr');
  const tokens = options.tokenSets.length
    ? html`<ul>
        ${options.tokenSets.map(
          (set) =>
            html`<li>
              ${set.audience === DEFAULT_AUDIENCE ? 'The login’s token (no audience)' : html`<code>${set.audience}</code>`}${set.scope ? html` (scope <code>${set.scope}</code>)` : ''}:
              expires ${when(set.expiresAt)}
            </li>`,
        )}
      </ul>`
    : html`<p class="muted">None yet: open the Payments API to get one.</p>`;
  return page(
    ctx,
    `Hello, ${typeof user.name === 'string' ? user.name : 'there'}`,
    html`<section class="card">
        <h2>How you logged in</h2>
        <p>
          ${
            amr.length
              ? amr.map((method) => html`<span class="pill">${AMR[method] ?? method}</span>`)
              : html`<span class="muted">The server sent no <code>amr</code> claim.</span>`
          }
        </p>
        <p class="muted">
          <code>amr</code> lists the methods
          used${
            typeof user.auth_time === 'number' ? html`; you authenticated at ${when(user.auth_time)}` : ''
          }.
        </p>
        <h2>Session</h2>
        <p>
          Your session ends at the latest at <strong>${when(options.sessionEnds.absolute)}</strong>, or after
          ${Math.round(options.sessionEnds.idleSeconds / 3600)} hours without activity.
        </p>
        <h2>Access tokens held by the server</h2>
        ${tokens}
      </section>
      <section class="card">
        <h2>ID token claims</h2>
        <dl class="claims">
          ${claims.map(
            ([name, value]) =>
              html`<dt>${name}</dt>
                <dd><code>${claimValue(value)}</code></dd>`,
          )}
        </dl>
      </section>`,
  );
}
