export { deriveKey, type KeyPurpose, type DerivedKey } from './keys.js';
export { createSealer, type Sealer, type UnsealResult, type UnsealFailure } from './sealer.js';
