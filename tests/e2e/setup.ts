// Build the extension once before the real-browser tests, so they always test the current code.
import { execFileSync } from 'node:child_process';
import { ROOT } from './harness';

export default function setup() {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
}
