// The linked-accounts routes over plain HTTP: what the browser test does not try (foreign posts, no
// session, connections the page does not offer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../src/start.js';

describe('the linked-accounts routes', () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true });
  });
  afterAll(() => demo?.close());

  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${demo.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', ...headers },
    });

  it('refuses a link or unlink form posted from another site, before anything else', async () => {
    for (const path of ['/linked-accounts/link/github', '/linked-accounts/unlink/github']) {
      const res = await post(path, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
      expect(res.status, path).toBe(403);
    }
  });

  it('starts no link without a session', async () => {
    const res = await post('/linked-accounts/link/github', { 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
  });

  it('lets the authorization server be a form target, and nothing else beyond the app', async () => {
    const csp = (await fetch(`${demo.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`form-action 'self' ${new URL(demo.emulator.issuer).origin};`);
  });
});
