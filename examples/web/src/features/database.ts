import type { Express } from 'express';
import { ChangePasswordError, SignUpError } from 'auth0-server-ts';
import { html } from '../html.js';
import { alert, page, type PageContext } from '../pages/layout.js';
import { field, outboxNote, type FeatureDeps } from './shared.js';

/** The emulator's (and a new tenant's) database connection. */
export const CONNECTION = 'Username-Password-Authentication';

// The words shown for Auth0's codes; the server's own description stays out of the page.
const SIGN_UP_MESSAGES: Record<string, string> = {
  invalid_password: 'Choose a longer password mixing lower and upper case letters, digits and symbols.',
  invalid_signup: 'This sign-up is not possible. Do you already have an account?',
};

function signUpPage(ctx: PageContext, form: { email?: string; name?: string; error?: string } = {}): string {
  return page(
    ctx,
    'Sign up',
    html`${alert('error', form.error)}
      <section class="card">
        <form method="post" action="/signup">
          <label for="signup-email">Email address</label>
          <input
            id="signup-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            value="${form.email ?? ''}"
          />
          <label for="signup-name">Name</label>
          <input id="signup-name" name="name" autocomplete="name" value="${form.name ?? ''}" />
          <label for="signup-password">Password</label>
          <input
            id="signup-password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby="password-hint"
          />
          <p class="hint" id="password-hint">
            At least 8 characters, three of: lower case, upper case, digits, symbols.
          </p>
          <button type="submit">Create the account</button>
        </form>
      </section>`,
  );
}

function signedUpPage(ctx: PageContext, email: string): string {
  return page(
    ctx,
    'Account created',
    html`<section class="card">
      <p class="alert ok" role="status">The account <strong>${email}</strong> was created. Log in with it.</p>
      <p><a class="button" href="/auth/login?returnTo=%2Fprofile">Log in</a></p>
    </section>`,
  );
}

function changePasswordPage(
  ctx: PageContext,
  deps: FeatureDeps,
  options: { email?: string; sent?: string; error?: string },
): string {
  const sent = options.sent
    ? html`<p class="alert ok" role="status">${options.sent}</p>
        ${outboxNote(deps, 'the email')}`
    : '';
  return page(
    ctx,
    'Change password',
    html`${alert('error', options.error)} ${sent}
      <section class="card">
        <form method="post" action="/change-password">
          <label for="reset-email">Email address</label>
          <input
            id="reset-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            value="${options.email ?? ''}"
          />
          <p class="hint">We email a link to a page that sets a new password.</p>
          <button type="submit">Email me a link</button>
        </form>
      </section>`,
  );
}

/**
 * `/signup` (`client.database.signUp`) and `/change-password` (`client.database.changePassword`): the
 * app's own forms for the database connection; neither touches the session.
 */
export function mountDatabase(app: Express, deps: FeatureDeps): void {
  const router = deps.formRouter(['/signup', '/change-password']);
  const database = deps.auth.client.database;

  router.get('/signup', (req, res) => deps.send(req, res, (ctx) => signUpPage(ctx)));
  router.post('/signup', async (req, res) => {
    const email = field(req, 'email');
    const name = field(req, 'name');
    const password = typeof req.body?.password === 'string' ? (req.body.password as string) : '';
    try {
      await database.signUp({ email, password, connection: CONNECTION, ...(name ? { name } : {}) });
    } catch (error) {
      const known = error instanceof SignUpError || error instanceof TypeError;
      if (!known) throw error;
      const message =
        (error instanceof SignUpError && error.error && SIGN_UP_MESSAGES[error.error]) ||
        'The sign-up failed. Check the fields and try again.';
      return deps.send(req, res, (ctx) => signUpPage(ctx, { email, name, error: message }), 400);
    }
    await deps.send(req, res, (ctx) => signedUpPage(ctx, email));
  });

  router.get('/change-password', async (req, res) => {
    const user = await req.auth0.getUser();
    const email = typeof user?.email === 'string' ? user.email : undefined;
    await deps.send(req, res, (ctx) => changePasswordPage(ctx, deps, email ? { email } : {}));
  });
  router.post('/change-password', async (req, res) => {
    const email = field(req, 'email');
    try {
      const sent = await database.changePassword({ email, connection: CONNECTION });
      await deps.send(req, res, (ctx) => changePasswordPage(ctx, deps, { email, sent }));
    } catch (error) {
      if (!(error instanceof ChangePasswordError) && !(error instanceof TypeError)) throw error;
      const message = 'The request was refused. Check the email address.';
      await deps.send(req, res, (ctx) => changePasswordPage(ctx, deps, { email, error: message }), 400);
    }
  });
  app.use(router);
}
