export { newKeyPair, signingKey, type KeyPair, type SigningKey } from './keys.js';
export {
  createFakeServer,
  createRecordingTenant,
  type FakeServer,
  type RecordingTenant,
} from './recording.js';
export {
  discoveryDocument,
  discoveryRoute,
  fieldsOf,
  json,
  jwksRoute,
  tokenEndpoint,
  type FakeRequest,
  type Route,
  type Seen,
} from './routes.js';
export { createTenant, type Tenant, type TenantOptions, type TenantUser } from './tenant.js';
