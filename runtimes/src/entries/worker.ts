// workerd: the app is the worker's fetch handler; `GET /__run` runs the scenarios inside the worker
// and answers the report. The emulator reaches the back-channel route through miniflare's port.
import { createApp, type SuiteApp } from '../scenario/app.js';
import { readEnv, type ScenarioEnv } from '../scenario/env.js';
import { runScenarios } from '../scenario/scenarios.js';

let suite: { env: ScenarioEnv; app: SuiteApp } | undefined;

export default {
  async fetch(request: Request, bindings: Record<string, unknown>): Promise<Response> {
    // Built on the first request: workers may not generate randomness or keys at load time.
    if (!suite) {
      const env = readEnv((name) => {
        const value = bindings[name];
        return typeof value === 'string' ? value : undefined;
      });
      suite = { env, app: createApp(env) };
    }
    if (new URL(request.url).pathname === '/__run') {
      const agent = typeof navigator === 'undefined' ? 'workerd' : navigator.userAgent;
      return Response.json(await runScenarios(suite.env, suite.app, agent));
    }
    return suite.app.fetch(request);
  },
};
