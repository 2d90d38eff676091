import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'adapters/express': 'src/adapters/express.ts',
    'adapters/fastify': 'src/adapters/fastify.ts',
    'adapters/web': 'src/adapters/web.ts',
    'redis/index': 'src/redis/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
  // No bare `import "./chunk.js"` in the output (esbuild's splitting writes them to keep the order of the
  // chunks' `jose` imports): with "sideEffects": false, esbuild, and so wrangler, warns about each one in
  // every app that bundles the SDK, as for a Cloudflare Worker. Nothing in the SDK or jose runs on import.
  treeshake: { moduleSideEffects: false },
  // Keep `node:` on the Node-only subpaths' built-ins: Deno resolves only the prefixed names.
  removeNodeProtocol: false,
});
