import { readFileSync } from 'node:fs';

/** The text between `// #region name` and `// #endregion name` in a file. */
export function region(file: URL, name: string): string {
  const text = readFileSync(file, 'utf8');
  const open = `// #region ${name}\n`;
  const start = text.indexOf(open);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name} in ${file.pathname}`);
  return text.slice(start + open.length, end);
}

/** The code blocks of a page that say which region they are (`<!-- from file#region -->`). */
export function docBlocks(page: URL): { file: string; name: string; code: string }[] {
  const doc = readFileSync(page, 'utf8');
  return [...doc.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)].map((m) => ({
    file: m[1] ?? '',
    name: m[2] ?? '',
    code: m[3] ?? '',
  }));
}
