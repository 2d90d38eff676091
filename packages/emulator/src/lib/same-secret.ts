import { timingSafeEqual } from 'node:crypto';

/** Compares a presented secret (password, client secret) with the configured one in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
