import type { CibaRequest } from '../ciba/requests.js';
import { html, page } from '../http/html.js';

/**
 * The user's side of CIBA: every pending request with its binding message, who asks and for what,
 * and buttons to approve or deny it. Reloads itself every five seconds to show new requests.
 */
export function cibaPage(requests: CibaRequest[]): string {
  const items = requests.map((request) => {
    const action = `/__dev/ciba/${encodeURIComponent(request.id)}`;
    return html`<section aria-label="${request.bindingMessage}">
      <h2><q>${request.bindingMessage}</q></h2>
      <dl class="details">
        <dt>User</dt>
        <dd><code>${request.userId}</code></dd>
        <dt>Application</dt>
        <dd><code>${request.clientId}</code></dd>
        <dt>Scope</dt>
        <dd><code>${request.scope}</code></dd>
        ${
          request.audience
            ? html`<dt>API</dt>
                <dd><code>${request.audience}</code></dd>`
            : false
        }
        ${
          request.authorizationDetails
            ? html`<dt>Authorization details</dt>
                <dd><code>${JSON.stringify(request.authorizationDetails)}</code></dd>`
            : false
        }
      </dl>
      <div class="row">
        <form method="post" action="${action}/approve"><button type="submit">Approve</button></form>
        <form method="post" action="${action}/deny">
          <button type="submit" class="secondary">Deny</button>
        </form>
      </div>
    </section>`;
  });
  const body = requests.length
    ? html`<p class="lead">Check that the message matches the one the application shows, then answer.</p>
        ${items}
        <p class="dev">The same list as JSON: ask with <code>Accept: application/json</code>.</p>`
    : html`<p class="lead">No requests are waiting. This page reloads by itself.</p>`;
  return page('Approve sign-in requests', body, { refreshSeconds: 5 });
}
