import type { ServerResponse } from 'node:http';
import { errorBox, html, page } from '../http/html.js';
import { sendHtml } from '../http/respond.js';
import type { AccountLinks, Identity } from './links.js';
import type { LinkRequest } from './request.js';

/** One request to a linking page: its interaction and the posted form. */
export interface LinkingPageRequest {
  method: string;
  res: ServerResponse;
  uid: string;
  /** The page's action: `link`, `unlink`, `cancel`, or none (show the page). */
  action: string | undefined;
  form: Record<string, string>;
}

/** How a linking page ends its interaction (oidc-provider's interactionFinished, done by login/). */
export interface LinkingOutcome {
  /** Completes the login as `userId`: the authorization code is for the primary user. */
  finish(userId: string): Promise<void>;
  /** Sends `access_denied` with `description` to the client's redirect URI. */
  refuse(description: string): Promise<void>;
}

/** The connection's own sign-in form (standing in for GitHub's, Google's, ... login page). */
function signInPage(uid: string, connection: string, options: { username?: string; error?: string } = {}) {
  return page(
    `Sign in to ${connection}`,
    html`<p class="lead">Sign in with your ${connection} account to link it to your user.</p>
      ${errorBox(options.error)}
      <form method="post" action="/u/${uid}/link" data-step="link">
        <label for="username">${connection} username</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          required
          value="${options.username ?? ''}"
        />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Link account</button>
      </form>
      <form method="post" action="/u/${uid}/cancel">
        <button class="secondary" type="submit">Cancel</button>
      </form>`,
  );
}

/** The confirmation before an unlink: which accounts of the connection go. */
function unlinkPage(uid: string, connection: string, identities: Identity[]) {
  return page(
    `Unlink ${connection}`,
    html`<p class="lead">These ${connection} accounts will no longer sign you in:</p>
      <ul>
        ${identities.map((i) => html`<li><code>${i.profileData?.name ?? i.user_id}</code></li>`)}
      </ul>
      <form method="post" action="/u/${uid}/unlink" data-step="unlink">
        <button type="submit">Unlink</button>
      </form>
      <form method="post" action="/u/${uid}/cancel">
        <button class="secondary" type="submit">Cancel</button>
      </form>`,
  );
}

/**
 * The pages of a link or unlink interaction at /u/:uid: the connection's sign-in (a right username
 * and password link that account to the primary user), or the unlink confirmation; both end the
 * interaction as a login of the primary user, or refuse it (`access_denied`) when cancelled, when the
 * account is linked to another user, or when there is nothing to unlink.
 */
export async function handleLinkingPage(
  links: AccountLinks,
  request: LinkRequest,
  r: LinkingPageRequest,
  outcome: LinkingOutcome,
): Promise<void> {
  const { connection, primary } = request;
  const post = r.method === 'POST';
  if (post && r.action === 'cancel') return outcome.refuse(`the user cancelled the ${request.kind}`);
  if (request.kind === 'unlink') {
    const linked = links.linked(primary).filter((i) => i.connection === connection);
    if (linked.length === 0) return outcome.refuse(`the user has no linked ${connection} account`);
    if (!post || r.action !== 'unlink') return sendHtml(r.res, 200, unlinkPage(r.uid, connection, linked));
    links.unlink(primary, connection);
    return outcome.finish(primary);
  }
  if (!post || r.action !== 'link') return sendHtml(r.res, 200, signInPage(r.uid, connection));
  const username = r.form.username ?? '';
  const account = links.authenticate(connection, username, r.form.password ?? '');
  if (!account)
    return sendHtml(
      r.res,
      400,
      signInPage(r.uid, connection, { username, error: 'Wrong username or password.' }),
    );
  if (links.link(primary, connection, account))
    return outcome.refuse(`the ${connection} account is already linked to another user`);
  return outcome.finish(primary);
}
