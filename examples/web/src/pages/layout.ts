import { Html, html } from '../html.js';

/** What every page needs to know about the request: who is logged in, where we are, which server. */
export interface PageContext {
  /** The logged-in user's display name, or undefined when nobody is. */
  userName: string | undefined;
  /** The request path, to mark the current navigation link. */
  path: string;
  /** The emulator's issuer when the demo runs against auth0-emulator, for the visible note. */
  emulatorIssuer: string | undefined;
}

/** Options of {@link page}. */
export interface PageOptions {
  /** Reload the page after this many seconds (the push page polls this way, with no script). */
  refreshSeconds?: number;
}

function navLink(ctx: PageContext, href: string, label: string): Html {
  const current = ctx.path === href || (href !== '/' && ctx.path.startsWith(`${href}/`));
  return html`<li><a href="${href}" ${current ? new Html('aria-current="page"') : ''}>${label}</a></li>`;
}

/** A complete HTML document with the site header, the emulator note, and `body` as the main content. */
export function page(ctx: PageContext, title: string, body: Html, options: PageOptions = {}): string {
  const refresh =
    options.refreshSeconds === undefined
      ? ''
      : html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />`;
  const note = ctx.emulatorIssuer
    ? html`<p class="emulator-note" role="note">
        Running against <strong>auth0-emulator</strong> at <code>${ctx.emulatorIssuer}</code>: a local
        development server, not a real Auth0 tenant.
      </p>`
    : '';
  const account = ctx.userName
    ? html`<li><a href="/auth/logout">Log out</a></li>`
    : html`<li><a href="/auth/login">Log in</a></li>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${refresh}
        <title>${title} · auth0-server-ts demo</title>
        <link rel="icon" type="image/svg+xml" href="/favicon.ico" />
        <link rel="stylesheet" href="/style.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        ${note}
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">auth0-server-ts demo</a>
            <nav aria-label="Main">
              <ul>
                ${navLink(ctx, '/', 'Home')} ${navLink(ctx, '/profile', 'Profile')}
                ${navLink(ctx, '/api', 'Payments API')} ${account}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html> `.value;
}

/** An error or success message; errors are announced to assistive technology at once. */
export function alert(kind: 'error' | 'ok', message: string | undefined): Html {
  if (!message) return html``;
  return kind === 'error'
    ? html`<p class="alert error" role="alert">${message}</p>`
    : html`<p class="alert ok" role="status">${message}</p>`;
}

/** The input of a six-digit code (authenticator app, SMS, email), `id="code"`; marked invalid after an error. */
export function sixDigitCodeInput(name: string, options: { hintId?: string; invalid?: boolean } = {}): Html {
  return html`<input
    id="code"
    name="${name}"
    class="code"
    inputmode="numeric"
    autocomplete="one-time-code"
    pattern="[0-9]{6}"
    maxlength="6"
    required
    ${options.hintId ? html`aria-describedby="${options.hintId}"` : ''}
    ${options.invalid ? new Html('aria-invalid="true" autofocus') : ''}
  />`;
}
