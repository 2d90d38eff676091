import { isRecord, argumentError } from './chunk-2UU3TTTI.js';

// src/session/state-data.ts
function isStateData(value) {
  if (!isRecord(value) || !Array.isArray(value.tokenSets)) return false;
  const { internal } = value;
  const optional = (v, type) => v === void 0 || typeof v === type;
  return isRecord(internal) && typeof internal.sid === "string" && typeof internal.createdAt === "number" && (value.user === void 0 || isRecord(value.user)) && optional(value.idToken, "string") && optional(value.refreshToken, "string") && value.tokenSets.every(
    (t) => isRecord(t) && typeof t.audience === "string" && typeof t.accessToken === "string" && typeof t.expiresAt === "number" && (t.scope === void 0 || t.scope === null || typeof t.scope === "string")
  );
}
function assertStateData(data) {
  if (!isStateData(data)) {
    throw argumentError(
      '"data" must be a session with internal.sid, internal.createdAt and tokenSets',
      "ERR_INVALID_ARG_TYPE"
    );
  }
}

// src/stores/logout-match.ts
function matchesLogoutToken(state, claims) {
  const user = state.user;
  if (!user || claims.sid === void 0 && claims.sub === void 0) return false;
  if (claims.sid !== void 0 && user["sid"] !== claims.sid) return false;
  if (claims.sub !== void 0 && user.sub !== claims.sub) return false;
  if (claims.iss !== void 0 && typeof user["iss"] === "string" && user["iss"] !== claims.iss) return false;
  return true;
}

export { assertStateData, isStateData, matchesLogoutToken };
//# sourceMappingURL=chunk-MCMMVY2J.js.map
//# sourceMappingURL=chunk-MCMMVY2J.js.map