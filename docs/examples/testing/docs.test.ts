import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);

/** The text between `// #region name` and `// #endregion name` in an example file, dedented. */
function region(file: string, name: string): string {
  const text = readFileSync(new URL(file, here), 'utf8');
  const open = `// #region ${name}\n`;
  const start = text.indexOf(open);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name} in ${file}`);
  const lines = text.slice(start + open.length, text.lastIndexOf('\n', end) + 1).split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

describe('docs/testing.md', () => {
  const doc = readFileSync(new URL('../../testing.md', here), 'utf8');
  const blocks = [...doc.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)];

  it('has code blocks, each taken from a region of an example file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
  });

  it.each(blocks.map((m) => [`${m[1]}#${m[2]}`, m[1] ?? '', m[2] ?? '', m[3] ?? '']))(
    '%s matches its example file',
    (_label, file, name, code) => {
      expect(code).toBe(region(file, name));
    },
  );
});
