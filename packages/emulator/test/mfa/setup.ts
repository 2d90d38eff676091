import { MfaService, generateTotp, type MfaServiceOptions, type MfaUserInput } from '../../src/mfa/index.js';

/** An MfaService on a hand-driven clock, with its log lines collected. */
export function setup(options: Partial<MfaServiceOptions> = {}) {
  let now = Date.UTC(2025, 0, 1, 12, 0, 0);
  const logs: string[] = [];
  const mfa = new MfaService({
    tenant: '127.0.0.1:4400',
    baseUrl: 'http://127.0.0.1:4400/',
    log: (line) => logs.push(line),
    now: () => now,
    ...options,
  });
  return {
    mfa,
    logs,
    now: () => now,
    /** Moves the clock forward. */
    advance(seconds: number) {
      now += seconds * 1000;
    },
    /** Registers a user and starts a flow for client `app`. */
    start(user: MfaUserInput, clientId = 'app', context: unknown = { scope: 'openid' }) {
      const seeded = mfa.addUser(user);
      const { body } = mfa.issueMfaToken({ userId: user.userId, clientId, context });
      return { token: body.mfa_token, body, seeded };
    },
    /** Starts another flow for a registered user; returns the mfa_token. */
    flow(userId: string, clientId = 'app', context: unknown = { scope: 'openid' }) {
      return mfa.issueMfaToken({ userId, clientId, context }).body.mfa_token;
    },
    /** The current TOTP code of a secret. */
    totp(secret: string) {
      return generateTotp(secret, now);
    },
    /** The newest outbox entry. */
    lastSent() {
      const entry = mfa.outbox().at(-1);
      if (!entry) throw new Error('nothing was sent');
      return entry;
    },
  };
}

/** A body field read from an unknown JSON body, failing the test when absent. */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null || !(name in body)) throw new Error(`body has no ${name}`);
  const value: unknown = Object.getOwnPropertyDescriptor(body, name)?.value;
  if (typeof value !== 'string') throw new Error(`body.${name} is not a string`);
  return value;
}

/** A string-array body field (such as `recovery_codes`), failing the test when absent. */
export function strings(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) throw new Error('body is not an object');
  const value: unknown = Object.getOwnPropertyDescriptor(body, name)?.value;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new Error(`body.${name} is not a string[]`);
  return value.map(String);
}

/** The id of the first listed authenticator of a type. */
export function idOf(list: unknown, type: string): string {
  if (!Array.isArray(list)) throw new Error('not a list');
  return field(
    list.find((a) => field(a, 'authenticator_type') === type),
    'id',
  );
}
