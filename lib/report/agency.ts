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
  if (ZONE.test(name)) return 'zone';
  if (GOVERNMENT.test(name) || PLACE.test(name)) return 'government';
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

/** The name compared: no spaces, no "人民政府" ("智仁乡人民政府" is 智仁乡). */
/** The name as compared: no spaces, no 人民政府. */
export const agencyCore = (name: string) => name.replace(/\s+/g, '').replace(/(?:人民)?政府$/, '');

/**
 * Two reports' bodies are the same: equal names, the place left out or cut to its last character
 * ("区农业农村局" ~ "平潭综合实验区农业农村局"), official abbreviations ("市场监管局" ~
 * "市场监督管理局"), a dropped character ("平潭综合区…" ~ "平潭综合实验区…"). A place is not its
 * departments ("平潭综合实验区" ≠ "平潭综合实验区农业农村局"), nor its government's office.
 */
export function sameAgency(a: string, b: string): boolean {
  const [x, y] = [agencyCore(a), agencyCore(b)];
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

/**
 * A unit inside a body that handles its report: its office, a section or working group, the
 * 管委会 of a zone ("…党政办公室", "…办公室工作小组", "…政府信息公开工作领导小组办公室",
 * "…管委会办公室保密与电子政务处"). Never another department (局, 委员会).
 */
const SUB_UNIT =
  /^(?:管委会|管理委员会|人民政府|政府)?(?:党政|党政综合|综合|政务公开|政府信息公开|信息公开)?(?:工作)?(?:领导小组)?(?:办公室|办)?(?:[\u4e00-\u9fff]{0,10}?(?:处|科|股|组|室))?$/;

/** Whether the body named in the preamble or signature speaks for the title's agency: itself, "我局", or a unit of it. */
export function speaksFor(name: string, agency: string): boolean {
  const n = name.replace(/\s+/g, '');
  if (SELF.test(n) || sameAgency(n, agency)) return true;
  for (let i = 2; i < n.length; i++) {
    const rest = n.slice(i);
    if (SUB_UNIT.test(rest) && !/局|委员会/.test(rest) && sameAgency(n.slice(0, i), agency)) return true;
  }
  return false;
}
