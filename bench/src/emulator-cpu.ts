// CPU time per emulator login, split between the emulator and its client, each in its own process:
// the load-independent figure behind the `emulator-login` row (whose rate also depends on what else
// the machine runs). `npm run build -w bench && node bench/dist/emulator-cpu.js [logins] [rounds]`.
// The client runs the same round trip over the global fetch and over `localhostFetch`, interleaved,
// against one emulator; the medians of the rounds are printed.
import { fork } from 'node:child_process';
import { localhostFetch, startEmulator } from 'auth0-emulator';
import { emulatorLogin } from './emulator-cases.js';

const CLIENT_SECRET = 'bench-app-secret-at-least-32-characters!!';
const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** The emulator's side: start, say where, and answer each message with this process's CPU time. */
async function serve(): Promise<void> {
  const em = await startEmulator({
    port: 0,
    quiet: true,
    config: {
      clients: [{ client_id: 'bench', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
    },
  });
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: cpuMs(process.cpuUsage()) });
    else void em.close().then(() => process.exit(0));
  });
  process.send?.({ issuer: em.issuer });
}

async function measure(logins: number, rounds: number): Promise<void> {
  const child = fork(new URL(import.meta.url), ['--serve']);
  const reply = () => new Promise<Record<string, unknown>>((resolve) => child.once('message', resolve));
  const { issuer } = await reply();
  if (typeof issuer !== 'string') throw new Error('the emulator did not start');
  const serverCpu = async () => {
    child.send('cpu');
    return Number((await reply()).cpu);
  };
  const transports: Record<string, typeof fetch> = {
    'global fetch': fetch,
    localhostFetch: localhostFetch(),
  };
  const samples = new Map<string, { server: number; client: number }[]>();
  const run = async (request: typeof fetch, n: number) => {
    for (let i = 0; i < n; i += 1)
      if (!(await emulatorLogin(issuer, CLIENT_SECRET, REDIRECT_URI, request)))
        throw new Error('login failed');
  };
  for (const request of Object.values(transports)) await run(request, 20);
  for (let round = 0; round < rounds; round += 1)
    for (const [name, request] of Object.entries(transports)) {
      const server = await serverCpu();
      const client = process.cpuUsage();
      await run(request, logins);
      const clientMs = cpuMs(process.cpuUsage(client)) / logins;
      const serverMs = ((await serverCpu()) - server) / logins;
      samples.set(name, [...(samples.get(name) ?? []), { server: serverMs, client: clientMs }]);
    }
  child.send('exit');
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? NaN;
  for (const [name, list] of samples) {
    const server = median(list.map((s) => s.server));
    const client = median(list.map((s) => s.client));
    console.log(
      `${name.padEnd(14)} emulator ${server.toFixed(2)} ms + client ${client.toFixed(2)} ms CPU per login: ` +
        `${(1000 / server).toFixed(0)}/s for the emulator alone, ${(1000 / (server + client)).toFixed(0)}/s ` +
        `with the client in its process`,
    );
  }
}

if (process.argv.includes('--serve')) await serve();
else await measure(Number(process.argv[2] ?? 100), Number(process.argv[3] ?? 5));
