/**
 * Remembers which grants passed MFA outside a browser session (through an MFA grant), so a later
 * refresh for an API that requires MFA is not stepped up again. Grants from a browser login carry
 * `amr: ["pwd", "mfa", ...]` on their refresh tokens instead.
 */
export class MfaLedger {
  readonly #passed = new Set<string>();

  /** Records that the grant passed MFA through an MFA grant. */
  markPassed(grantId: string): void {
    this.#passed.add(grantId);
  }

  /** Whether a refresh token's grant passed MFA: in a browser login (its `amr`) or through an MFA grant. */
  passed(grantId: string | undefined, amr: string[] | undefined): boolean {
    return (amr?.includes('mfa') ?? false) || (grantId !== undefined && this.#passed.has(grantId));
  }
}
