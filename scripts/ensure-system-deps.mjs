#!/usr/bin/env node
// Makes sure the system packages the tests need are present: Debian's chromium (Playwright
// drives it; browser downloads are blocked here) and redis-server (the Redis adapter tests).
// On Debian as root it installs what is missing with apt-get; elsewhere it names the packages.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { pkg: 'chromium', binary: '/usr/bin/chromium' },
  { pkg: 'redis-server', binary: '/usr/bin/redis-server' },
];
const missing = needed.filter(({ binary }) => !existsSync(binary)).map(({ pkg }) => pkg);
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
