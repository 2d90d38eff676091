import type { KoaContextWithOIDC, ErrorOut } from 'oidc-provider';
import { SafeHtml, errorBox, html, page } from '../login/html.js';

/** The RP-initiated logout confirmation: oidc-provider's form (with its xsrf field) and a real button. */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.body = page(
    'Sign out',
    html`${new SafeHtml(form)}
      <p>Do you want to sign out of the emulator?</p>
      <button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}

/** The page after a logout without a `post_logout_redirect_uri` / `returnTo`. */
export function signedOutPage(): string {
  return page('Signed out', html`<p>You are signed out.</p>`);
}

/** /oidc/logout's page once the session ended without a redirect back to the relying party. */
export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = signedOutPage();
}

/** Errors shown to a browser (a bad /authorize request, an expired login page). */
export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  ctx.body = page('Something went wrong', errorBox(`${out.error}: ${out.error_description ?? ''}`));
}
