// "Linked accounts": the user links a GitHub account to their login, sees it in their profile's
// `identities`, and unlinks it (auth0-server-ts's startLinkUser / startUnlinkUser). Both round trips come
// back through the adapter's /auth/callback, which recognises a link's transaction and updates the
// session instead of starting a new one.
import type { Express, Request, RequestHandler, Response } from 'express';
import type { UserClaims } from 'auth0-server-ts';
import { html } from '../html.js';
import { page, type PageContext } from '../pages/layout.js';
import { sameOriginPosts } from '../same-origin.js';

/** The connections this page offers to link, by name, with the label its button shows. */
const CONNECTIONS: Record<string, string> = { github: 'GitHub' };
const PATH = '/linked-accounts';

/** What the feature borrows from the app: its guard, its page sender and its refusal of foreign posts. */
export interface LinkingDeps {
  requiresAuth: RequestHandler;
  send: (req: Request, res: Response, view: (ctx: PageContext) => string, status?: number) => Promise<void>;
  origin: string;
  refusedPost: (req: Request, res: Response) => unknown;
}

interface Identity {
  connection: string;
  provider: string;
  userId: string;
  name: string | undefined;
  primary: boolean;
}

/** The user's `identities` claim, as far as it has the shape Auth0 gives it; none when absent. */
function identitiesOf(user: UserClaims | undefined): Identity[] {
  const list = Array.isArray(user?.identities) ? user.identities : [];
  return list.flatMap((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { connection, provider, user_id: userId, profileData } = entry as Record<string, unknown>;
    if (typeof connection !== 'string' || typeof provider !== 'string' || typeof userId !== 'string')
      return [];
    const name =
      typeof profileData === 'object' && profileData !== null ? Reflect.get(profileData, 'name') : undefined;
    return [
      { connection, provider, userId, name: typeof name === 'string' ? name : undefined, primary: i === 0 },
    ];
  });
}

function linkingPage(ctx: PageContext, identities: Identity[]): string {
  const linked = identities.filter((identity) => !identity.primary);
  const rows = identities.map(
    (identity) =>
      html`<li>
        <strong
          >${identity.primary ? 'Your login' : (CONNECTIONS[identity.connection] ?? identity.connection)}</strong
        >
        <code>${identity.provider}|${identity.userId}</code>${identity.name ? html` (${identity.name})` : ''}
        ${
          identity.primary || !CONNECTIONS[identity.connection]
            ? ''
            : html`<form method="post" action="${PATH}/unlink/${identity.connection}">
                <button class="secondary" type="submit">
                  Unlink ${CONNECTIONS[identity.connection] ?? ''}
                </button>
              </form>`
        }
      </li>`,
  );
  const offers = Object.entries(CONNECTIONS).filter(([name]) => !linked.some((i) => i.connection === name));
  const note = ctx.emulatorIssuer
    ? html`<p class="muted">
        In auth0-emulator, sign in to GitHub as <code>octo-alice</code> with password
        <code>Passw0rd!</code> (emulator.json).
      </p>`
    : '';
  return page(
    ctx,
    'Linked accounts',
    html`<section class="card">
      <p>Accounts you can sign in with, as your profile's <code>identities</code> claim lists them.</p>
      ${
        identities.length
          ? html`<ul class="identities">
              ${rows}
            </ul>`
          : html`<p class="muted">Only your login, no linked account yet.</p>`
      }
      ${offers.map(
        ([name, label]) =>
          html`<form method="post" action="${PATH}/link/${name}">
            <button type="submit">Link a ${label} account</button>
          </form>`,
      )}
      ${note}
    </section>`,
  );
}

/**
 * Mounts `GET /linked-accounts` and its two forms, `POST /linked-accounts/link/:connection` and
 * `POST /linked-accounts/unlink/:connection`: same-origin posts only, for a logged-in user, and only
 * for the connections this page offers. Each redirects to Auth0, which comes back to /auth/callback and
 * then here.
 */
export function mountLinking(app: Express, deps: LinkingDeps): void {
  const connection = (req: Request) => {
    const name = req.params.connection;
    return typeof name === 'string' && Object.hasOwn(CONNECTIONS, name) ? name : undefined;
  };
  const start =
    (flow: 'link' | 'unlink'): RequestHandler =>
    async (req, res) => {
      const name = connection(req);
      if (!name) return res.status(404).type('text').send('Not found');
      const { client, storeOptions } = req.auth0;
      const options = { connection: name, appState: { returnTo: PATH } };
      const url =
        flow === 'link'
          ? await client.startLinkUser(options, storeOptions)
          : await client.startUnlinkUser(options, storeOptions);
      res.redirect(303, url.href);
    };
  app.get(PATH, deps.requiresAuth, async (req, res) => {
    const identities = identitiesOf(await req.auth0.getUser());
    await deps.send(req, res, (ctx) => linkingPage(ctx, identities));
  });
  app.post(
    `${PATH}/link/:connection`,
    sameOriginPosts(deps.origin, deps.refusedPost),
    deps.requiresAuth,
    start('link'),
  );
  app.post(
    `${PATH}/unlink/:connection`,
    sameOriginPosts(deps.origin, deps.refusedPost),
    deps.requiresAuth,
    start('unlink'),
  );
}
