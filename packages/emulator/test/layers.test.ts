// The emulator's MFA module stays independent of oidc-provider and of the HTTP front (docs/architecture.md).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Where each file under `dir` imports from: src-relative paths, or package names. */
function importsUnder(dir: string): { file: string; target: string }[] {
  return sources(join(SRC, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => {
      const spec = m[1] ?? '';
      const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec;
      return { file: relative(SRC, file), target };
    }),
  );
}

describe('the layers of auth0-emulator', () => {
  it('mfa/ imports only itself, lib/, Node built-ins, otplib and qr: no oidc-provider, no HTTP front', () => {
    const outside = importsUnder('mfa').filter(
      ({ target }) => !/^(mfa|lib)\/|^node:|^(otplib|qr)$/.test(target),
    );
    expect(outside.map(({ file, target }) => `${file} -> ${target}`)).toEqual([]);
  });

  it('lib/ imports nothing', () => {
    expect(importsUnder('lib')).toEqual([]);
  });
});
