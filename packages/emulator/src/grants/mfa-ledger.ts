/**
 * Remembers which grants passed MFA outside a browser session (through an MFA grant), so a later
 * refresh for an API that requires MFA is not stepped up again. Grants from a browser login carry
 * `amr: ["pwd", "mfa", ...]` on their refresh tokens instead.
 */
export class MfaLedger {
  readonly #passed = new Set<string>();

  markPassed(grantId: string): void {
    this.#passed.add(grantId);
  }

  passed(grantId: string | undefined, amr: string[] | undefined): boolean {
    return (amr?.includes('mfa') ?? false) || (grantId !== undefined && this.#passed.has(grantId));
  }
}
