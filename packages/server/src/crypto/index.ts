export { deriveKey, type KeyPurpose, type DerivedKey } from './keys.js';
export {
  createSealer,
  type Sealer,
  type SealerEngine,
  type UnsealResult,
  type UnsealFailure,
} from './sealer.js';
export { detectNodeCrypto, nodeCrypto, type NodeCrypto, type ProcessLike } from './runtime.js';
export {
  checkDpopKeyPair,
  importDpopKey,
  type DpopAlgorithm,
  type DpopKey,
  type DpopKeyPair,
  type KeyObjectLike,
} from './dpop-key.js';
export { createDpopProofSigner, type DpopProofClaims, type DpopProofSigner } from './dpop-proof.js';
