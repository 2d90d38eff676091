import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docBlocks, region } from './regions.js';

const here = new URL('.', import.meta.url);

describe.each(['token-vault.md', 'token-exchange.md', 'linking.md', 'dpop.md'])('docs/%s', (page) => {
  const doc = readFileSync(new URL(`../${page}`, here), 'utf8');
  const blocks = docBlocks(new URL(`../${page}`, here));

  it('takes every code block from a region of a compiled, tested example file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
    for (const { file, name, code } of blocks) expect(code).toBe(region(new URL(file, here), name));
  });
});
