import { html } from '../html.js';
import { page, type PageContext } from './layout.js';
import { when } from './profile.js';

/** What the Payments API answered, and about which token. */
export interface ApiCall {
  audience: string;
  expiresAt: number;
  scope: string | undefined;
  status: number;
  body: unknown;
}

/** The Payments API page after a successful call with an access token for its audience. */
export function apiPage(ctx: PageContext, call: ApiCall): string {
  const ok = call.status === 200;
  return page(
    ctx,
    'Payments API',
    html`<section class="card">
        <p class="alert ${ok ? 'ok' : 'error'}" role="status">
          ${ok ? 'The Payments API accepted your access token.' : `The Payments API answered ${call.status}.`}
        </p>
        <h2>The API's answer</h2>
        <pre class="mono" id="api-answer">${JSON.stringify(call.body, null, 2)}</pre>
      </section>
      <section class="card">
        <h2>The access token used</h2>
        <dl class="claims">
          <dt>audience</dt>
          <dd><code>${call.audience}</code></dd>
          <dt>scope</dt>
          <dd><code>${call.scope ?? '(none)'}</code></dd>
          <dt>expires</dt>
          <dd>${when(call.expiresAt)}</dd>
        </dl>
        <p class="muted">
          The token stays on the server: the browser holds only a cookie with an encrypted session id.
        </p>
      </section>`,
  );
}

/** A page for failures the user can act on: a message and a way forward. */
export function problemPage(
  ctx: PageContext,
  title: string,
  message: string,
  next: { href: string; label: string },
): string {
  return page(
    ctx,
    title,
    html`<section class="card">
      <p class="alert error" role="alert">${message}</p>
      <p><a class="button" href="${next.href}">${next.label}</a></p>
    </section>`,
  );
}
