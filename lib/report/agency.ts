// The reporting body: its name and the report year from the title, what kind of body it is (which
// decides the deadline), and whether two names denote the same body.

import { asciiDigits } from '../text/normalize';

export function agencyAndYear(title: string): { agency: string | null; year: number | null } {
  const t = asciiDigits(title).replace(/\s+/g, '');
  const m = /^(.*?)(\d{4})年/.exec(t);
  if (!m) return { agency: null, year: null };
  // "…管理局关于报送2020年度…的函": a cover letter names its sender before 关于.
  let agency = m[1].replace(/^关于/, '').replace(/关于(报送|印发|公布|发布)?$/, '');
  // "2022年上海市政府信息公开工作年度报告": the year first, the place after it.
  if (!agency) agency = /^\d{4}年度?(.*?)政府信息公开/.exec(t)?.[1] ?? '';
  return { agency: agency || null, year: Number(m[2]) };
}

/**
 * Who reports, for the deadline (条例第五十条): a 县级以上 government's own aggregate report —
 * titled by 人民政府 or by the place alone — and a zone's (管委会 / 综合实验区 / 新区 / 开发区) are due
 * 31 March; departments, 乡镇, 街道 and 片区 31 January. Null when the name does not say.
 */
export type AgencyKind = 'government' | 'zone' | 'department' | 'township';

const TOWNSHIP = /(?:[乡镇]|街道|街道办事处|苏木)(?:人民政府|政府)?$|片区(?:管理局|管委会|管理委员会)?$/;
const GOVERNMENT = /政府$/;
const ZONE = /(?:开发区|新区|高新区|实验区|试验区|示范区|园区|保税区|合作区)(?:党工委)?(?:管理委员会|管委会)?$/;
const PLACE = /^(?!.*(?:局|委|办|厅|室|院|馆|所|站|队|会|处|署|社|部|中心)).{2,12}(?:省|市|县|区|州|旗|盟)$/;
const DEPARTMENT = /(?:局|委|委员会|办|办公室|办公厅|厅|中心|院|室|馆|所|站|队|会|处|署|社|部)$/;

export function agencyKind(agency: string): AgencyKind | null {
  const name = agency.replace(/[（(][^）)]*[）)]$/, ''); // "…参事室（…文史研究馆）": the first name
  if (TOWNSHIP.test(name)) return 'township';
  if (GOVERNMENT.test(name) || PLACE.test(name)) return 'government';
  if (ZONE.test(name)) return 'zone';
  if (DEPARTMENT.test(name)) return 'department';
  return null;
}

/** "我局办公室", "本机关": the report speaking of itself. */
const SELF = /^(我|本)(局|委|办|厅|院|中心|机关|单位|部门|乡|镇|街道|区|县|市|政府)/;

/** a's characters appear in b in order ("临江市市场监管局" in "临江市市场监督管理局"). */
function subsequence(a: string, b: string): boolean {
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}

/**
 * The body a name stands for: without the office or group inside it that handles the report
 * ("…政府信息公开工作领导小组办公室", "…党政办公室", "…政务公开科") and without "人民政府"
 * ("智仁乡人民政府" is 智仁乡).
 */
function core(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/(?:政府信息公开|政务公开)(?:工作)?领导小组(?:办公室)?$/, '')
    .replace(
      /(?<=局|委|会|中心|院|厅|政府|[乡镇]|街道|区|县|市)(?:党政|党政综合|综合|政务公开)?(?:办公室|办)$|(?<=局|委|会|中心)(?:政务公开|综合|秘书)科$/,
      '',
    )
    .replace(/(?:人民)?政府$/, '');
}

/**
 * Same body, allowing the handling office ("…中心办公室" ~ "…中心"), the place left out or cut to
 * its last character ("区农业农村局…办公室" ~ "平潭综合实验区农业农村局"), official abbreviations
 * ("市场监管局" ~ "市场监督管理局"), a dropped character ("平潭综合区…" ~ "平潭综合实验区…"), and
 * "我局". A place is not its departments: "平潭综合实验区" is not "平潭综合实验区农业农村局".
 */
export function sameAgency(a: string, b: string): boolean {
  if (SELF.test(a.trim()) || SELF.test(b.trim())) return true;
  const [x, y] = [core(a), core(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const tail = short.replace(/^[省市县区州乡镇]/, '');
  if (tail.length >= 3 && long.endsWith(tail) && /[省市县区州旗盟乡镇]$/.test(long.slice(0, -tail.length))) return true;
  return (
    short.length >= 4 &&
    short.slice(0, 2) === long.slice(0, 2) &&
    short.at(-1) === long.at(-1) &&
    subsequence(short, long)
  );
}
