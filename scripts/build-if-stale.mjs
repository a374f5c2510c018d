#!/usr/bin/env node
// `npm start`, `npm run flags` and the e2e scripts: reuse the build (dist/) when it was made from
// the current sources, else build. After `npm ci --omit=dev` the build tools are not installed:
// a stale or missing build is then an error that says what to do, not an attempt to fetch them.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

import { builtDigest, inputsDigest } from './build-inputs.mjs';

const quiet = process.argv.includes('--quiet');
if (builtDigest() === inputsDigest()) {
  if (!quiet) console.log('The build is up to date (dist/).');
  process.exit(0);
}
try {
  createRequire(import.meta.url).resolve('vite/package.json');
} catch {
  console.error(
    'dist/ is missing or older than the sources, and the build tools (dev dependencies) are not\n' +
      'installed. Build where they are: `npm ci && npm run build`, then start again.',
  );
  process.exit(1);
}
console.log('Building (npm run build)…');
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
