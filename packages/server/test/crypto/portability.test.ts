import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, SRC, sources } from '../helpers/sources.js';

describe('the SDK core loads on runtimes without Node built-ins', () => {
  // The Redis store and the conformance suites are Node-only subpaths (documented); the core is not.
  const nodeOnly = ['adapters', 'redis', 'testing'].map((dir) => join(SRC, dir));
  const files = sources(SRC).filter((f) => !nodeOnly.some((dir) => f.startsWith(dir)));

  it('imports no node: module (or crypto) at run time: node:crypto is found with process.getBuiltinModule', () => {
    const offenders = files.filter((f) =>
      /^\s*import\s+(?!type\b)[^;]*from\s+'(node:[\w/]+|crypto|buffer|fs|http|https|util)'/m.test(code(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no Buffer', () => {
    expect(files.filter((f) => /\bBuffer\b/.test(code(f)))).toEqual([]);
  });
});
