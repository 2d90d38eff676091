/**
 * The features the home page lists, one line each: another feature adds its `{ href, title, blurb }`
 * here and its mount function's one line in app.ts.
 */
export interface FeatureLink {
  /** The feature's first page on this app. */
  href: string;
  title: string;
  /** One sentence: what the page shows. */
  blurb: string;
}

export const FEATURES: readonly FeatureLink[] = [
  {
    href: '/organizations',
    title: 'Organizations',
    blurb: 'Log in to Acme Corp, or invite someone and follow the invitation link.',
  },
  {
    href: '/passwordless',
    title: 'Passwordless',
    blurb: 'Log in with a code sent by email or SMS, or with an emailed magic link.',
  },
  { href: '/signup', title: 'Sign up', blurb: 'Create an account in the database connection.' },
  {
    href: '/change-password',
    title: 'Change password',
    blurb: 'Get an email with a link that sets a new password.',
  },
  {
    href: '/ciba',
    title: 'Backchannel login (CIBA)',
    blurb: 'Start a login that you approve in another tab.',
  },
  {
    href: '/calendar',
    title: 'Token Vault: Google Calendar',
    blurb: 'Call a Google Calendar stand-in with the Google token Auth0 keeps for you.',
  },
  {
    href: '/token-exchange',
    title: 'Custom token exchange',
    blurb: "Trade a partner's signed token for Auth0 tokens and read their claims.",
  },
  {
    href: '/session-transfer',
    title: 'Session transfer',
    blurb: 'Hand your session to another browser with a single-use link: no password there.',
  },
  {
    href: '/revocation',
    title: 'Revoke the refresh token',
    blurb: "Revoke this session's refresh token and see the next refresh fail.",
  },
];
