// Node 20, 22 and 24: the app on @hono/node-server, the scenarios in this process.
import { serve } from '@hono/node-server';
import { createApp } from '../scenario/app.js';
import { readEnv } from '../scenario/env.js';
import { formatReport, runScenarios } from '../scenario/scenarios.js';

const env = readEnv((name) => process.env[name]);
const app = createApp(env);
const server = serve({ fetch: app.fetch, port: env.port, hostname: '127.0.0.1' });
const report = await runScenarios(env, app, `node ${process.versions.node}`);
for (const line of formatReport(report)) console.log(line);
server.close();
process.exit(0);
