/** What every adapter entry point re-exports, besides its own `auth0`. */
export { adapterCookies, type AdapterStoreOptions } from './cookies.js';
export type { Auth0RequestHandle, BoundMfa, LoginOptions } from './handle.js';
export type { Auth0AdapterOptions, Auth0Routes } from './options.js';
export type { OnCallback, OnCallbackContext } from './on-callback.js';
export type { AdapterBinding, AdapterGuards } from './index.js';
export { ACR_MULTI_FACTOR, type StepUpOptions } from './guards.js';
