import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditResultSchema } from '../lib/result-schema';

const root = join(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync('npx', ['tsx', 'cli/audit.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('CLI', () => {
  it('audits the bundled samples by default, in Chinese', () => {
    const out = execFileSync('npx', ['tsx', 'cli/audit.ts'], { cwd: root, encoding: 'utf8' });
    expect(out.match(/^■ /gm)).toHaveLength(5);
    expect(out).toContain('乐清市金融工作服务中心｜2023年');
    expect(out).toContain('缺少第四部分');
  });

  it('prints the JSON contract with --json', () => {
    const r = run('tests/fixtures/seeds/003.html', '--json');
    const json = JSON.parse(r.stdout);
    expect(AuditResultSchema.safeParse(json).success).toBe(true);
    expect(json.report).toMatchObject({ agency: '乐清市机关事务管理中心', year: 2020, format: '2019' });
  });

  it('names an unreadable input in one line and still audits the others', () => {
    const r = run('no/such/page.html', 'tests/fixtures/seeds/000.html');
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.includes('no/such/page.html')),
    ).toHaveLength(1);
    expect(r.stderr).toMatch(/无法读取 no\/such\/page\.html：/);
    expect(r.stdout).toContain('乐清市金融工作服务中心');
    expect(r.status).toBe(0);
  });
});
