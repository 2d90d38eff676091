import type { OutboxEntry } from '../mfa/index.js';
import { html, page } from '../http/html.js';

const CHANNEL: Record<OutboxEntry['channel'], string> = {
  sms: 'Text message',
  voice: 'Voice call',
  email: 'Email',
};

/**
 * The outbox as a page for a person: newest first, the code large enough to read off the screen, a
 * message's link (magic link, password reset) as a link to follow.
 */
export function outboxPage(entries: OutboxEntry[]): string {
  const rows = [...entries].reverse().map(
    (entry) =>
      html`<tr>
        <td>${CHANNEL[entry.channel]}</td>
        <td>${entry.to}</td>
        <td>
          ${entry.link ? html`<a href="${entry.link}">Open the link</a>` : html`<code class="code">${entry.code}</code>`}
        </td>
        <td><time datetime="${entry.at}">${entry.at.slice(11, 19)}</time></td>
      </tr>`,
  );
  const body = entries.length
    ? html`<p>
          Codes and links "sent" by SMS, voice call and email, newest first; a magic link or a password-reset
          link is a link to follow. Reload to see new ones.
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">Code or link</th>
              <th scope="col">Sent (UTC)</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
        <p class="dev">The same list as JSON: ask with <code>Accept: application/json</code>.</p>`
    : html`<p>No codes sent yet. Choose SMS, voice or email on a login or MFA page, then reload.</p>`;
  return page('Outbox', body);
}
