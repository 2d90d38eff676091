import { isRecord } from '../lib/is-record.js';
import type { TransactionData } from '../types.js';

/**
 * Whether a value read back from a transaction store is a login transaction, so a value of another
 * kind reads as none: an interactive login's (with its PKCE verifier) or a magic link's (with its
 * `state`, and no verifier).
 */
export function isTransactionData(value: unknown): value is TransactionData {
  if (!isRecord(value)) return false;
  if (typeof value.codeVerifier === 'string') return true;
  return value.codeVerifier === undefined && value.flow === 'magic_link' && typeof value.state === 'string';
}
