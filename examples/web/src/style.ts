/**
 * The demo's one stylesheet, served at /style.css. System fonts, a readable measure, text and controls at
 * WCAG AA contrast or better, a visible focus ring, and a single column that fits a phone.
 */
export const STYLESHEET = `
:root {
  --ink: #1b1f24; --muted: #4d5561; --line: #d0d5dc; --paper: #ffffff; --wash: #f3f5f8;
  --brand: #2446b8; --brand-ink: #ffffff; --ok: #11632f; --ok-wash: #e7f5ec;
  --bad: #a4161a; --bad-wash: #fdecec; --note: #6b4a00; --note-wash: #fff6dc;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--wash);
}
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #f5a524; outline-offset: 2px; border-radius: 3px; }
.skip { position: absolute; left: -999px; top: 0.5rem; background: var(--paper); padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 1; }

.emulator-note {
  margin: 0; padding: 0.45rem 1rem; font-size: 0.9rem; text-align: center;
  color: var(--note); background: var(--note-wash); border-bottom: 1px solid #e9d79c;
}
header.site { background: var(--paper); border-bottom: 1px solid var(--line); }
header.site .bar {
  max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem;
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem;
}
.brand { font-weight: 700; color: var(--ink); text-decoration: none; margin-right: auto; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
nav a { text-decoration: none; padding: 0.25rem 0; border-bottom: 2px solid transparent; }
nav a[aria-current="page"] { color: var(--ink); border-bottom-color: var(--brand); font-weight: 600; }

main { max-width: 46rem; margin: 1.5rem auto 3rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.75rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.card {
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 1.25rem; margin: 0 0 1rem;
}
.card > :first-child, .card > form:first-child > h2:first-child,
.card > form:first-child > input[type="hidden"]:first-child + h2 { margin-top: 0; }
.card > :last-child { margin-bottom: 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wash); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0.5rem 0; }
details summary { cursor: pointer; }
.lead { color: var(--muted); margin-top: 0; }
.muted { color: var(--muted); font-size: 0.92rem; }

.button, button {
  display: inline-block; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none;
  color: var(--brand-ink); background: var(--brand); border: 2px solid var(--brand);
  border-radius: 7px; padding: 0.55rem 1.1rem; margin: 0.25rem 0.5rem 0.25rem 0;
}
.button:hover, button:hover { background: #1a3590; border-color: #1a3590; }
.button.secondary, button.secondary { color: var(--brand); background: var(--paper); }
.button.secondary:hover, button.secondary:hover { background: #eef2fc; }

form { margin: 0; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
input {
  font: inherit; width: 100%; max-width: 22rem; padding: 0.5rem 0.65rem;
  border: 1px solid #8a929c; border-radius: 6px; background: var(--paper); color: var(--ink);
}
input.code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; letter-spacing: 0.15em; max-width: 12rem; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0 0; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0.75rem 0; padding: 0.5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 0.35rem; }

.alert { border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 1rem; border: 1px solid; }
.alert.error { color: var(--bad); background: var(--bad-wash); border-color: #efb4b4; }
.alert.ok { color: var(--ok); background: var(--ok-wash); border-color: #a9d8b8; }

ul.choices { list-style: none; padding: 0; margin: 0.5rem 0 0; display: grid; gap: 0.5rem; }
ul.choices li { margin: 0; }
ul.choices button { width: 100%; text-align: left; margin: 0; color: var(--ink); background: var(--paper); border: 1px solid var(--line); font-weight: 500; }
ul.choices button:hover { background: #eef2fc; border-color: var(--brand); }
ul.choices button strong { display: block; }
ul.choices button span { color: var(--muted); font-size: 0.9rem; font-weight: 400; }

dl.claims { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: 0.35rem 1rem; margin: 0; }
dl.claims dt { font-weight: 600; color: var(--muted); }
dl.claims dd { margin: 0; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
.pill { display: inline-block; background: #e6ebf7; color: #1c2f6e; border-radius: 999px; padding: 0 0.55rem; margin: 0 0.25rem 0.25rem 0; font-size: 0.88rem; }

.enroll-otp h2:first-child { margin-top: 0; }
.enroll-otp { display: grid; gap: 1rem; grid-template-columns: 1fr; }
.qr { width: 12rem; height: 12rem; display: block; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
.secret { display: flex; flex-wrap: wrap; gap: 0.35rem 0.6rem; font-size: 1.1rem; margin: 0.25rem 0; }
.secret span { white-space: nowrap; }
.recovery { font-size: 1.35rem; letter-spacing: 0.08em; padding: 0.6rem 0.9rem; background: var(--wash); border: 1px dashed #8a929c; border-radius: 8px; display: inline-block; overflow-wrap: anywhere; }
.spinner { width: 1.25rem; height: 1.25rem; border: 3px solid #c9d3ef; border-top-color: var(--brand); border-radius: 50%; display: inline-block; vertical-align: -0.25rem; margin-right: 0.5rem; animation: spin 1s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
@media (max-width: 30rem) {
  dl.claims { grid-template-columns: 1fr; gap: 0; }
  dl.claims dd { margin-bottom: 0.5rem; }
}
@media (min-width: 40rem) { .enroll-otp { grid-template-columns: auto 1fr; align-items: start; } }
`;

/** The site icon: a small SVG, served at /favicon.ico so browsers stop logging a 404 on every page. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3b4cca"/><path d="M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7zm2 0h2V5a1 1 0 0 0-2 0z" fill="#fff"/></svg>';
