import { describe, expect, it } from 'vitest';
import { resolveSessionLifetime, secureByDefault, sessionExpiry } from '../../src/session/index.js';
import { makeState } from '../helpers/state.js';

const DAY = 86_400;

describe('resolveSessionLifetime', () => {
  it('defaults to rolling, 1 day of inactivity and 3 days absolute', () => {
    expect(resolveSessionLifetime()).toEqual({
      rolling: true,
      inactivityDuration: DAY,
      absoluteDuration: 3 * DAY,
    });
  });

  it('rejects a duration that is not a positive number, naming the field', () => {
    expect(() => resolveSessionLifetime({ inactivityDuration: 0 })).toThrow(/"inactivityDuration"/);
    expect(() => resolveSessionLifetime({ absoluteDuration: Number.NaN })).toThrow(/"absoluteDuration"/);
  });
});

describe('sessionExpiry', () => {
  const createdAt = 1_000_000;
  const state = makeState({ internal: { sid: 's', createdAt } });

  it('restarts the inactivity window on each write of a rolling session, up to the absolute limit', () => {
    const lifetime = resolveSessionLifetime({ inactivityDuration: 100, absoluteDuration: 1000 });
    expect(sessionExpiry(lifetime, state, createdAt + 50)).toBe(createdAt + 150);
    expect(sessionExpiry(lifetime, state, createdAt + 950)).toBe(createdAt + 1000);
  });

  it('ends a non-rolling session absoluteDuration after its creation however often it is written', () => {
    const lifetime = resolveSessionLifetime({
      rolling: false,
      inactivityDuration: 100,
      absoluteDuration: 1000,
    });
    expect(sessionExpiry(lifetime, state, createdAt + 500)).toBe(createdAt + 1000);
  });

  it('honours a sessionExpiresAt ceiling carried by the session, ending 30 s before it', () => {
    const lifetime = resolveSessionLifetime();
    expect(sessionExpiry(lifetime, { ...state, sessionExpiresAt: createdAt + 100 }, createdAt)).toBe(
      createdAt + 70,
    );
  });
});

describe('secureByDefault', () => {
  it('drops Secure only for plain http on a loopback host', () => {
    expect(secureByDefault(undefined)).toBe(true);
    expect(secureByDefault('https://app.example.com')).toBe(true);
    expect(secureByDefault('http://app.example.com')).toBe(true);
    expect(secureByDefault('http://localhost:3000')).toBe(false);
    expect(secureByDefault('http://127.0.0.1:3000/')).toBe(false);
    expect(secureByDefault(new URL('http://[::1]:3000'))).toBe(false);
    expect(secureByDefault('https://localhost:3000')).toBe(true);
  });

  it('rejects an appBaseUrl that is not a URL', () => {
    expect(() => secureByDefault('not a url')).toThrow(/"appBaseUrl"/);
  });
});
