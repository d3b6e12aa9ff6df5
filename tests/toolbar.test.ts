import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDLE_ICON, toolbarFor, verdictOf, type Toolbar, type Verdict } from '../components/ext/toolbar';
import type { AuditResult } from '../lib/result';

const PUBLIC = join(import.meta.dirname, '..', 'public');
const icons = (state: string) => ({ 16: `icon/state-${state}-16.png`, 32: `icon/state-${state}-32.png` });

describe('toolbar button per verdict', () => {
  it.each<[string, Verdict, Toolbar]>([
    ['not a report', { state: 'idle', errors: 0 }, { icon: icons('idle'), badgeText: '', badgeColor: '#57606a' }],
    ['clean report', { state: 'clean', errors: 0 }, { icon: icons('clean'), badgeText: '✓', badgeColor: '#1a7f37' }],
    ['errors', { state: 'findings', errors: 3 }, { icon: icons('findings'), badgeText: '3', badgeColor: '#cf222e' }],
    // Warnings or items to review only: still a count, in amber.
    ['no errors', { state: 'findings', errors: 0 }, { icon: icons('findings'), badgeText: '0', badgeColor: '#9a6700' }],
    ['audit failed', { state: 'failed', errors: 0 }, { icon: icons('failed'), badgeText: '', badgeColor: '#57606a' }],
  ])('%s', (_, verdict, expected) => {
    const got = toolbarFor(verdict);
    expect(got).toEqual(expected);
    // The paths are extension-root paths: the files are public/<path>, copied as they are.
    for (const path of Object.values(got.icon)) expect(existsSync(join(PUBLIC, path)), path).toBe(true);
  });

  it('the manifest default is the idle icon, and the store sizes exist', () => {
    expect(IDLE_ICON).toEqual(toolbarFor({ state: 'idle', errors: 0 }).icon);
    for (const size of [16, 32, 48, 128]) expect(existsSync(join(PUBLIC, 'icon', `${size}.png`))).toBe(true);
  });

  it.each<[string, Pick<AuditResult, 'detected' | 'summary'>, Verdict]>([
    [
      'not detected',
      { detected: false, summary: { error: 0, warning: 0, info: 0, review: 0 } },
      { state: 'idle', errors: 0 },
    ],
    [
      'clean (notes only)',
      { detected: true, summary: { error: 0, warning: 0, info: 2, review: 0 } },
      { state: 'clean', errors: 0 },
    ],
    [
      'errors',
      { detected: true, summary: { error: 2, warning: 1, info: 0, review: 0 } },
      { state: 'findings', errors: 2 },
    ],
    [
      'to review',
      { detected: true, summary: { error: 0, warning: 0, info: 0, review: 1 } },
      { state: 'findings', errors: 0 },
    ],
  ])('verdict of an audit: %s', (_, result, expected) => {
    expect(verdictOf(result as AuditResult)).toEqual(expected);
  });
});
