import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Unix ms; `undefined` for entries that never expire (none in practice, but the interface allows it). */
  expiresAt: number | undefined;
}

/**
 * oidc-provider's storage, in memory and owned by one emulator: every `startEmulator` gets its own
 * (several emulators in one test process never see each other's tokens), `close()` lets it be
 * collected, and expired entries are dropped as they are met. The provider's built-in memory adapter
 * is a module-wide cache that also warns on every start.
 */
export function createMemoryAdapter(now: () => number = Date.now): (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  const key = (model: string, id: string) => `${model}:${id}`;

  const read = (k: string): AdapterPayload | undefined => {
    const entry = entries.get(k);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(k);
      return undefined;
    }
    return entry.payload;
  };

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      const k = key(model, id);
      const expiresAt = expiresIn ? now() + expiresIn * 1000 : undefined;
      entries.set(k, { payload, expiresAt });
      if (payload.grantId) {
        const set = grants.get(payload.grantId) ?? new Set<string>();
        set.add(k);
        grants.set(payload.grantId, set);
      }
      // Secondary keys point at the entry and expire with it.
      if (payload.uid) entries.set(key(`${model}Uid`, payload.uid), { payload: { id }, expiresAt });
      if (payload.userCode)
        entries.set(key(`${model}UserCode`, payload.userCode), { payload: { id }, expiresAt });
    },
    async find(id) {
      return read(key(model, id));
    },
    async findByUid(uid) {
      const pointer = read(key(`${model}Uid`, uid))?.id;
      return typeof pointer === 'string' ? read(key(model, pointer)) : undefined;
    },
    async findByUserCode(userCode) {
      const pointer = read(key(`${model}UserCode`, userCode))?.id;
      return typeof pointer === 'string' ? read(key(model, pointer)) : undefined;
    },
    async consume(id) {
      const payload = read(key(model, id));
      if (payload) payload.consumed = Math.floor(now() / 1000);
    },
    async destroy(id) {
      entries.delete(key(model, id));
    },
    async revokeByGrantId(grantId) {
      for (const k of grants.get(grantId) ?? []) entries.delete(k);
      grants.delete(grantId);
    },
  });
}
