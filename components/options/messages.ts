// The labels of the settings page, a catalog of its own beside lib/i18n's main one: only this page carries
// them (the popup's bundle holds the whole main catalog). Same rules: Chinese first, the same keys
// in English, `{name}` placeholders.
import type { Catalog } from '../../lib/i18n';

const zh = {
  'options.title': '年报审核助手 · 设置',
  'options.saved': '已保存',
  'options.saveError': '保存失败：{error}',
  'options.categories': '规则分组',
  'options.categoriesHint': '关闭的规则分组不参与审核。',
  'options.minSeverity': '页面标注的最低级别',
  'options.minSeverityHint': '低于此级别的问题只在弹出窗口中列出，不在页面上标注。',
  'options.min.info': '提示及以上（全部标注）',
  'options.min.warning': '警告及以上',
  'options.min.error': '仅错误',
  'options.hosts': '自动审核的其他网站',
  'options.hostsHint': '*.gov.cn 网站默认自动审核。可添加其他域名，例如 www.example.org 或 *.example.org。',
  'options.hostsEmpty': '（尚未添加）',
  'options.hostPlaceholder': 'www.example.org',
  'options.hostAdd': '添加',
  'options.hostRemove': '删除',
  'options.hostRemoveLabel': '删除 {host}',
  'options.hostInvalid': '请输入域名，只能包含字母、数字、连字符和点，可用 *. 开头（如 *.example.org）',
  'options.hostDuplicate': '{host} 已在列表中',
  'options.hostDenied': '未获得访问 {host} 的权限，未添加',
  'options.hostPermError': '无法申请访问权限：{error}',
  'options.language': '界面语言',
  'options.lang.zh': '中文',
  'options.lang.en': 'English',
  'options.log': '审核记录',
  'options.logOn': '记录审核过的年报',
  'options.logWhere':
    '记录每份审核过的年报（网址、机关、年度、格式、标题、发布日期、问题数量与清单、审核时间、内容指纹），只保存在本浏览器中（IndexedDB），不会发送到任何地方。隐私（无痕）窗口中的页面从不记录。',
  'options.logCap': '最多保留 {cap} 份，超出时先删除最早审核的。',
  'options.logCross': '打开同一机关下一年度的报告时，会与记录中的上年报告比对（上年结转、现行有效件数）。',
};

export type OptionsKey = keyof typeof zh;

const en: Record<OptionsKey, string> = {
  'options.title': 'Report auditor · Settings',
  'options.saved': 'Saved',
  'options.saveError': 'Could not save: {error}',
  'options.categories': 'Rule groups',
  'options.categoriesHint': 'Rule groups switched off are not checked.',
  'options.minSeverity': 'Lowest severity marked on the page',
  'options.minSeverityHint': 'Findings below this level are listed in the popup only.',
  'options.min.info': 'Info and above (mark everything)',
  'options.min.warning': 'Warnings and above',
  'options.min.error': 'Errors only',
  'options.hosts': 'Other sites audited automatically',
  'options.hostsHint':
    '*.gov.cn sites are audited automatically. Add other hosts, e.g. www.example.org or *.example.org.',
  'options.hostsEmpty': '(none yet)',
  'options.hostPlaceholder': 'www.example.org',
  'options.hostAdd': 'Add',
  'options.hostRemove': 'Remove',
  'options.hostRemoveLabel': 'Remove {host}',
  'options.hostInvalid': 'Enter a host name: letters, digits, hyphens and dots only, optionally starting with *.',
  'options.hostDuplicate': '{host} is already in the list',
  'options.hostDenied': 'Permission for {host} was not granted; not added',
  'options.hostPermError': 'Could not request access: {error}',
  'options.language': 'Language',
  'options.lang.zh': '中文',
  'options.lang.en': 'English',
  'options.log': 'Inspection log',
  'options.logOn': 'Record audited reports',
  'options.logWhere':
    'Every audited report is recorded (URL, agency, year, format, title, publication date, counts and findings, when audited, a content hash) in this browser only (IndexedDB), never sent anywhere. Pages in private windows are never recorded.',
  'options.logCap': 'At most {cap} reports are kept; past that the oldest audited are deleted first.',
  'options.logCross':
    "A report is compared with the same agency's report of the year before when the log holds it (carry-over, documents in force).",
};

export const OPTIONS_MESSAGES: Catalog<OptionsKey> = { zh, en };
