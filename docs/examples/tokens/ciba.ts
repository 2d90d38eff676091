import {
  BackchannelAuthenticationError,
  type AuthorizationDetails,
  type BackchannelLoginStart,
  type LoginBackchannelOptions,
  type ServerClient,
} from 'auth0-server-ts';

// #region login-backchannel
/**
 * Asks the user to approve a payment on their own device and waits for the answer (polling every
 * `interval` seconds until they approve, deny, the request expires or `signal` aborts). Resolves with
 * what the user approved; the session now holds their tokens.
 */
export async function approvePayment<O>(
  client: ServerClient<O>,
  input: { userId: string; amount: string; reference: string },
  storeOptions?: O,
  wait: Pick<LoginBackchannelOptions, 'signal' | 'clock'> = { signal: AbortSignal.timeout(300_000) },
): Promise<AuthorizationDetails[]> {
  const { authorizationDetails } = await client.loginBackchannel(
    {
      bindingMessage: `Pay ${input.amount} EUR: ${input.reference}`,
      loginHint: { sub: input.userId },
      authorizationDetails: [
        { type: 'payment_initiation', instructedAmount: { currency: 'EUR', amount: input.amount } },
      ],
      ...wait,
    },
    storeOptions,
  );
  return authorizationDetails ?? [];
}
// #endregion login-backchannel

// #region two-steps
/** Where the app keeps started requests between its HTTP requests: server-side, never in the browser. */
export type PendingRequests = Map<string, BackchannelLoginStart>;

/** Step one, in the request that starts the approval: returns a handle for the browser to poll with. */
export async function startApproval<O>(
  client: ServerClient<O>,
  pending: PendingRequests,
  userId: string,
): Promise<string> {
  const started = await client.startBackchannelLogin({
    bindingMessage: 'Sign in to the TV app',
    loginHint: { sub: userId },
  });
  const handle = crypto.randomUUID();
  pending.set(handle, started);
  return handle;
}

/** Step two, in each later request (every `interval` seconds): polls once, never holds the request open. */
export async function checkApproval<O>(
  client: ServerClient<O>,
  pending: PendingRequests,
  handle: string,
  storeOptions?: O,
): Promise<'pending' | 'approved' | 'denied' | 'expired' | 'unknown'> {
  const started = pending.get(handle);
  if (!started) return 'unknown';
  try {
    const result = await client.pollBackchannelLogin(started, storeOptions);
    if (result.status === 'pending') {
      pending.set(handle, { ...started, interval: result.interval });
      return 'pending';
    }
    pending.delete(handle);
    return 'approved';
  } catch (err) {
    if (!(err instanceof BackchannelAuthenticationError)) throw err;
    pending.delete(handle);
    return err.code === 'access_denied' ? 'denied' : 'expired';
  }
}
// #endregion two-steps
