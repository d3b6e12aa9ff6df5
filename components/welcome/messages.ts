// The labels of the first-run page, a catalog of its own beside lib/i18n's main one: only this page carries
// them (the popup's bundle holds the whole main catalog). Same rules: Chinese first, the same keys
// in English, `{name}` placeholders.
import type { Catalog } from '../../lib/i18n';

const zh = {
  'welcome.title': '欢迎使用政府信息公开年报审核助手',
  'welcome.otherLanguage': 'English',
  'welcome.whatTitle': '它做什么',
  'welcome.what':
    '在政府网站（gov.cn）上打开政府信息公开工作年度报告时，它就地审核：缺失的章节、仍用 2019 年版的表格、表内勾稽关系、正文与表格不符，并把标记直接显示在有问题的标题、行和单元格旁。',
  'welcome.popup': '点击浏览器工具栏上的图标，可查看审核汇总、点击条目定位到页面上，并一键复制结果粘贴到检查记录。',
  'welcome.elsewhere': '其他网站上的年报：打开页面后点击图标，选择“审核此页”。年报栏目页可一次审核整个栏目。',
  'welcome.privacyTitle': '隐私与权限',
  'welcome.privacy': '审核完全在本机浏览器中进行：只读取你打开的页面，不上传、不收集任何内容。',
  'welcome.permission':
    '唯一可能另外请求的权限：在设置中添加需要自动审核的非 gov.cn 网站时，或审核其他网站的年报栏目时，浏览器会请求读取该网站的权限，由你确认。',
  'welcome.settingsTitle': '设置',
  'welcome.settings':
    '可选择审核哪些规则类别、页面上显示的最低级别、自动审核的网站和界面语言。也可随时在工具栏弹窗右上角打开设置。',
  'welcome.openSettings': '打开设置',
};

export type WelcomeKey = keyof typeof zh;

const en: Record<WelcomeKey, string> = {
  'welcome.title': 'Welcome to the Gov Disclosure Annual Report Auditor',
  'welcome.otherLanguage': '中文',
  'welcome.whatTitle': 'What it does',
  'welcome.what':
    "When you open a government information-disclosure annual report (政府信息公开工作年度报告) on a gov.cn site, it audits it in place: missing parts, tables still in the 2019 format, the tables' own arithmetic, prose that contradicts the tables. Markers appear right beside the headings, rows and cells in question.",
  'welcome.popup':
    'Click the toolbar icon for the audit summary: click a finding to find it on the page, copy all findings for your inspection record in one click.',
  'welcome.elsewhere':
    'A report on another site: open it, click the icon and choose "Audit this page". A 年报 column page can be audited as a whole.',
  'welcome.privacyTitle': 'Privacy and permissions',
  'welcome.privacy':
    'Everything happens in your browser: it reads only the pages you open and uploads or collects nothing.',
  'welcome.permission':
    'The one permission it may ask for: when you add a non-gov.cn site to auto-audit in the settings, or sweep a report column on another site, the browser asks you to let it read that site.',
  'welcome.settingsTitle': 'Settings',
  'welcome.settings':
    'Choose the rule groups, the lowest severity marked on the page, the sites audited automatically and the UI language. The settings are also one click away in the popup (top right).',
  'welcome.openSettings': 'Open settings',
};

export const WELCOME_MESSAGES: Catalog<WelcomeKey> = { zh, en };
