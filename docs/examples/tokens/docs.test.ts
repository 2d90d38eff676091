import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docBlocks, region } from '../regions.js';

const here = new URL('./', import.meta.url);

describe.each([
  ['access-tokens.md', 1],
  ['ciba.md', 2],
  ['revocation.md', 3],
])('docs/%s', (page, count) => {
  const doc = readFileSync(new URL(`../../${page}`, here), 'utf8');
  const blocks = docBlocks(new URL(`../../${page}`, here));

  it('has its code blocks, each taken from a region of an example file that the tests run', () => {
    expect(blocks.length).toBe(count);
    for (const { file, name, code } of blocks) expect(code).toBe(region(new URL(file, here), name));
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
  });
});
