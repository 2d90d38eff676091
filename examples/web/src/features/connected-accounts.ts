import express, { type Request, type Response } from 'express';
import { LoginRequiredError, MyAccountApiError, type ConnectedAccount } from 'auth0-server-ts';
import type { auth0 } from 'auth0-server-ts/express';
import { html } from '../html.js';
import { page, type PageContext } from '../pages/layout.js';
import { problemPage } from '../pages/api.js';
import { sameOriginPosts } from '../same-origin.js';

/** What the feature needs from the app: its binding, its origin, and how it sends a page. */
export interface ConnectedAccountsDeps {
  auth: ReturnType<typeof auth0>;
  origin: string;
  send(req: Request, res: Response, view: (ctx: PageContext) => string, status?: number): Promise<void>;
}

const HERE = '/connected-accounts';
/** The connections offered, as the demo's emulator.json configures them. */
const OFFERS = [
  {
    label: 'Connect Google Calendar',
    connection: 'google-oauth2',
    scopes: ['https://www.googleapis.com/auth/calendar.events'],
  },
  { label: 'Connect GitHub', connection: 'github', scopes: [] },
];

function connectHref(offer: (typeof OFFERS)[number]): string {
  const query = new URLSearchParams({ connection: offer.connection, returnTo: HERE });
  for (const scope of offer.scopes) query.append('scopes', scope);
  return `/auth/connect?${query.toString()}`;
}

function accountsPage(ctx: PageContext, accounts: ConnectedAccount[]): string {
  const list = accounts.length
    ? html`<ul class="accounts">
        ${accounts.map(
          (account) =>
            html`<li data-connection="${account.connection}">
              <strong>${account.connection}</strong>
              <span class="muted"
                >${account.scopes.join(' ') || '(default scopes)'}, since ${account.createdAt}</span
              >
              <form method="post" action="${HERE}/delete">
                <input type="hidden" name="id" value="${account.id}" />
                <button type="submit" class="secondary">Delete ${account.connection}</button>
              </form>
            </li>`,
        )}
      </ul>`
    : html`<p class="muted" id="no-accounts">No connected accounts yet.</p>`;
  return page(
    ctx,
    'Connected accounts',
    html`<section class="card">
        <p class="lead">
          Accounts at other services this app may use on your behalf (Auth0 Token Vault), managed through the
          My Account API with a token the SDK gets from your session.
        </p>
        ${list}
      </section>
      <section class="card">
        <p>
          ${OFFERS.map((offer) => html`<a class="button" href="${connectHref(offer)}">${offer.label}</a> `)}
        </p>
      </section>`,
  );
}

/** `GET /connected-accounts` (the list, connect links) and `POST /connected-accounts/delete`. */
export function connectedAccounts(app: express.Express, deps: ConnectedAccountsDeps): void {
  const { auth, send } = deps;
  const failed = (req: Request, res: Response, error: unknown) => {
    if (error instanceof LoginRequiredError)
      return res.redirect(`/auth/login?returnTo=${encodeURIComponent(HERE)}`);
    if (!(error instanceof MyAccountApiError)) throw error;
    return send(
      req,
      res,
      (ctx) =>
        problemPage(ctx, 'Connected accounts unavailable', 'The My Account API refused the request.', {
          href: HERE,
          label: 'Back',
        }),
      502,
    );
  };
  app.get(HERE, auth.requiresAuth(), async (req, res) => {
    try {
      const { accounts } = await req.auth0.listConnectedAccounts();
      await send(req, res, (ctx) => accountsPage(ctx, accounts));
    } catch (error) {
      await failed(req, res, error);
    }
  });
  app.post(
    `${HERE}/delete`,
    sameOriginPosts(deps.origin, (_req, res) => res.status(403).end()),
    auth.requiresAuth(),
    express.urlencoded({ extended: false, limit: '1kb' }),
    async (req, res) => {
      const id: unknown = req.body?.id;
      if (typeof id !== 'string' || id === '') return res.status(400).end();
      try {
        await req.auth0.deleteConnectedAccount(id);
        res.redirect(303, HERE);
      } catch (error) {
        await failed(req, res, error);
      }
    },
  );
}
