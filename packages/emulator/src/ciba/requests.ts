/** Auth0's polling interval for CIBA, in seconds; each `slow_down` adds five (as RFC 8628 does). */
export const CIBA_INTERVAL_SECONDS = 5;
const SLOW_DOWN_STEP_SECONDS = 5;

/** One back-channel authentication request, as the approval page and `/__dev/ciba` show it. */
export interface CibaRequest {
  /** The `auth_req_id`. */
  id: string;
  clientId: string;
  /** The user asked to approve (from `login_hint`). */
  userId: string;
  /** The message both devices show, so the user can tell the request apart. */
  bindingMessage: string;
  scope: string;
  /** The API asked for (`audience`), when one was. */
  audience: string | undefined;
  /** Rich Authorization Request details, returned with the tokens once approved. */
  authorizationDetails: unknown[] | undefined;
  status: 'pending' | 'approved' | 'denied';
  /** Epoch ms, by the emulator's clock. */
  expiresAt: number;
  /** Seconds the client must wait between polls; grows with each `slow_down`. */
  interval: number;
  /** Epoch ms of the last poll that was let through. */
  lastPolledAt: number | undefined;
}

/** What a poll of the token endpoint gets before the provider sees it. */
export type PollVerdict = { kind: 'pass' } | { kind: 'slow_down'; interval: number } | { kind: 'expired' };

/**
 * The emulator's CIBA requests: what the user sees and answers, and the polling rules Auth0 applies
 * that oidc-provider leaves to the server (the interval, `slow_down`, expiry by the emulator's clock,
 * so tests move a clock instead of sleeping). Independent of oidc-provider: `provider/ciba.ts` feeds it.
 */
export class CibaRequests {
  readonly #now: () => number;
  readonly #requests = new Map<string, CibaRequest>();
  // Rich Authorization Request details read by the /bc-authorize front, until the provider accepts
  // the request (keyed by the request object the front hands on).
  readonly #stash = new WeakMap<object, unknown[]>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Keeps `details` for the request `carrier` until {@link take} picks them up. */
  stash(carrier: object, details: unknown[]): void {
    this.#stash.set(carrier, details);
  }

  /** The details stashed for `carrier`, once. */
  take(carrier: object): unknown[] | undefined {
    const details = this.#stash.get(carrier);
    this.#stash.delete(carrier);
    return details;
  }

  add(
    request: Omit<CibaRequest, 'status' | 'interval' | 'lastPolledAt' | 'expiresAt'> & { expiresIn: number },
  ): void {
    this.#prune();
    const { expiresIn, ...rest } = request;
    this.#requests.set(request.id, {
      ...rest,
      status: 'pending',
      interval: CIBA_INTERVAL_SECONDS,
      lastPolledAt: undefined,
      expiresAt: this.#now() + expiresIn * 1000,
    });
  }

  get(id: string): CibaRequest | undefined {
    return this.#requests.get(id);
  }

  /** The requests still waiting for the user, oldest first. */
  pending(): CibaRequest[] {
    const now = this.#now();
    return [...this.#requests.values()].filter((r) => r.status === 'pending' && r.expiresAt > now);
  }

  /** Records the user's answer; false when there is no such pending, unexpired request. */
  settle(id: string, status: 'approved' | 'denied'): boolean {
    const request = this.#requests.get(id);
    if (!request || request.status !== 'pending' || request.expiresAt <= this.#now()) return false;
    request.status = status;
    return true;
  }

  /**
   * A poll of the token endpoint: `expired` past the request's expiry, `slow_down` (the interval
   * grows by five seconds) when it comes sooner than the interval after the previous one, else
   * `pass` (the provider answers). An unknown id passes: the provider refuses it.
   */
  poll(id: string): PollVerdict {
    const request = this.#requests.get(id);
    if (!request) return { kind: 'pass' };
    const now = this.#now();
    if (request.expiresAt <= now) return { kind: 'expired' };
    if (request.lastPolledAt !== undefined && now - request.lastPolledAt < request.interval * 1000) {
      request.interval += SLOW_DOWN_STEP_SECONDS;
      request.lastPolledAt = now;
      return { kind: 'slow_down', interval: request.interval };
    }
    request.lastPolledAt = now;
    return { kind: 'pass' };
  }

  /** Forgets requests an hour past their expiry, so a long-running emulator does not grow. */
  #prune(): void {
    const cutoff = this.#now() - 3_600_000;
    for (const [id, request] of this.#requests) if (request.expiresAt < cutoff) this.#requests.delete(id);
  }
}
