/** Escaping HTML templates: every interpolated string is escaped, so no page can inject markup by mistake. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Markup that {@link html} inserts as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | readonly Html[] | undefined | null | false;

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Tagged template producing {@link Html}; strings and numbers are escaped, `false`/`undefined` vanish. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    if (part instanceof Html) out += part.value;
    else if (Array.isArray(part)) out += part.map((item: Html) => item.value).join('');
    else if (part !== undefined && part !== null && part !== false) out += escapeHtml(String(part));
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}
