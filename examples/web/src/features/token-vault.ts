import type { Express, Request, Response } from 'express';
import { LoginRequiredError, TokenForConnectionError } from 'auth0-server-ts';
import { html } from '../html.js';
import { page } from '../pages/layout.js';
import { when } from '../pages/profile.js';
import type { FeatureDeps } from './shared.js';

/** The Google Calendar stand-in's path on this app. */
export const CALENDAR_API = '/calendar-api/events';
const CONNECTION = 'google-oauth2';

// What the emulator's Google stand-in mints: `upstream.<connection>.<random>` (opaque, as Google's are).
const GOOGLE_TOKEN = /^Bearer (upstream\.google-oauth2\.[\w-]{16,})$/;

/**
 * A "Google Calendar" stand-in served by the demo: it accepts only an access token of the emulator's
 * `google-oauth2` connection (the emulator keeps no record a resource server could check, so the
 * token's form is what is checked) and answers with made-up events.
 */
export function calendarApi() {
  return (req: Request, res: Response): void => {
    if (!GOOGLE_TOKEN.test(req.get('authorization') ?? '')) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer error="invalid_token"')
        .json({ error: 'invalid_token' });
      return;
    }
    const day = new Date().toISOString().slice(0, 10);
    res.json({
      kind: 'calendar#events',
      items: [
        { summary: 'Stand-up', start: { dateTime: `${day}T09:30:00Z` } },
        { summary: 'Design review', start: { dateTime: `${day}T14:00:00Z` } },
        { summary: 'Gym', start: { dateTime: `${day}T18:00:00Z` } },
      ],
    });
  };
}

interface CalendarEvent {
  summary: string;
  start: { dateTime: string };
}

function eventsOf(body: unknown): CalendarEvent[] {
  const items: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'items') : undefined;
  return Array.isArray(items) ? (items as CalendarEvent[]) : [];
}

/**
 * `/calendar`: `getAccessTokenForConnection({ connection: 'google-oauth2' })` trades the session's refresh
 * token for the user's Google token (Token Vault), then calls the Calendar stand-in with it. The token
 * stays on the server; the page shows its expiry and scope.
 */
export function mountTokenVault(app: Express, deps: FeatureDeps): void {
  app.get(CALENDAR_API, calendarApi());
  app.get('/calendar', deps.auth.requiresAuth(), async (req, res) => {
    let token;
    try {
      token = await req.auth0.client.getAccessTokenForConnection(
        { connection: CONNECTION },
        req.auth0.storeOptions,
      );
    } catch (error) {
      if (error instanceof LoginRequiredError) return res.redirect('/auth/login?returnTo=%2Fcalendar');
      if (!(error instanceof TokenForConnectionError)) throw error;
      return deps.send(
        req,
        res,
        (ctx) =>
          page(
            ctx,
            'Token Vault: Google Calendar',
            html`<section class="card">
              <p class="alert error" role="alert">
                Auth0 holds no Google token for you: your account has no
                <code>${CONNECTION}</code> connection.
              </p>
              <p class="muted">
                In the demo, Alice and Carol have one (emulator.json's <code>connections</code>).
              </p>
            </section>`,
          ),
        403,
      );
    }
    const answer = await fetch(new URL(CALENDAR_API, deps.base), {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    const events = answer.ok ? eventsOf(await answer.json()) : [];
    await deps.send(req, res, (ctx) =>
      page(
        ctx,
        'Token Vault: Google Calendar',
        html`<section class="card">
            <p class="alert ${answer.ok ? 'ok' : 'error'}" role="status">
              ${answer.ok ? 'Google Calendar accepted your Google token.' : `The calendar answered ${answer.status}.`}
            </p>
            <h2>Your next events</h2>
            <ul id="events">
              ${events.map((event) => html`<li>${event.start.dateTime.slice(11, 16)} UTC: ${event.summary}</li>`)}
            </ul>
          </section>
          <section class="card">
            <h2>The Google token used</h2>
            <dl class="claims">
              <dt>connection</dt>
              <dd><code>${token.connection}</code></dd>
              <dt>scope</dt>
              <dd><code>${token.scope ?? '(none)'}</code></dd>
              <dt>expires</dt>
              <dd>${when(token.expiresAt)}</dd>
            </dl>
            <p class="muted">
              Auth0 keeps it (Token Vault); the SDK caches it in the session until it nears expiry.
            </p>
          </section>`,
      ),
    );
  });
}
