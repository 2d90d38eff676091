// The dependency direction of docs/architecture.md, checked on the import lines of the SDK's sources.
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, importsOf as imports, SRC, sources } from '../helpers/sources.js';

/** Each top-level folder or file of src/ and its layer: a module may import only from its layer or below. */
const LAYERS: Record<string, number> = {
  errors: 0,
  lib: 0,
  crypto: 0,
  'types.ts': 0,
  http: 1,
  protocol: 2,
  session: 2,
  stores: 2,
  mfa: 3,
  'config.ts': 4,
  'client.ts': 4,
  'client-domains.ts': 4,
  'index.ts': 4,
  // Add-ons and entry points on top, which nothing below imports.
  redis: 5,
  testing: 5,
  adapters: 5,
};
const ADD_ONS = ['redis', 'testing', 'adapters'];

/** `protocol` for src/protocol/refresh.ts, `client.ts` for src/client.ts. */
function topOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0] ?? '';
}

const edges = sources(SRC).flatMap((file) =>
  imports(file)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      return {
        file: relative(SRC, file),
        from: topOf(file),
        to: topOf(target),
        target: relative(SRC, target),
      };
    }),
);

/**
 * The groups of top-level folders and files that import each other, directly or round a longer loop
 * (`session <-> stores`): the strongly connected components of the folder graph (Tarjan) of two or more.
 */
function cyclesOf(list: readonly { from: string; to: string }[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of list) {
    if (from === to) continue;
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)?.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (stack.includes(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let top: string | undefined;
    do {
      top = stack.pop();
      if (top !== undefined) component.push(top);
    } while (top !== undefined && top !== node);
    if (component.length > 1) found.push(component.sort().join(' <-> '));
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('the layers of auth0-server-ts', () => {
  it('every top-level folder and file has a layer', () => {
    const tops = new Set(sources(SRC).map(topOf));
    expect([...tops].filter((top) => LAYERS[top] === undefined)).toEqual([]);
  });

  it('no import runs back up: errors, lib, crypto < http < protocol, session, stores < mfa < client < add-ons', () => {
    const upward = edges.filter((e) => (LAYERS[e.to] ?? 0) > (LAYERS[e.from] ?? 0));
    expect(upward.map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });

  it('no folders import each other, however long the loop and within one layer too', () => {
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('the add-ons (adapters, redis, testing) import none of each other', () => {
    const across = edges.filter((e) => ADD_ONS.includes(e.to) && e.to !== e.from);
    expect(across.map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
  });

  it('http/ knows nothing of MFA: no import from mfa/ and no MFA name in its code (comments aside)', () => {
    expect(edges.filter((e) => e.from === 'http' && e.to === 'mfa')).toEqual([]);
    const named = sources(join(SRC, 'http')).filter((f) => /\bmfa|Mfa/.test(code(f)));
    expect(named.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('the web adapter and adapters/core import nothing from Node, nor the Node bindings', () => {
    const webSide = sources(join(SRC, 'adapters', 'core')).concat(join(SRC, 'adapters', 'web.ts'));
    const offenders = webSide.flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('node:') || /\/(node-request|express|fastify)\.js$/.test(spec))
        .map((spec) => `${relative(SRC, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
