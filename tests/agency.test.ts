import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencyAndYear, agencyKind, sameAgency, speaksFor } from '../lib/report/agency';
import { haveCorpus, REAL } from './real/corpus';

describe('agencyKind: who reports decides the deadline', () => {
  it.each([
    ['临江市', 'government'],
    ['临江市人民政府', 'government'],
    ['临江县政府', 'government'],
    ['临江新区', 'zone'],
    ['临江经济技术开发区管理委员会', 'zone'],
    ['临江综合实验区', 'zone'], // the whole zone's report
    ['临江市人民政府办公室', 'department'],
    ['临江市人民政府参事室（临江市人民政府文史研究馆）', 'department'],
    ['临江市城市管理委员会', 'department'],
    ['临江市金融工作服务中心', 'department'],
    ['临江综合实验区管委会办公室', 'department'],
    ['智仁乡', 'township'],
    ['中埠镇人民政府', 'township'],
    ['临江街道办事处', 'township'],
    ['临江综合实验区海坛片区管理局', 'township'],
    ['临江', null],
  ])('%s → %s', (name, kind) => expect(agencyKind(name)).toBe(kind));

  it.each([
    ['2022年临江市政府信息公开工作年度报告', '临江市', 2022],
    ['2022年临江市人民政府参事室政府信息公开工作年度报告', '临江市人民政府参事室', 2022],
    ['临江市苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函', '临江市苏平片区管理局', 2020],
  ])('%s: agency %s, year %s', (title, agency, year) => expect(agencyAndYear(title)).toEqual({ agency, year }));
});

describe('same body', () => {
  it.each([
    ['区农业农村局政府信息公开工作领导小组办公室', '临江综合实验区农业农村局'],
    ['海坛片区管理局党政办公室', '临江综合实验区海坛片区管理局'],
    ['临江综合区行政审批局办公室', '临江综合实验区行政审批局'],
    ['临江综合实验区金井片区管理局办公室工作小组', '临江综合实验区金井片区管理局'],
    ['临江综合实验区管委会办公室保密与电子政务处', '临江综合实验区'],
    ['智仁乡党政办', '智仁乡'],
    ['临江市政务公开工作领导小组', '临江市'],
    ['我局办公室', '临江市统计局'],
  ])('%s speaks for %s', (name, agency) => expect(speaksFor(name, agency)).toBe(true));

  it.each([
    ['临江市人民政府办公室', '临江市金融工作服务中心'],
    ['临江综合实验区国有资产管理局', '临江综合实验区投资促进局'],
    ['临江综合实验区农业农村局', '临江综合实验区'],
  ])('%s does not speak for %s', (name, agency) => expect(speaksFor(name, agency)).toBe(false));

  it('a place is not its departments, nor its government office (sweep pairing)', () => {
    expect(sameAgency('临江综合实验区', '临江综合实验区农业农村局')).toBe(false);
    expect(sameAgency('临江综合实验区', '临江综合实验区管委会办公室')).toBe(false);
    expect(sameAgency('临江市市场监管局', '临江市市场监督管理局')).toBe(true);
    expect(sameAgency('智仁乡人民政府', '智仁乡')).toBe(true);
  });
});

// The openings of real reports from other provinces (../shared/real/other): the body named by each
// title line, classified as we judge it from the agency (README of the corpus: its level column).
const OTHER: Record<string, string> = {
  '001-shanghai-canshishi-2022.txt': 'department',
  '002-shanghai-shi-2022.txt': 'government',
  '003-shanghai-shi-2023.txt': 'government',
  '005-shanghai-yangpu-qu-2022.txt': 'government',
  '010-guangzhou-huadu-qufuban-2022.txt': 'department',
  '011-zibo-zhongbu-zhen-2020.txt': 'township',
  '012-wuqi-zhouwan-zhen-2021.txt': 'township',
  '015-fuxian-zhangjiawan-zhen-2021.txt': 'township',
  '017-beijing-chengguanwei-2022.txt': 'department',
  '018-beijing-xicheng-fagaiwei-2021.txt': 'department',
};

describe.runIf(haveCorpus)('agencyKind on real titles (../shared/real/other)', () => {
  const dir = join(REAL, 'other');
  it('every opening with a title line is listed', () => {
    const titled = readdirSync(dir).filter((f) => titleOf(readFileSync(join(dir, f), 'utf8')));
    expect(titled.sort()).toEqual(Object.keys(OTHER).sort());
  });
  it.each(Object.entries(OTHER))('%s → %s', (file, kind) => {
    const title = titleOf(readFileSync(join(dir, file), 'utf8'))!;
    expect(agencyKind(agencyAndYear(title).agency!)).toBe(kind);
  });
});

/** A title line: short, ending 政府信息公开工作年度报告. */
function titleOf(text: string): string | undefined {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+\d{4}-\d{2}-\d{2}$/, '').trim()) // "…年度报告 2023-01-20"
    .find((l) => l.length <= 40 && /\d{4}年度?.*政府信息公开工作年度报告$/.test(l));
}
