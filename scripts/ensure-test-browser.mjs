// npm's `pretest`: the explorer's browser test (test/explorer-browser.test.ts) drives Debian's
// Chromium, a system package npm cannot install. .ci/run installs it before the tests; on a
// developer's fresh Debian machine, run as root, this installs it once, here, so that the test
// itself only ever uses a browser and `npm test` still passes on a fresh machine. Not root and no
// browser: say what to do; the test then fails with the same advice (it never passes without one).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`pretest: installing Debian's chromium for the explorer's browser test (once)\n`);
    const options = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 540_000 };
    try {
      execFileSync('apt-get', ['update', '-qq'], options);
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], options);
    } catch (error) {
      process.stderr.write(`pretest: 'apt-get install -y chromium' failed (${error.message}); the browser test will fail\n`);
    }
  } else {
    process.stderr.write(`pretest: ${CHROMIUM} is missing; the explorer's browser test needs it: apt-get install -y chromium (as root)\n`);
  }
}
