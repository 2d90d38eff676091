import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url);

function region(file: string, name: string): string {
  const text = readFileSync(new URL(file, here), 'utf8');
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name} in ${file}`);
  return text.slice(start + `// #region ${name}\n`.length, end);
}

describe.each(['token-vault.md', 'token-exchange.md', 'linking.md', 'dpop.md'])('docs/%s', (page) => {
  const doc = readFileSync(new URL(`../${page}`, here), 'utf8');
  const blocks = [...doc.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)];

  it('takes every code block from a region of a compiled, tested example file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
    for (const [, file = '', name = '', code] of blocks) expect(code).toBe(region(file, name));
  });
});
