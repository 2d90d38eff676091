// Builds what the benchmark runs (the SDK, the emulator, the benchmark itself) when its output is
// missing or older than its sources, so `npm run bench -- --quick` does not pay for a full build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const targets = [
  { dir: 'packages/server', output: 'dist/index.js', args: ['run', '-s', 'build', '-w', 'auth0-server-ts'] },
  { dir: 'packages/emulator', output: 'dist/index.js', args: ['run', '-s', 'build', '-w', 'auth0-emulator'] },
  { dir: 'packages/test-kit', output: 'dist/index.js', args: ['run', '-s', 'build', '-w', 'auth0-test-kit'] },
  { dir: 'bench', output: 'dist/run.js', args: ['run', '-s', 'build', '-w', 'bench'] },
];
for (const t of targets) {
  const output = join(root, t.dir, t.output);
  if (existsSync(output) && statSync(output).mtimeMs >= newest(join(root, t.dir, 'src'))) continue;
  console.error(`building ${t.dir}`);
  execFileSync('npm', t.args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
