// Before the real-browser tests: check the machine has what they need (else say in one line what
// to install, instead of hundreds of launch errors), then build the extension once, so they always
// test the current code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, ROOT } from './harness';

/** What the machine lacks for the real-browser tests, or null. */
function missing(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.status !== 0 || !fonts.stdout.trim()) return 'no Chinese (CJK) font';
  return null;
}

export default function setup() {
  const lack = missing();
  if (lack) {
    const e = new Error(
      `Real-browser tests cannot run (${lack}): sudo apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH to a Chrome or Edge binary.`,
    );
    e.stack = e.message; // the one line, without our stack under it
    throw e;
  }
  // The build users get: vitest sets NODE_ENV=test, which the build would inherit (a different,
  // larger bundle than `npm run build` makes).
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
