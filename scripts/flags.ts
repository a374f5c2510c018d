/** Entry point of `npm run flags` (see server/src/features/flags-cli.ts). */
import { runFlagsCli } from '../server/src/features/flags-cli.js';

process.exitCode = await runFlagsCli(process.argv.slice(2), {
  env: process.env,
  fetch,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
