/**
 * The passkey page's script, served from 'self' as `/passkeys.js`: asks the server for WebAuthn
 * options, runs `navigator.credentials.create()` / `.get()` with them, and posts the credential back
 * (base64url fields, as Auth0 takes them). The server then has the session and sends the page on.
 */
export const PASSKEYS_SCRIPT = `'use strict';
(() => {
  const status = document.getElementById('passkey-status');
  const say = (text) => { status.textContent = text; };
  const bytes = (b64url) => {
    const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  };
  const b64url = (buffer) => {
    let raw = '';
    for (const byte of new Uint8Array(buffer)) raw += String.fromCharCode(byte);
    return btoa(raw).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  };
  const post = async (path, body) => {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(answer.message || 'The request failed.');
    return answer;
  };
  const serialize = (credential) => {
    const r = credential.response;
    const response = { clientDataJSON: b64url(r.clientDataJSON) };
    if (r.attestationObject) response.attestationObject = b64url(r.attestationObject);
    if (r.getTransports) response.transports = r.getTransports();
    if (r.authenticatorData) response.authenticatorData = b64url(r.authenticatorData);
    if (r.signature) response.signature = b64url(r.signature);
    if (r.userHandle) response.userHandle = b64url(r.userHandle);
    return {
      id: credential.id,
      rawId: b64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      response,
      clientExtensionResults: credential.getClientExtensionResults(),
    };
  };
  const finish = async (authSession, credential) => {
    const done = await post('/passkeys/verify', { authSession, credential: serialize(credential) });
    window.location.assign(done.redirect);
  };
  const run = (work) => async (event) => {
    event.preventDefault();
    say('Waiting for your passkey…');
    try {
      await work(event);
    } catch (error) {
      say(error && error.name === 'NotAllowedError' ? 'The passkey prompt was cancelled.' : String(error.message || error));
    }
  };
  document.getElementById('passkey-signup').addEventListener('submit', run(async (event) => {
    const form = new FormData(event.target);
    const { authSession, publicKey } = await post('/passkeys/register-options', {
      email: form.get('email'),
      name: form.get('name'),
    });
    publicKey.challenge = bytes(publicKey.challenge);
    publicKey.user = { ...publicKey.user, id: bytes(publicKey.user.id) };
    publicKey.excludeCredentials = (publicKey.excludeCredentials || []).map((c) => ({ ...c, id: bytes(c.id) }));
    await finish(authSession, await navigator.credentials.create({ publicKey }));
  }));
  document.getElementById('passkey-login').addEventListener('submit', run(async () => {
    const { authSession, publicKey } = await post('/passkeys/login-options', {});
    publicKey.challenge = bytes(publicKey.challenge);
    publicKey.allowCredentials = (publicKey.allowCredentials || []).map((c) => ({ ...c, id: bytes(c.id) }));
    await finish(authSession, await navigator.credentials.get({ publicKey }));
  }));
})();
`;
