// What a build is made from, and a digest of it: scripts/build.mjs stamps the build with the
// digest (dist/build-info.json) and scripts/build-if-stale.mjs compares, so a build is reused
// exactly when nothing it was made from changed (file times are not trusted: a checkout, a copy
// or `npm ci` may change them without changing anything).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = 'dist/build-info.json';

const INPUTS = [
  'client',
  'shared',
  'server/src',
  'scripts/flags.ts',
  'scripts/build.mjs',
  'vite.config.ts',
  'tsconfig.json',
  'package-lock.json',
];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((entry) => entry !== 'node_modules' && !entry.endsWith('.test.ts'))
    .sort()
    .flatMap((entry) => files(join(path, entry)));
}

export function inputsDigest() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The digest the current build was made from, or undefined when there is none. */
export function builtDigest() {
  if (!existsSync(STAMP)) return undefined;
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).inputs;
  } catch {
    return undefined;
  }
}
