import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root, found from this file (runtimes/dist/harness/): Deno may read below it. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * The runtimes' own install (runtimes/engines/), outside the workspaces: the root's node_modules/.bin must
 * not hold their `node`, which would replace the machine's Node in every root npm script.
 */
const engines = fileURLToPath(new URL('../../engines/', import.meta.url));
const entry = (name: string) => fileURLToPath(new URL(`../entries/${name}.js`, import.meta.url));
const installHint = 'run npm ci --prefix runtimes/engines (npm run test:runtimes does it when missing)';

/** The first of `candidates` (paths under runtimes/engines/) that exists. */
function binary(what: string, candidates: string[]): string {
  for (const candidate of candidates) {
    const path = `${engines}${candidate}`;
    if (existsSync(path)) return path;
  }
  throw new Error(`${what} is not installed: ${installHint} (looked for ${candidates.join(', ')})`);
}

/** miniflare's entry module in runtimes/engines/, as a URL for the miniflare entry to import. */
function miniflare(): string {
  try {
    return pathToFileURL(createRequire(`${engines}package.json`).resolve('miniflare')).href;
  } catch {
    throw new Error(`miniflare is not installed: ${installHint}`);
  }
}

export interface Runtime {
  id: string;
  /** The name in the README's table. */
  label: string;
  /** The command that runs the scenarios, resolved when the runtime is run. */
  command(): { file: string; args: string[] };
}

const node22 = () => binary('Node 22 (node22)', ['node_modules/node22/bin/node']);

/** Every runtime of the suite, in the README's order. */
export const RUNTIMES: Runtime[] = [
  {
    id: 'node20',
    label: 'Node 20',
    command() {
      if (!process.versions.node.startsWith('20.'))
        throw new Error(`node20 runs on the harness's Node, which is ${process.versions.node}`);
      return { file: process.execPath, args: [entry('node')] };
    },
  },
  { id: 'node22', label: 'Node 22', command: () => ({ file: node22(), args: [entry('node')] }) },
  {
    id: 'node24',
    label: 'Node 24',
    command: () => ({
      file: binary('Node 24 (node24)', ['node_modules/node24/bin/node']),
      args: [entry('node')],
    }),
  },
  {
    id: 'bun',
    label: 'Bun',
    command: () => ({
      file: binary('Bun (bun)', ['node_modules/@oven/bun-linux-x64/bin/bun', 'node_modules/bun/bin/bun.exe']),
      args: [entry('bun')],
    }),
  },
  {
    id: 'deno',
    label: 'Deno',
    command: () => ({
      file: binary('Deno (deno)', ['node_modules/@deno/linux-x64-glibc/deno', 'node_modules/deno/deno']),
      args: [
        'run',
        '--no-lock',
        '--allow-net=127.0.0.1',
        '--allow-env',
        `--allow-read=${root}`,
        entry('deno'),
      ],
    }),
  },
  {
    id: 'workerd',
    label: 'Cloudflare Workers (workerd)',
    command: () => ({ file: node22(), args: [entry('miniflare'), miniflare()] }),
  },
  {
    id: 'workerd-nodejs-compat',
    label: 'Cloudflare Workers + nodejs_compat',
    command: () => ({ file: node22(), args: [entry('miniflare'), miniflare(), '--nodejs-compat'] }),
  },
];
