// `node scripts/comment-ratio.mjs [dir...]` (default packages/server/src): comment lines per code line
// in the TypeScript under each dir. TypeScript's own scanner classifies each line: a line with any token
// is code (a trailing comment does not change that), a line with only comment text is a comment line,
// blank lines are neither. "by prefix" is the rougher count issue 18 item 7 was first measured with: a
// non-blank line is a comment when it starts with //, /* or *.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function count(text) {
  const code = new Set();
  const comment = new Set();
  const lineOf = (pos) => ts.getLineAndCharacterOfPosition(source, pos).line;
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const [start, end] = [scanner.getTokenStart(), scanner.getTokenEnd()];
    if (kind === ts.SyntaxKind.WhitespaceTrivia || kind === ts.SyntaxKind.NewLineTrivia) continue;
    const target =
      kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia
        ? comment
        : code;
    for (let line = lineOf(start); line <= lineOf(Math.max(start, end - 1)); line++) target.add(line);
  }
  for (const line of code) comment.delete(line);
  return { code: code.size, comment: comment.size };
}

const dirs = process.argv.slice(2);
for (const dir of dirs.length > 0 ? dirs : ['packages/server/src']) {
  let [code, comment, prefixCode, prefixComment] = [0, 0, 0, 0];
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    const counted = count(text);
    code += counted.code;
    comment += counted.comment;
    for (const line of text.split('\n').map((l) => l.trim())) {
      if (line === '') continue;
      if (/^(\/\/|\/\*|\*)/.test(line)) prefixComment++;
      else prefixCode++;
    }
  }
  const ratio = (a, b) => (a / b).toFixed(3);
  console.log(
    `${dir}: ${comment} comment lines, ${code} code lines, ratio ${ratio(comment, code)}` +
      ` (by prefix: ${prefixComment} / ${prefixCode} = ${ratio(prefixComment, prefixCode)})`,
  );
}
