import { fixtures } from './dist/cases.js';
const fx = await fixtures({ emulator: false });
const name = process.argv[2];
const c = fx.cases.find((c) => c.name === name);
for (let r = 0; r < 2; r++)
  for (const k of (process.argv[4] ?? 'ours,peer').split(',')) {
    const N = Number(process.argv[3] ?? 150);
    const t = performance.now();
    for (let i = 0; i < N; i++) await c[k]();
    console.log(k, (((performance.now() - t) * 1000) / N).toFixed(0), 'µs/op');
  }
await fx.close();
