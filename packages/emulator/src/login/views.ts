import { errorBox, html, page } from '../http/html.js';

/** Attribute the login driver (and curious developers) read to know which step a page is. */
export type Step =
  'login' | 'enroll' | 'challenge' | 'otp' | 'code' | 'push' | 'recovery-code' | 'recovery-shown';

function form(action: string, step: Step, inner: ReturnType<typeof html>) {
  return html`<form method="post" action="${action}" data-step="${step}">${inner}</form>`;
}

/**
 * The email and password form, the first page of every login: with the organization's name when the
 * login is for one, or an organization field when the client requires one and the request named none.
 */
export function loginPage(
  uid: string,
  options: {
    email?: string;
    error?: string;
    clientName: string;
    organization?: { prompt: true } | { displayName: string };
  },
): string {
  const org = options.organization;
  const lead =
    org && 'displayName' in org
      ? html`<p class="lead">Log in to ${org.displayName} to continue to ${options.clientName}.</p>`
      : html`<p class="lead">Log in to continue to ${options.clientName}.</p>`;
  const orgField =
    org && 'prompt' in org
      ? html`<label for="organization">Organization</label>
          <input id="organization" name="organization" autocomplete="organization" required />`
      : html``;
  return page(
    'Log in',
    html`${lead} ${errorBox(options.error)}
    ${form(
      `/u/${uid}/login`,
      'login',
      html`${orgField}<label for="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${options.email ?? ''}"
        />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Continue</button>`,
    )}`,
  );
}

/** A code entry form (authenticator app, SMS, voice or email). */
export function codePage(
  uid: string,
  options: {
    title: string;
    intro: string;
    action: string;
    field: string;
    step: Step;
    error?: string;
    extra?: ReturnType<typeof html>;
  },
): string {
  // With `extra` (authenticator app enrollment: scan, then the key) the code entry is the last step.
  const intro = options.extra
    ? html`${options.extra}
        <h2>Enter the code</h2>
        <p>${options.intro}</p>`
    : html`<p class="lead">${options.intro}</p>`;
  return page(
    options.title,
    html`${errorBox(options.error)} ${intro}
      ${form(
        `/u/${uid}/${options.action}`,
        options.step,
        html`<label for="code">Code</label>
          <input
            id="code"
            name="${options.field}"
            inputmode="numeric"
            autocomplete="one-time-code"
            required
          />
          <button type="submit">Verify</button>`,
      )}
      <p class="more"><a href="/u/${uid}/other">Try another method</a></p>`,
  );
}

/** A push challenge waiting for the user's phone: refreshes itself, and has a button for browsers without refresh. */
export function pushPage(
  uid: string,
  options: { intervalSeconds: number; oobCode: string; error?: string },
): string {
  return page(
    'Check your phone',
    html`${errorBox(options.error)}
      <p class="lead">
        We sent a notification to your device. Approve it to continue. This page checks again every
        ${options.intervalSeconds} seconds.
      </p>
      <p class="dev" data-oob-code="${options.oobCode}">
        Development: <code>POST /__dev/push/${options.oobCode}/approve</code> (or <code>/deny</code>) answers
        it.
      </p>
      ${form(`/u/${uid}/poll`, 'push', html`<button type="submit">I approved it</button>`)}
      <p class="more"><a href="/u/${uid}/other">Try another method</a></p>`,
    { refreshSeconds: options.intervalSeconds },
  );
}

/** Shows a recovery code once, after enrollment or after it replaced a used one. */
export function recoveryShownPage(uid: string, code: string): string {
  return page(
    'Save your recovery code',
    html`<p class="lead">If you lose your device, this code lets you log in. It is shown only once.</p>
      <p><code class="recovery" data-recovery-code="${code}">${code}</code></p>
      ${form(`/u/${uid}/continue`, 'recovery-shown', html`<button type="submit">I have saved it, continue</button>`)}`,
  );
}
