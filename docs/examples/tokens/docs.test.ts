import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);

/** The text between `// #region name` and `// #endregion name` in an example file. */
function region(file: string, name: string): string {
  const text = readFileSync(new URL(file, here), 'utf8');
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name} in ${file}`);
  return text.slice(start + `// #region ${name}\n`.length, end);
}

describe.each([
  ['ciba.md', 2],
  ['revocation.md', 3],
])('docs/%s', (page, count) => {
  const doc = readFileSync(new URL(`../../${page}`, here), 'utf8');
  const blocks = [...doc.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)];

  it('has its code blocks, each taken from a region of an example file that the tests run', () => {
    expect(blocks.length).toBe(count);
    for (const [, file = '', name = '', code] of blocks) expect(code).toBe(region(file, name));
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
  });
});
