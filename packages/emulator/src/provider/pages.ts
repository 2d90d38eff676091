import type { KoaContextWithOIDC, ErrorOut } from 'oidc-provider';
import { SafeHtml, errorBox, html, page } from '../http/html.js';
import { uriMismatch } from './uri-mismatch.js';
import type { UriMismatch } from './uri-mismatch.js';

/** The RP-initiated logout confirmation: oidc-provider's form (with its xsrf field) and a real button. */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.body = page(
    'Sign out',
    html`${new SafeHtml(form)}
      <p class="lead">Do you want to sign out of the emulator?</p>
      <button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}

/** The page after a logout without a `post_logout_redirect_uri` / `returnTo`. */
export function signedOutPage(): string {
  return page('Signed out', html`<p class="lead">You are signed out.</p>`);
}

/** /oidc/logout's page once the session ended without a redirect back to the relying party. */
export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = signedOutPage();
}

/** The value a client sent next to the values registered for it, for the "not registered" pages. */
export function sentAndRegistered(
  sent: string,
  registeredLabel: string,
  registered: readonly string[],
): SafeHtml {
  return html`<dl class="details">
    <dt>Sent</dt>
    <dd><code data-sent>${sent}</code></dd>
    <dt>${registeredLabel}</dt>
    <dd>
      ${
        registered.length
          ? html`<ul>
              ${registered.map((uri) => html`<li><code>${uri}</code></li>`)}
            </ul>`
          : html`none`
      }
    </dd>
  </dl>`;
}

/** A redirect URI that is not registered: what was sent, what is registered, and where to fix it. */
function mismatchPage(mismatch: UriMismatch): string {
  return page(
    'Redirect URI not registered',
    html`${errorBox(`The ${mismatch.parameter} sent is not registered for the client ${mismatch.clientId}.`)}
      ${sentAndRegistered(mismatch.sent, `Registered (${mismatch.parameter}s)`, mismatch.registered)}
      <p>
        Matching is exact, trailing slash included. Send one of the registered values, or add this one to the
        client's <code>${mismatch.parameter}s</code> in the emulator's configuration (<code>--config</code>).
      </p>`,
  );
}

/** Errors shown to a browser (a bad /authorize request, an expired login page, an unknown redirect URI). */
export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  const mismatch = uriMismatch(ctx, out.error_description);
  ctx.type = 'html';
  ctx.body = mismatch
    ? mismatchPage(mismatch)
    : page('Something went wrong', errorBox(`${out.error}: ${out.error_description ?? ''}`));
}
