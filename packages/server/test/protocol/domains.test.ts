import { describe, expect, it } from 'vitest';
import { Domains, madeOn, parseDomain } from '../../src/protocol/domains.js';
import { scopeToDomain } from '../../src/session/domain-scope.js';
import type { SessionAccess } from '../../src/session/access.js';
import type { StateData } from '../../src/types.js';

const session = (domain?: string): StateData => ({
  user: { sub: 'auth0|alice' },
  idToken: undefined,
  refreshToken: 'rt',
  tokenSets: [],
  internal: { sid: 'sid-1', createdAt: 1 },
  ...(domain === undefined ? {} : { domain }),
});

/** One stored session, read and written as the owner would (without its locks). */
function store(initial: StateData | undefined): SessionAccess<unknown> & { held(): StateData | undefined } {
  let held = initial;
  return {
    held: () => held,
    get: () => Promise.resolve(held),
    async update(fn) {
      const next = await fn(held);
      if (next === null) held = undefined;
      else if (next !== undefined && !('refile' in next)) held = next;
      return held;
    },
  };
}

const view = (access: SessionAccess<unknown>, origin: string, ownsUnrecorded: boolean) => {
  const issuer = parseDomain(origin);
  return scopeToDomain(access, {
    recorded: issuer.origin,
    owns: (value) => madeOn(value, { issuer, recorded: issuer.origin }),
    ownsUnrecorded,
  });
};

describe('Domains (per-domain state)', () => {
  it('builds a static domain once, at construction', async () => {
    const built: string[] = [];
    const domains = new Domains<unknown, string>('tenant.auth0.com', (issuer) => {
      built.push(issuer.href);
      return issuer.host;
    });
    expect(built).toEqual(['https://tenant.auth0.com/']);
    await domains.for(undefined);
    await domains.for(undefined);
    expect(built).toHaveLength(1);
    expect(domains.resolving).toBe(false);
  });

  it("keeps a resolver's domains bounded: the least recently used is dropped and rebuilt on return", async () => {
    const built: string[] = [];
    const domains = new Domains<string, string>(
      (host) => host ?? '',
      (issuer) => {
        built.push(issuer.host);
        return issuer.host;
      },
      2,
    );
    await domains.for('a.example.com');
    await domains.for('b.example.com');
    await domains.for('a.example.com');
    await domains.for('c.example.com');
    expect(domains.size).toBe(2);
    await domains.for('a.example.com');
    expect(built).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
    await domains.for('b.example.com');
    expect(built).toEqual(['a.example.com', 'b.example.com', 'c.example.com', 'b.example.com']);
    for (let i = 0; i < 50; i += 1) await domains.for(`t${i}.example.com`);
    expect(domains.size).toBe(2);
  });

  it("completes a transaction on the domain it recorded, the peer's bare host or this SDK's origin", async () => {
    const domains = new Domains<string, string>(
      () => 'a.example.com',
      (issuer) => issuer.host,
    );
    expect((await domains.recordedOr('https://b.example.com', 'x')).parts).toBe('b.example.com');
    expect((await domains.recordedOr('b.example.com', 'x')).parts).toBe('b.example.com');
    expect((await domains.recordedOr(undefined, 'x')).parts).toBe('a.example.com');
  });
});

describe('scopeToDomain (a session read under another domain is no session)', () => {
  it("reads another domain's session as none, and the peer's bare host as this domain's", async () => {
    expect(await view(store(session('https://a.example.com')), 'b.example.com', true).get()).toBeUndefined();
    expect(await view(store(session('a.example.com')), 'a.example.com', false).get()).toBeDefined();
  });

  it('reads a session that recorded no domain only with a static domain', async () => {
    expect(await view(store(session()), 'a.example.com', true).get()).toBeDefined();
    expect(await view(store(session()), 'a.example.com', false).get()).toBeUndefined();
  });

  it('records the domain on a session written through it', async () => {
    const access = store(undefined);
    await view(access, 'b.example.com', false).update(() => session());
    expect(access.held()?.domain).toBe('https://b.example.com');
  });

  it("leaves another domain's session alone when this domain ends or keeps its (absent) session", async () => {
    const access = store(session('https://a.example.com'));
    const onB = view(access, 'b.example.com', false);
    expect(await onB.update(() => null)).toBeUndefined();
    expect(await onB.update((current) => current)).toBeUndefined();
    expect(access.held()?.domain).toBe('https://a.example.com');
  });
});
