import { fixtures } from './dist/cases.js';
const fx = await fixtures({ emulator: false });
const c = fx.cases.find((c) => c.name === 'session-read');
for (let r = 0; r < 3; r++)
  for (const [k, f] of [['ours', c.ours]]) {
    const N = 20000;
    const t = performance.now();
    for (let i = 0; i < N; i++) await f();
    console.log(k, (((performance.now() - t) * 1000) / N).toFixed(1), 'µs/op');
  }
await fx.close();
