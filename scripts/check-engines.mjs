#!/usr/bin/env node
// Checks that package.json's `engines.node` is true for every runtime dependency: each one's own
// `engines.node` must allow every Node version ours allows (a dependency that needs a newer Node
// than we declare would install with a warning and break later). Dev dependencies are not checked:
// they never run in production. Run by .ci/run; prints the offenders and exits 1.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import semver from 'semver';

const ours = JSON.parse(readFileSync('package.json', 'utf8')).engines?.node;
if (!ours) {
  console.error('package.json declares no engines.node');
  process.exit(1);
}
// `npm query .prod` lists the installed runtime dependencies with their package.json fields.
const runtime = JSON.parse(execFileSync('npm', ['query', '.prod'], { encoding: 'utf8' }));
const offenders = runtime.filter(
  (pkg) => pkg.engines?.node && !semver.subset(ours, pkg.engines.node, { loose: true }),
);
for (const pkg of offenders) {
  console.error(`${pkg.name}@${pkg.version} needs node ${pkg.engines.node}; we declare ${ours}`);
}
if (offenders.length > 0) process.exit(1);
console.log(`engines.node ${ours} holds for all ${runtime.length} runtime dependencies.`);
