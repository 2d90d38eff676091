import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, here), 'utf8');

/** The text between `// #region name` and `// #endregion name` in an example file. */
function region(file: string, name: string): string {
  const text = read(file);
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name} in ${file}`);
  return text.slice(start + `// #region ${name}\n`.length, end);
}

describe('docs/mfa.md', () => {
  const doc = readFileSync(new URL('../../mfa.md', here), 'utf8');
  const blocks = [...doc.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)];

  it('has code blocks, each taken from a region of an example file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
  });

  it.each(blocks.map((m) => [`${m[1]}#${m[2]}`, m[1] ?? '', m[2] ?? '', m[3] ?? '']))(
    '%s matches its example file',
    (_label, file, name, code) => {
      expect(code).toBe(region(file, name));
    },
  );

  it('has no code block that is not taken from an example file', () => {
    expect(doc.match(/```ts/g)?.length).toBe(blocks.length);
  });
});
