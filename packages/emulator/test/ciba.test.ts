import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, CLIENT_ID, CLIENT_SECRET, claims, isRecord, manualClock, start, token } from './support.js';

const GRANT = 'urn:openid:params:grant-type:ciba';
const DETAILS = [{ type: 'payment_initiation', amount: '42.00', currency: 'EUR' }];

describe('CIBA (poll mode) at /bc-authorize', () => {
  let em: Emulator;
  const clock = manualClock();
  beforeAll(async () => {
    em = await start({}, { now: clock.now });
  });
  afterAll(() => em.close());

  async function bcAuthorize(params: Record<string, string> = {}) {
    const body = new URLSearchParams({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: 'openid profile offline_access read:data',
      binding_message: 'Pay 42 EUR: 7F3K',
      login_hint: JSON.stringify({ format: 'iss_sub', iss: em.issuer, sub: 'auth0|alice' }),
      ...params,
    });
    const response = await fetch(new URL('bc-authorize', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const parsed: unknown = await response.json();
    return { status: response.status, body: isRecord(parsed) ? parsed : {} };
  }
  const poll = (id: unknown) => token(em, { grant_type: GRANT, auth_req_id: String(id) });
  const answer = (id: unknown, what: 'approve' | 'deny') =>
    fetch(new URL(`__dev/ciba/${encodeURIComponent(String(id))}/${what}`, em.issuer), { method: 'POST' });
  const pending = async (): Promise<unknown[]> => {
    const list: unknown = await (await fetch(new URL('__dev/ciba', em.issuer))).json();
    return Array.isArray(list) ? list : [];
  };

  it('discovery advertises the endpoint at Auth0 path, poll mode and the grant', async () => {
    const meta: unknown = await (await fetch(new URL('.well-known/openid-configuration', em.issuer))).json();
    expect(meta).toMatchObject({
      backchannel_authentication_endpoint: new URL('bc-authorize', em.issuer).href,
      backchannel_token_delivery_modes_supported: ['poll'],
    });
    expect(isRecord(meta) && meta.grant_types_supported).toContain(GRANT);
  });

  it('answers auth_req_id, expires_in and interval; pending until approved, then the tokens with the details', async () => {
    const started = await bcAuthorize({ audience: API, authorization_details: JSON.stringify(DETAILS) });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ auth_req_id: expect.any(String), expires_in: 300, interval: 5 });
    const id = started.body.auth_req_id;
    expect(await pending()).toContainEqual(
      expect.objectContaining({
        auth_req_id: id,
        user_id: 'auth0|alice',
        binding_message: 'Pay 42 EUR: 7F3K',
        audience: API,
        authorization_details: DETAILS,
      }),
    );
    const waiting = await poll(id);
    expect(waiting.status).toBe(400);
    expect(waiting.body.error).toBe('authorization_pending');

    expect((await answer(id, 'approve')).status).toBe(200);
    expect(await pending()).not.toContainEqual(expect.objectContaining({ auth_req_id: id }));
    clock.advance(5000);
    const done = await poll(id);
    expect(done.status).toBe(200);
    expect(claims(done.body.id_token).sub).toBe('auth0|alice');
    expect(claims(done.body.access_token).aud).toContain(API);
    expect(done.body.refresh_token).toEqual(expect.any(String));
    expect(done.body.authorization_details).toEqual(DETAILS);
    // The request is spent.
    clock.advance(5000);
    expect((await poll(id)).body.error).toBe('invalid_grant');
  });

  it('answers slow_down with Retry-After to a poll sooner than the interval, which then grows by 5 s', async () => {
    const id = (await bcAuthorize()).body.auth_req_id;
    expect((await poll(id)).body.error).toBe('authorization_pending');
    clock.advance(4000);
    const fast = await poll(id);
    expect(fast.status).toBe(400);
    expect(fast.body.error).toBe('slow_down');
    expect(fast.headers.get('retry-after')).toBe('10');
    clock.advance(5000);
    expect((await poll(id)).body.error).toBe('slow_down');
    clock.advance(15_000);
    expect((await poll(id)).body.error).toBe('authorization_pending');
  });

  it('answers access_denied once the user denies, and expired_token after expires_in', async () => {
    const denied = (await bcAuthorize()).body.auth_req_id;
    expect((await answer(denied, 'deny')).status).toBe(200);
    const refused = await poll(denied);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('access_denied');

    const late = await bcAuthorize({ requested_expiry: '60' });
    expect(late.body.expires_in).toBe(60);
    clock.advance(61_000);
    expect((await poll(late.body.auth_req_id)).body.error).toBe('expired_token');
    expect((await answer(late.body.auth_req_id, 'approve')).status).toBe(404);
  });

  it('refuses a malformed login_hint, an unknown user, a missing binding message and bad details', async () => {
    expect((await bcAuthorize({ login_hint: 'auth0|alice' })).body.error).toBe('invalid_request');
    const stranger = JSON.stringify({ format: 'iss_sub', iss: em.issuer, sub: 'auth0|nobody' });
    expect((await bcAuthorize({ login_hint: stranger })).body.error).toBe('unknown_user_id');
    expect((await bcAuthorize({ binding_message: '<script>' })).body.error).toBe('invalid_binding_message');
    expect((await bcAuthorize({ authorization_details: '{"type":"x"}' })).body.error).toBe('invalid_request');
    const anonymous = await fetch(new URL('bc-authorize', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, scope: 'openid', binding_message: 'x' }).toString(),
    });
    expect(anonymous.status).toBe(401);
  });

  it('shows a person the pending requests with their binding messages, and the form approves', async () => {
    const id = String((await bcAuthorize({ binding_message: 'Sign in from TV: 4D2Q' })).body.auth_req_id);
    const pageResponse = await fetch(new URL('__dev/ciba', em.issuer), { headers: { accept: 'text/html' } });
    const html = await pageResponse.text();
    expect(html).toContain('Sign in from TV: 4D2Q');
    expect(html).toContain(`/__dev/ciba/${encodeURIComponent(id)}/approve`);
    const submitted = await fetch(new URL(`__dev/ciba/${encodeURIComponent(id)}/approve`, em.issuer), {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe('/__dev/ciba');
    clock.advance(5000);
    expect((await poll(id)).status).toBe(200);
  });
});
