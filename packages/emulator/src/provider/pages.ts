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

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = page('Signed out', html`<p>You are signed out.</p>`);
}

/** Errors shown to a browser (a bad /authorize request, an expired login page). */
export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  ctx.body = page('Something went wrong', errorBox(`${out.error}: ${out.error_description ?? ''}`));
}
