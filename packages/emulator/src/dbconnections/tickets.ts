import { randomBytes } from 'node:crypto';

/** How long a password-reset link works: 5 days, Auth0's default for change-password tickets. */
export const TICKET_TTL_SECONDS = 5 * 24 * 3600;

/** The password-reset links sent by `/dbconnections/change_password`; each works once. */
export class ResetTickets {
  readonly #tickets = new Map<string, { userId: string; expiresAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  issue(userId: string): string {
    const ticket = randomBytes(24).toString('base64url');
    this.#tickets.set(ticket, { userId, expiresAt: this.#now() + TICKET_TTL_SECONDS * 1000 });
    return ticket;
  }

  /** The user a live ticket is for, without spending it (the page is shown before the form is sent). */
  peek(ticket: string): string | undefined {
    const entry = this.#tickets.get(ticket);
    if (!entry) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#tickets.delete(ticket);
      return undefined;
    }
    return entry.userId;
  }

  spend(ticket: string): void {
    this.#tickets.delete(ticket);
  }
}
