import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ExpressAuth0 } from 'auth0-server-ts/express';
import { html, type Html } from '../html.js';
import type { PageContext } from '../pages/layout.js';

/** What every feature's mount function gets from the app. */
export interface FeatureDeps {
  auth: ExpressAuth0;
  /** The application's client id at the authorization server. */
  clientId: string;
  /** The app's own origin (`http://127.0.0.1:3000`). */
  base: URL;
  /** Whether cookies get `Secure` (the app is served over https). */
  secureCookies: boolean;
  /** The emulator's issuer (with its trailing slash), or undefined against a real tenant. */
  emulatorIssuer: string | undefined;
  /** Sends a page built from the request's context, never cached. */
  send(req: Request, res: Response, view: (ctx: PageContext) => string, status?: number): Promise<void>;
  /**
   * A router for a feature's forms under `paths` (its own, so other routes are left alone): a POST from
   * another origin or site is refused (as on the MFA pages), and a form body is read with a 4 kB limit.
   */
  formRouter(paths: string[]): Router;
}

/** Body limit of the features' forms: a few short fields. */
export const FORM_LIMIT = '4kb';

/**
 * A router with the forms' middleware on `paths`: the same-origin check, then the body read with a limit; a body
 * over the limit gets `tooLarge` (a 413 page) instead of the generic failure page.
 */
export function formRouter(
  paths: string[],
  refuseForeign: express.RequestHandler,
  tooLarge: (req: Request, res: Response) => unknown,
): Router {
  const router = express.Router();
  router.use(paths, refuseForeign, express.urlencoded({ extended: false, limit: FORM_LIMIT }));
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const type: unknown =
      typeof error === 'object' && error !== null ? Reflect.get(error, 'type') : undefined;
    if (type === 'entity.too.large') return void tooLarge(req, res);
    next(error);
  });
  return router;
}

/** A trimmed form field, or '' when absent or not a string. */
export function field(req: Request, name: string): string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return '';
  const value: unknown = Reflect.get(body, name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Against the emulator: where to read what it "sent" (its outbox, in a new tab); else nothing. */
export function outboxNote(deps: Pick<FeatureDeps, 'emulatorIssuer'>, what = 'it'): Html | string {
  if (!deps.emulatorIssuer) return '';
  return html`<p class="muted">
    The emulator sends nothing: read ${what} in its
    <a href="${deps.emulatorIssuer}__dev/outbox" target="_blank" rel="noopener">outbox (opens in a new tab)</a
    >.
  </p>`;
}
