import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { ACR_MFA, ACR_PWD } from '../provider/grant-names.js';

/**
 * Completes the login prompt: the session remembers the user, how they authenticated, and when; the
 * result carries the organization (id) the login settled on, which the authorization code is bound to.
 */
export async function finishLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  userId: string,
  amr: string[],
  organization?: string,
): Promise<void> {
  await provider.interactionFinished(
    req,
    res,
    {
      login: {
        accountId: userId,
        amr,
        acr: amr.includes('mfa') ? ACR_MFA : ACR_PWD,
        remember: true,
        ...(organization === undefined ? {} : { organization }),
      },
    },
    { mergeWithLastSubmission: false },
  );
}

/**
 * Completes the consent prompt without a screen (first-party clients): the session's grant already
 * holds what was asked for (see loadFirstPartyGrant); a missing one is created the same way.
 */
export async function finishConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  let { grantId } = details;
  if (!grantId) {
    const grant = new provider.Grant({
      accountId: details.session?.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    grantId = await grant.save();
  }
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Ends the login with an OAuth error sent back to the client's redirect URI (Auth0's `access_denied`). */
export async function refuseLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  error: string,
  description: string,
): Promise<void> {
  await provider.interactionFinished(
    req,
    res,
    { error, error_description: description },
    { mergeWithLastSubmission: false },
  );
}
