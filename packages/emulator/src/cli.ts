#!/usr/bin/env node
import { runCli } from './cli/run.js';

const result = await runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
if ('exitCode' in result) process.exitCode = result.exitCode;
else {
  const { emulator } = result;
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
