#!/usr/bin/env node
// `npm run build`: the client (vite build → dist/client) and the server (esbuild → dist/server,
// plain JavaScript: `node dist/server/main.js` needs only the runtime dependencies), then the
// stamp that lets `npm start` reuse the build while its inputs are unchanged.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

import { inputsDigest, STAMP } from './build-inputs.mjs';

const digest = inputsDigest(); // before building: an edit made meanwhile makes the build stale
const { build: viteBuild } = await import('vite');
const esbuild = await import('esbuild');

rmSync(STAMP, { force: true });
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
rmSync('dist/server', { recursive: true, force: true });
await esbuild.build({
  // The entries sit in dist/server, two levels below the root like server/src/paths.ts; the
  // embedded database's process beside main.js, where database-process-handle.ts forks it.
  entryPoints: {
    main: 'server/src/main.ts',
    flags: 'scripts/flags.ts',
    'database-process': 'server/src/db/embedded/database-process.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external', // node_modules are loaded at run time; `@shared/*` is bundled
  sourcemap: true,
  logLevel: 'warning',
});
mkdirSync('dist', { recursive: true });
writeFileSync(STAMP, `${JSON.stringify({ inputs: digest, builtAt: new Date().toISOString() })}\n`);
console.log('Built dist/client and dist/server.');
