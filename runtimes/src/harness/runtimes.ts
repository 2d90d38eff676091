import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the repository's node_modules are, found from this file (runtimes/dist/harness/). */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = (name: string) => fileURLToPath(new URL(`../entries/${name}.js`, import.meta.url));

/** The first of `candidates` (paths under the repository root) that exists. */
function binary(what: string, candidates: string[]): string {
  for (const candidate of candidates) {
    const path = `${root}${candidate}`;
    if (existsSync(path)) return path;
  }
  throw new Error(`${what} is not installed: run npm install (looked for ${candidates.join(', ')})`);
}

export interface Runtime {
  id: string;
  /** The name in the README's table. */
  label: string;
  /** The command that runs the scenarios, resolved when the runtime is run. */
  command(): { file: string; args: string[] };
}

const node22 = () => binary('Node 22 (devDependency node22)', ['node_modules/node22/bin/node']);

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
      file: binary('Node 24 (devDependency node24)', ['node_modules/node24/bin/node']),
      args: [entry('node')],
    }),
  },
  {
    id: 'bun',
    label: 'Bun',
    command: () => ({
      file: binary('Bun (devDependency bun)', [
        'node_modules/@oven/bun-linux-x64/bin/bun',
        'node_modules/bun/bin/bun.exe',
      ]),
      args: [entry('bun')],
    }),
  },
  {
    id: 'deno',
    label: 'Deno',
    command: () => ({
      file: binary('Deno (devDependency deno)', [
        'node_modules/@deno/linux-x64-glibc/deno',
        'node_modules/deno/deno',
      ]),
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
    command: () => ({ file: node22(), args: [entry('miniflare')] }),
  },
  {
    id: 'workerd-nodejs-compat',
    label: 'Cloudflare Workers + nodejs_compat',
    command: () => ({ file: node22(), args: [entry('miniflare'), '--nodejs-compat'] }),
  },
];
