#!/usr/bin/env node
// Makes sure the system packages the tests need are present: Debian's chromium (Playwright
// drives it; browser downloads are blocked here), redis-server (the Redis adapter tests) and
// postgresql (the data-layer tests start throw-away PostgreSQL servers from its binaries) and
// nginx (the scale-out spec runs the split deployment behind docs/nginx/split-deployment.conf).
// On Debian as root it installs what is missing with apt-get; elsewhere it names the packages.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a PostgreSQL server binary is installed (/usr/lib/postgresql/<version>/bin/postgres).
 * psql or pg_ctl on the PATH alone do not count: they come with the client packages too.
 */
function hasPostgresServer() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'postgres')));
}

const needed = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'redis-server', present: () => existsSync('/usr/bin/redis-server') },
  { pkg: 'postgresql', present: hasPostgresServer },
  { pkg: 'nginx', present: () => existsSync('/usr/sbin/nginx') },
];
const missing = needed.filter(({ present }) => !present()).map(({ pkg }) => pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!isRoot || !isDebian) {
  console.error(
    `Missing system packages: ${missing.join(', ')}.\n` +
      `Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}) and run the tests again.`,
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
  stdio: 'inherit',
  env,
});
