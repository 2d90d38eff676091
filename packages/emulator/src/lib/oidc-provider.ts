import type * as OidcProvider from 'oidc-provider';
import validateDpop, { checkDpopReplay } from 'oidc-provider/lib/helpers/validate_dpop.js';

// oidc-provider 9 prints "Unsupported runtime" with console.warn while its module is first evaluated,
// on every Node.js line older than 22 LTS. The emulator supports Node.js 20.19+, where everything it
// needs exists (URL.parse is the newest), so on those versions that one notice is noise. Static
// imports are evaluated before any code of ours (and a bundler may reorder them), so the package is
// loaded here, behind a filter that drops exactly that line while the import runs. Every value import
// of 'oidc-provider' goes through this file (an eslint rule keeps it so); type imports are free.
const NOTICE = 'oidc-provider WARNING: Unsupported runtime.';

/** Node.js 20.19 or newer, and not Bun or Deno (which oidc-provider rightly calls unsupported). */
export function supportedNode(versions: NodeJS.ProcessVersions = process.versions): boolean {
  if ('bun' in versions || 'deno' in versions) return false;
  const [major = 0, minor = 0] = versions.node.split('.').map(Number);
  return major > 20 || (major === 20 && minor >= 19);
}

/**
 * Replaces console.warn with a filter that drops oidc-provider's "Unsupported runtime" line (with or
 * without its terminal colours) and passes everything else through; returns the function that undoes it.
 */
export function muteRuntimeNotice(): () => void {
  const original = console.warn;
  const filter = (...args: unknown[]): void => {
    const [first] = args;
    // Strip ANSI colour codes: oidc-provider colours the line when stderr is a terminal.
    if (
      args.length === 1 &&
      typeof first === 'string' &&
      first.replace(/\x1b\[[\d;]*m/g, '').startsWith(NOTICE)
    )
      return;
    original.apply(console, args);
  };
  console.warn = filter;
  return () => {
    // Someone else may have wrapped console.warn meanwhile; leave theirs in place.
    if (console.warn === filter) console.warn = original;
  };
}

async function load(): Promise<typeof OidcProvider> {
  if (!supportedNode()) return import('oidc-provider');
  const restore = muteRuntimeNotice();
  try {
    return await import('oidc-provider');
  } finally {
    restore();
  }
}

const oidc = await load();

/** oidc-provider's Provider class. */
export const Provider = oidc.default;
/** oidc-provider's error classes. */
export const errors = oidc.errors;
/** oidc-provider's interaction policy helpers. */
export const interactionPolicy = oidc.interactionPolicy;

/**
 * oidc-provider's own DPoP proof checks (RFC 9449 §4.3), which its built-in grants run and which it
 * does not hand to grants added with `registerGrantType`: the emulator's Auth0 grants use them so
 * that their proofs are checked exactly as the code grant's are, with the same nonces and replay store.
 */
export const dpopProofs = { validate: validateDpop, checkReplay: checkDpopReplay };
