// The rule registry, in catalog order (../shared/spec/rules.md). `year.*` rules need last year's
// report and are not part of a single-page audit.
import tablesUnreadable from './page.tables-unreadable';
import metaTitle from './meta.title';
import metaPeriod from './meta.period';
import metaAgency from './meta.agency';
import metaLate from './meta.late';
import sectionMissing from './section.missing';
import sectionUnnumbered from './section.unnumbered';
import sectionWording from './section.wording';
import sectionOrder from './section.order';
import sectionCount from './section.count';
import sectionEmpty from './section.empty';
import sectionOverviewTopic from './section.overview-topic';
import sectionFeeStatement from './section.fee-statement';
import sectionPriorYear from './section.prior-year';
import formatOutdated from './format.outdated';
import formatMixed from './format.mixed';
import formatLegacy from './format.legacy';
import formatFuture from './format.future';
import tableMissing from './table.missing';
import tableShape from './table.shape';
import tableLabel from './table.label';
import cellNotNumber from './cell.not-number';
import cellNegative from './cell.negative';
import cellFraction from './cell.fraction';
import cellPlaceholder from './cell.placeholder';
import sumT3Balance from './sum.t3-balance';
import sumT3Outcomes from './sum.t3-outcomes';
import sumT3Applicants from './sum.t3-applicants';
import sumT4Group from './sum.t4-group';
import sumT2InForce from './sum.t2-in-force';
import textCountMismatch from './text.count-mismatch';
import textSumMismatch from './text.sum-mismatch';
import textZeroClaim from './text.zero-claim';
import type { Rule } from './types';

export const RULES: Rule[] = [
  tablesUnreadable,
  metaTitle,
  metaPeriod,
  metaAgency,
  metaLate,
  sectionMissing,
  sectionUnnumbered,
  sectionWording,
  sectionOrder,
  sectionCount,
  sectionEmpty,
  sectionOverviewTopic,
  sectionFeeStatement,
  sectionPriorYear,
  formatOutdated,
  formatMixed,
  formatLegacy,
  formatFuture,
  tableMissing,
  tableShape,
  tableLabel,
  cellNotNumber,
  cellNegative,
  cellFraction,
  cellPlaceholder,
  sumT3Balance,
  sumT3Outcomes,
  sumT3Applicants,
  sumT4Group,
  sumT2InForce,
  textCountMismatch,
  textSumMismatch,
  textZeroClaim,
];
