// Runs under Node 22 (miniflare 4 needs it): loads the bundled worker into workerd, with or without
// `nodejs_compat` (`--nodejs-compat`), serves it on the app's port and asks it to run the scenarios.
// miniflare lives in runtimes/engines/, outside the workspaces: the harness passes its module URL.
import { readEnv } from '../scenario/env.js';
import { formatReport, type RuntimeReport } from '../scenario/scenarios.js';

/** The part of miniflare's API used here (its types are not installed with the workspaces). */
interface MiniflareModule {
  Miniflare: new (options: {
    modules: boolean;
    scriptPath: string;
    compatibilityDate: string;
    compatibilityFlags: string[];
    bindings: Record<string, string>;
    host: string;
    port: number;
  }) => { ready: Promise<URL>; dispatchFetch(url: string): Promise<Response>; dispose(): Promise<void> };
}

const moduleUrl = process.argv[2];
if (!moduleUrl?.startsWith('file:'))
  throw new Error('usage: miniflare.js <miniflare module URL> [--nodejs-compat]');
const { Miniflare } = (await import(moduleUrl)) as MiniflareModule;
const env = readEnv((name) => process.env[name]);
const compat = process.argv.includes('--nodejs-compat');
const mf = new Miniflare({
  modules: true,
  scriptPath: new URL('../worker.bundle.js', import.meta.url).pathname,
  compatibilityDate: '2025-09-01',
  compatibilityFlags: compat ? ['nodejs_compat'] : [],
  bindings: { ISSUER: env.issuer, APP_ORIGIN: env.appOrigin, OTP_SECRET: env.otpSecret },
  host: '127.0.0.1',
  port: env.port,
});
try {
  await mf.ready;
  const response = await mf.dispatchFetch(`${env.appOrigin}/__run`);
  if (!response.ok) throw new Error(`the worker answered HTTP ${response.status}: ${await response.text()}`);
  const report = (await response.json()) as RuntimeReport;
  report.agent = `${report.agent}${compat ? ' + nodejs_compat' : ''}`;
  for (const line of formatReport(report)) console.log(line);
} finally {
  await mf.dispose();
}
