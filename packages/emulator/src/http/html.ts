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

/**
 * The one stylesheet of every page: a centred card as on a hosted login page, system fonts only (no
 * requests leave the machine), text and buttons at WCAG AA contrast or better, a visible focus ring,
 * and a layout that holds at phone widths.
 */
const STYLE = `
:root{--ink:#1b1f29;--muted:#4f5665;--line:#c9ced8;--bg:#eef0f4;--card:#fff;--primary:#4338ca;
--primary-dark:#3730a3;--focus:#2563eb;--error:#b42318;--error-bg:#fef3f2}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;background:var(--bg);
color:var(--ink);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.banner{margin:0;padding:.5rem 1rem;width:100%;text-align:center;font-size:.8125rem;color:var(--muted)}
main{width:100%;max-width:25rem;margin:1.5rem auto 3rem;padding:2.5rem 2rem;background:var(--card);
border-radius:.75rem;box-shadow:0 1px 2px rgba(16,24,40,.06),0 12px 32px rgba(16,24,40,.1)}
.brand{display:flex;justify-content:center;margin:0 0 1.25rem}
.brand span{display:inline-flex;align-items:center;justify-content:center;width:3rem;height:3rem;
border-radius:50%;background:var(--primary);color:#fff;font-weight:700;font-size:1.25rem}
h1{margin:0 0 .75rem;font-size:1.5rem;line-height:1.25;text-align:center;font-weight:650}
h2{margin:1.5rem 0 .5rem;font-size:1rem}
p{margin:.75rem 0}
.lead{color:var(--muted);text-align:center}
a{color:var(--primary);text-underline-offset:.15em}
a:hover{color:var(--primary-dark)}
label{display:block;margin:1rem 0 .375rem;font-weight:600;font-size:.9375rem}
input{display:block;width:100%;font:inherit;color:var(--ink);padding:.75rem .875rem;border:1px solid #8a91a0;
border-radius:.375rem;background:#fff}
input:focus{border-color:var(--focus)}
button{display:block;width:100%;margin:1.25rem 0 0;padding:.8rem 1rem;font:inherit;font-weight:600;
color:#fff;background:var(--primary);border:1px solid var(--primary);border-radius:.375rem;cursor:pointer}
button:hover{background:var(--primary-dark)}
button.secondary,.choices button{color:var(--ink);background:#fff;border-color:#8a91a0;font-weight:500}
.choices button{text-align:left}
button.secondary:hover,.choices button:hover{background:#f4f5f8}
:focus-visible,input:focus{outline:3px solid var(--focus);outline-offset:2px}
fieldset{margin:1.25rem 0 0;padding:1rem 0 0;border:0;border-top:1px solid var(--line)}
legend{padding:0 .5rem 0 0;font-weight:650}fieldset label{margin-top:.25rem}
.row{display:flex;gap:.75rem;flex-wrap:wrap}.row button{flex:1 1 9rem}
.error{margin:1rem 0;padding:.75rem 1rem;color:var(--error);background:var(--error-bg);border:1px solid var(--error);
border-radius:.375rem}
.details{margin:1rem 0;padding:0;font-size:.9375rem}.details dt{font-weight:600;margin-top:.5rem}
.details dd{margin:.25rem 0 0}.details ul{margin:0;padding-left:1.25rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
ul.choices{list-style:none;margin:1rem 0 0;padding:0}ul.choices li button{margin-top:.625rem}
ol.steps{margin:1rem 0 0;padding-left:1.25rem}ol.steps li{margin:0 0 1rem;padding-left:.25rem}
figure{margin:.75rem 0 0;text-align:center}figure svg{width:11rem;height:11rem;max-width:100%;background:#fff}
.secret{display:block;margin:.5rem 0 0;padding:.625rem .75rem;background:#f4f5f8;border:1px solid var(--line);
border-radius:.375rem;font-size:1.0625rem;letter-spacing:.05em;line-height:1.9;text-align:center}
.secret span{display:inline-block;white-space:nowrap;margin:0 .3em}
.recovery{display:block;padding:.75rem;text-align:center;font-size:1.25rem;background:#f4f5f8;
border:1px dashed #8a91a0;border-radius:.375rem}
.dev{font-size:.875rem;color:var(--muted)}
table{width:100%;border-collapse:collapse;font-size:.9375rem}th,td{padding:.375rem .25rem;text-align:left;
border-bottom:1px solid var(--line)}td .code{font-size:1.125rem;letter-spacing:.05em;white-space:nowrap}
.more{margin-top:1.5rem;text-align:center;font-size:.9375rem}
@media (max-width:30rem){main{margin:0 auto 1.5rem;padding:2rem 1.25rem;border-radius:0;box-shadow:none}
body{background:var(--card)}}
`;

/** A complete document: the card with one h1, a visible development banner, no scripts. */
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
          <div class="brand" aria-hidden="true"><span>A0</span></div>
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
