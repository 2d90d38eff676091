// Deno: the app on Deno.serve, the scenarios in this process.
import { createApp } from '../scenario/app.js';
import { readEnv } from '../scenario/env.js';
import { formatReport, runScenarios } from '../scenario/scenarios.js';

declare const Deno: {
  version: { deno: string };
  env: { get(name: string): string | undefined };
  serve(
    options: { port: number; hostname: string; onListen?: () => void },
    handler: (request: Request) => Promise<Response>,
  ): { shutdown(): Promise<void> };
};

const env = readEnv((name) => Deno.env.get(name));
const app = createApp(env);
const server = Deno.serve({ port: env.port, hostname: '127.0.0.1', onListen: () => undefined }, app.fetch);
const report = await runScenarios(env, app, `deno ${Deno.version.deno}`);
for (const line of formatReport(report)) console.log(line);
await server.shutdown();
