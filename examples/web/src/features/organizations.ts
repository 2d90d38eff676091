import type { Express } from 'express';
import { html } from '../html.js';
import { alert, page } from '../pages/layout.js';
import { field, type FeatureDeps } from './shared.js';

/** The organization of emulator.json: Alice is a member, Dave is not until he accepts an invitation. */
export const ACME = { id: 'org_acme', name: 'acme', displayName: 'Acme Corp' };
const INVITEE = 'dave@example.com';

/** What the emulator's `POST /__dev/invitations` answers. */
interface Invitation {
  url: string;
  email: string;
}

async function createInvitation(issuer: string, clientId: string, email: string): Promise<Invitation> {
  const answer = await fetch(`${issuer}__dev/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organization: ACME.id, email, client_id: clientId }),
  });
  if (!answer.ok) throw new Error(`the emulator refused the invitation (HTTP ${answer.status})`);
  const body = (await answer.json()) as Partial<Invitation>;
  if (typeof body.url !== 'string') throw new Error('the emulator answered no invitation link');
  return { url: body.url, email };
}

/**
 * `/organizations`: a login into Acme Corp (`/auth/login?organization=acme`), and an invitation the
 * emulator makes (`POST /__dev/invitations`, as the Management API would) whose link, followed, logs the
 * invitee into the organization through the adapter's login route as it is.
 */
export function mountOrganizations(app: Express, deps: FeatureDeps): void {
  const router = deps.formRouter(['/organizations']);
  const view = (invitation?: Invitation, error?: string) => (ctx: Parameters<typeof page>[0]) =>
    page(
      ctx,
      'Organizations',
      html`${alert('error', error)}
        <section class="card">
          <p class="lead">
            <strong>${ACME.displayName}</strong> (<code>${ACME.id}</code>, name <code>${ACME.name}</code>) has
            <code>alice@example.com</code> as a member. A login into it adds <code>org_id</code> and
            <code>org_name</code> to the ID token; the SDK checks them at the callback.
          </p>
          <p>
            <a class="button" href="/auth/login?organization=${ACME.name}&returnTo=%2Fprofile"
              >Log in to Acme (organization)</a
            >
          </p>
        </section>
        <section class="card">
          <h2>Invite someone</h2>
          ${
            invitation
              ? html`<p>
                    An invitation for <code>${invitation.email}</code>. Follow it (log out first) and log in
                    as that user: they join ${ACME.displayName} and land in it.
                  </p>
                  <p><a id="invitation-link" href="${invitation.url}">${invitation.url}</a></p>`
              : deps.emulatorIssuer
                ? html`<form method="post" action="/organizations/invitations">
                    <label for="invitee">Email address</label>
                    <input id="invitee" name="email" type="email" required value="${INVITEE}" />
                    <p class="hint">${INVITEE} is a test user who is not a member yet.</p>
                    <button type="submit">Create an invitation</button>
                  </form>`
                : html`<p class="muted">Invitations are made with the Management API on a real tenant.</p>`
          }
        </section>`,
    );

  router.get('/organizations', (req, res) => deps.send(req, res, view()));
  router.post('/organizations/invitations', async (req, res) => {
    const email = field(req, 'email');
    if (!deps.emulatorIssuer || !email)
      return deps.send(req, res, view(undefined, 'Enter an email address.'), 400);
    try {
      const invitation = await createInvitation(deps.emulatorIssuer, deps.clientId, email);
      await deps.send(req, res, view(invitation));
    } catch {
      await deps.send(
        req,
        res,
        view(undefined, 'The invitation could not be made. Is that a known user?'),
        502,
      );
    }
  });
  app.use(router);
}
