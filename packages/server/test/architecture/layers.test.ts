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

describe('the layers of auth0-server-ts', () => {
  it('every top-level folder and file has a layer', () => {
    const tops = new Set(sources(SRC).map(topOf));
    expect([...tops].filter((top) => LAYERS[top] === undefined)).toEqual([]);
  });

  it('no import runs back up: errors, lib, crypto < http < protocol, session, stores < mfa < client < add-ons', () => {
    const upward = edges.filter((e) => (LAYERS[e.to] ?? 0) > (LAYERS[e.from] ?? 0));
    expect(upward.map((e) => `${e.file} -> ${e.target}`)).toEqual([]);
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
