import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/types.js';
import type { AdapterStoreOptions } from '../../src/adapters/core/index.js';
import { BINDINGS, offlineOptions, startApp, type RunningApp } from './bindings.js';

const INTERNAL = 'Cannot read properties of undefined (reading "internalDetail")';

/** A state store with a bug: every read throws a plain TypeError, as a slip in app code would. */
const buggyStore: StateStore<AdapterStoreOptions> = {
  get: async () => {
    throw new TypeError(INTERNAL);
  },
  set: async () => undefined,
  delete: async () => undefined,
  deleteByLogoutToken: async () => undefined,
};

describe.each(BINDINGS)('%s: errors that reach the client', (binding) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(binding, { ...offlineOptions, stateStore: buggyStore });
  });
  afterAll(() => app?.close());

  it("an internal TypeError goes to the framework's error handling, its message kept from the client", async () => {
    app.errors.length = 0;
    const res = await fetch(new URL('/auth/mfa/authenticators', app.url), { headers: { 'mfa-token': 'x' } });
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).not.toContain('internalDetail');
    expect(body).toBe('{"error":"app_error_handler"}');
    expect(app.errors).toHaveLength(1);
    expect(app.errors[0]).toBeInstanceOf(TypeError);
    expect((app.errors[0] as Error).message).toBe(INTERNAL);
  });

  it("the SDK's coded argument errors are still a 400 that names the field", async () => {
    const res = await fetch(new URL('/auth/mfa/verify', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ mfaToken: 'x', otp: 7 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      errorDescription: '"otp" must be a non-empty string',
    });
  });
});
