// The emulator's folders depend one way (docs/architecture.md): no two import each other, and mfa/ stays
// independent of oidc-provider and of the HTTP front.
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
function importsUnder(dir: string): { file: string; target: string; local: boolean }[] {
  return sources(join(SRC, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => {
      const spec = m[1] ?? '';
      const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec;
      return { file: relative(SRC, file), target, local: spec.startsWith('.') };
    }),
  );
}

/** `provider` for src/provider/users.ts, `emulator.ts` for src/emulator.ts. */
function topOf(srcRelative: string): string {
  return srcRelative.split(/[\\/]/)[0] ?? '';
}

/** Every import between two different top-level folders or files of src/. */
function folderEdges(): { from: string; to: string }[] {
  return importsUnder('.')
    .filter(({ local }) => local)
    .map(({ file, target }) => ({ from: topOf(file), to: topOf(target) }))
    .filter(({ from, to }) => from !== to);
}

/**
 * The folders that sit on a loop of imports, however long: those that reach themselves again. Each
 * loop is named by its members, sorted, once.
 */
function loopsOf(edges: readonly { from: string; to: string }[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [...(next.get(start) ?? [])];
    for (let node = todo.pop(); node !== undefined; node = todo.pop()) {
      if (seen.has(node)) continue;
      seen.add(node);
      todo.push(...(next.get(node) ?? []));
    }
    return seen;
  };
  const reachOf = new Map([...next.keys()].map((node) => [node, reach(node)]));
  const loops = new Set<string>();
  for (const [node, reached] of reachOf) {
    if (!reached.has(node)) continue;
    const members = [...reached].filter((other) => reachOf.get(other)?.has(node));
    loops.add(members.sort().join(' <-> '));
  }
  return [...loops].sort();
}

describe('the layers of auth0-emulator', () => {
  it('no folders import each other, directly or round a longer loop', () => {
    expect(loopsOf(folderEdges())).toEqual([]);
  });

  it('the loop check sees a loop of two and a longer one', () => {
    const edge = (from: string, to: string) => ({ from, to });
    expect(loopsOf([edge('grants', 'provider'), edge('provider', 'grants'), edge('dev', 'http')])).toEqual([
      'grants <-> provider',
    ]);
    expect(loopsOf([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([
      'a <-> b <-> c',
    ]);
  });

  it('mfa/ imports only itself, lib/, Node built-ins, otplib and qr: no oidc-provider, no HTTP front', () => {
    const outside = importsUnder('mfa').filter(
      ({ target }) => !/^(mfa|lib)\/|^node:|^(otplib|qr)$/.test(target),
    );
    expect(outside.map(({ file, target }) => `${file} -> ${target}`)).toEqual([]);
  });

  it('testing/cookie-jar.ts imports nothing, so auth0-emulator/testing loads on any runtime', () => {
    const imports = importsUnder('testing').filter(({ file }) => file === join('testing', 'cookie-jar.ts'));
    expect(imports.map(({ target }) => target)).toEqual([]);
  });

  it('lib/ imports nothing of the emulator outside lib/ (it is the bottom; packages are fine)', () => {
    const up = importsUnder('lib').filter(({ local, target }) => local && topOf(target) !== 'lib');
    expect(up.map(({ file, target }) => `${file} -> ${target}`)).toEqual([]);
  });
});
