const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Raw HTML that `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = string | number | SafeHtml | readonly SafeHtml[] | undefined | false;

/** Tagged template that escapes every interpolated string, so page templates cannot inject markup by mistake. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    if (value instanceof SafeHtml) out += value.value;
    else if (Array.isArray(value)) out += value.map((part: SafeHtml) => part.value).join('');
    else if (value !== undefined && value !== false) out += escapeHtml(String(value));
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin-top:1rem;font-weight:600}input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem}.error{color:#a00;border:1px solid #a00;padding:.5rem}
.banner{font-size:.8rem;color:#555}code{word-break:break-all}ul.choices{list-style:none;padding:0}`;

/** A complete document: one h1, a visible development banner, no scripts unless a page asks for refresh. */
export function page(title: string, body: SafeHtml, options: { refreshSeconds?: number } = {}): string {
  const refresh =
    options.refreshSeconds === undefined
      ? ''
      : html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />`.value;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${new SafeHtml(refresh)}
        <title>${title} · auth0-emulator</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <p class="banner">auth0-emulator: a development server, not for production.</p>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.value;
}

/** An error message announced to assistive technology. */
export function errorBox(message: string | undefined): SafeHtml {
  return message ? html`<p class="error" role="alert">${message}</p>` : html``;
}
