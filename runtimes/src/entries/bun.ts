// Bun: the app on Bun.serve, the scenarios in this process.
import { createApp } from '../scenario/app.js';
import { readEnv } from '../scenario/env.js';
import { formatReport, runScenarios } from '../scenario/scenarios.js';

declare const Bun: {
  version: string;
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; fetch: (request: Request) => Promise<Response> }): {
    stop(closeActiveConnections?: boolean): void;
  };
};

const env = readEnv((name) => Bun.env[name]);
const app = createApp(env);
const server = Bun.serve({ port: env.port, hostname: '127.0.0.1', fetch: app.fetch });
const report = await runScenarios(env, app, `bun ${Bun.version}`);
for (const line of formatReport(report)) console.log(line);
server.stop(true);
