export { BACKCHANNEL_LOGOUT_EVENT, CookieTransactionStore, MemorySessionStore, MemoryStateStore, MemoryTransactionStore, ServerClient, StatefulStateStore, StatelessStateStore, parseCookieHeader, serializeCookie } from './chunk-MNDSTJKT.js';
export { BackchannelLogoutError, CallbackError, IdTokenValidationError, LoginRequiredError, MfaRequiredError, MfaTokenExpiredError, MfaTokenInvalidError, RequestError, ServerError, SessionTooLargeError, TokenExchangeError, TokenForConnectionError, isAuth0Error } from './chunk-M4OAD6WH.js';
export { Auth0Error, StoreError } from './chunk-2UU3TTTI.js';
//# sourceMappingURL=index.js.map
//# sourceMappingURL=index.js.map