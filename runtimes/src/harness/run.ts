// `npm run test:runtimes [-- --runtime ID[,ID...]]`: for each runtime, a fresh emulator on this Node,
// the scenario script in the runtime, one line per scenario and a summary line. Exits non-zero when a
// scenario fails, a runtime does not report, or the README's compatibility table disagrees with the run.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { RuntimeReport } from '../scenario/scenarios.js';
import { otpSecret, startSuiteEmulator } from './emulator.js';
import { RUNTIMES, type Runtime } from './runtimes.js';
import { compareTable, tableHeader, tableRow } from './table.js';

const README = fileURLToPath(new URL('../../../packages/server/README.md', import.meta.url));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
/** A runtime that has not reported by then is stopped and counted as failed. */
const RUNTIME_TIMEOUT_MS = 180_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs the runtime's process, echoing its lines, and returns the report it printed and whether it
 * wrote to stderr (a runtime warning is a finding too: the SDK should not cause any).
 */
function runProcess(
  runtime: Runtime,
  env: Record<string, string>,
): Promise<{ report: RuntimeReport; warned: boolean }> {
  const { file, args } = runtime.command();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let report: RuntimeReport | undefined;
    let stderr = '';
    let pending = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUNTIME_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('REPORT ')) report = JSON.parse(line.slice('REPORT '.length)) as RuntimeReport;
        else console.log(`  ${line}`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stderr.trim()) console.log(stderr.replace(/^/gm, '  stderr: ').trimEnd());
      if (report) resolve({ report, warned: stderr.trim() !== '' });
      else reject(new Error(`${runtime.id} exited (${signal ?? `code ${code}`}) without a report`));
    });
  });
}

async function runOne(runtime: Runtime): Promise<boolean> {
  const started = performance.now();
  rmSync(`${RESULTS}${runtime.id}.json`, { force: true });
  const port = await freePort();
  const appOrigin = `http://127.0.0.1:${port}`;
  const secret = otpSecret();
  const em = await startSuiteEmulator(appOrigin, secret);
  let report: RuntimeReport;
  let warned: boolean;
  try {
    ({ report, warned } = await runProcess(runtime, {
      ISSUER: em.issuer,
      APP_ORIGIN: appOrigin,
      OTP_SECRET: secret,
    }));
  } catch (err) {
    console.log(`  ${err instanceof Error ? err.message : String(err)}`);
    console.log(`runtime ${runtime.id}: 0 passed, 1 failed (no report)`);
    return false;
  } finally {
    await em.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const passed = report.results.filter((r) => r.ok).length;
  const failed = report.results.length - passed;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    `${RESULTS}${runtime.id}.json`,
    `${JSON.stringify({ runtime: runtime.id, seconds: Number(seconds), ...report }, null, 2)}\n`,
  );
  const problems = compareTable(readFileSync(README, 'utf8'), runtime, report);
  if (warned) problems.push('the runtime wrote to stderr (above)');
  for (const problem of problems) console.log(`  ${problem.replace(/\n/g, '\n    ')}`);
  console.log(
    `runtime ${runtime.id}: ${passed} passed, ${failed} failed (${report.agent}, ${seconds} s)${problems.length ? `, ${problems.length} problem(s) above` : ''}`,
  );
  return failed === 0 && problems.length === 0;
}

const args = process.argv.slice(2);
const asked = args.flatMap((arg, i) => (args[i - 1] === '--runtime' ? arg.split(',') : []));
const unknown = asked.filter((id) => !RUNTIMES.some((r) => r.id === id));
if (unknown.length) {
  console.error(`unknown runtime ${unknown.join(', ')}; known: ${RUNTIMES.map((r) => r.id).join(', ')}`);
  process.exit(2);
}
const chosen = asked.length ? RUNTIMES.filter((r) => asked.includes(r.id)) : RUNTIMES;
let ok = true;
const rows: string[] = [];
for (const runtime of chosen) {
  console.log(`runtime ${runtime.id}:`);
  if (!(await runOne(runtime))) ok = false;
  try {
    const saved: RuntimeReport = JSON.parse(readFileSync(`${RESULTS}${runtime.id}.json`, 'utf8'));
    rows.push(tableRow(runtime, saved));
  } catch {
    // No report: the row is not printed.
  }
}
if (args.includes('--table')) console.log(['', ...tableHeader(), ...rows].join('\n'));
process.exit(ok ? 0 : 1);
