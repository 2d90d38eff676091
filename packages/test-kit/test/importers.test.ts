// The fake tenant is for tests and benchmarks only (docs/architecture.md): no shipped source may import it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.(ts|mts|js|mjs)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

const importsTestKit = (code: string) =>
  /\bfrom\s+['"]auth0-test-kit['"]|import\(\s*['"]auth0-test-kit['"]/.test(code);

describe('who imports auth0-test-kit', () => {
  it("no published package's src/ does", () => {
    const published = readdirSync(PACKAGES).filter((name) => name !== 'test-kit');
    expect(published).toEqual(expect.arrayContaining(['server', 'emulator']));
    const offenders = published
      .flatMap((name) => sources(join(PACKAGES, name, 'src')))
      .filter((file) => importsTestKit(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check sees a static and a dynamic import', () => {
    expect(importsTestKit("import { createTenant } from 'auth0-test-kit';")).toBe(true);
    expect(importsTestKit("const kit = await import('auth0-test-kit');")).toBe(true);
    expect(importsTestKit("import { createTenant } from 'auth0-test-kit-other';")).toBe(false);
  });
});
