// The npm registry these machines use lacks other platforms' prebuilt binaries (@swc/core-darwin-arm64
// and the like), so `npm install` leaves them out of package-lock.json, and `npm ci` then refuses the
// lock file as out of sync. This adds a lock entry for every missing optional platform package, with
// the os/cpu read off its name: npm ci skips them here (wrong platform) and installs them elsewhere.
// Run after any `npm install` that changes the lock file: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'loong64', 'riscv64', 'wasm32'];

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const added = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (lock.packages[target] || (path && lock.packages[`${path}/${target}`])) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu = CPU.find((c) => parts.includes(c));
    if (!os || !cpu) continue;
    lock.packages[target] = { version, cpu: [cpu], os: [os], optional: true, ...(entry.dev ? { dev: true } : {}) };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lock file complete');
