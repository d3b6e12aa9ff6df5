// The labels of the document view (a report published as a PDF or Word file), a catalog of its own
// beside lib/i18n's main one: only this page carries them. Same rules: Chinese first, the same keys
// in English, `{name}` placeholders. Every error is one line naming the file.
import type { Catalog } from '../../lib/i18n';

const zh = {
  'doc.title': '年报审核 · 文档',
  'doc.badSrc': '缺少要打开的文件地址。请在显示 PDF 的标签页或带附件的年报页面上打开扩展。',
  'doc.loading': '正在下载 {name}…',
  'doc.reading': '正在读取 {name}…',
  'doc.auditing': '正在审核 {name}…',
  'doc.source': '原文件',
  'doc.needPermission': '读取 {name} 需要访问 {host} 的权限。',
  'doc.grant': '授权并打开',
  'doc.localFiles': '本地文件',
  'doc.permDenied': '未获得访问 {host} 的权限，无法读取 {name}',
  'doc.permError': '无法申请访问权限：{error}',
  'doc.scanned': '{name} 是扫描件（页面是图片，没有文字层），无法作为文本读取，未审核。',
  'doc.notReport': '{name} 未识别为政府信息公开工作年度报告：{reason}',
  'doc.wordNote': 'Word 文件的文字与表格，版式从简。',
  'doc.error.network': '无法下载 {name}：{error}',
  'doc.error.http': '无法下载 {name}：服务器返回 HTTP {status}',
  'doc.error.encrypted': '{name} 已加密（需要密码），无法读取',
  'doc.error.corrupt': '{name} 已损坏或不是有效的 PDF 文件，无法读取',
  'doc.error.kind': '{name} 不是 PDF 或 Word 文件，无法读取',
  'doc.error.fileAccess': '无法读取本地文件 {name}：请在扩展管理页为本扩展打开“允许访问文件网址”',
  'doc.error.read': '无法读取 {name}：{error}',
  'doc.zoomOut': '缩小',
  'doc.zoomIn': '放大',
  'doc.fitWidth': '适合宽度',
  'doc.zoomLevel': '缩放比例',
  'doc.prev': '上一页',
  'doc.next': '下一页',
  'doc.pageBefore': '第',
  'doc.pageAfter': '页，共 {total} 页',
  'doc.pageInput': '页码',
  'doc.pages': 'PDF 页面',
};

export type DocumentKey = keyof typeof zh;

const en: Record<DocumentKey, string> = {
  'doc.title': 'Report auditor · Document',
  'doc.badSrc': 'No file to open. Open the extension on a tab showing a PDF, or on a report page with an attachment.',
  'doc.loading': 'Downloading {name}…',
  'doc.reading': 'Reading {name}…',
  'doc.auditing': 'Auditing {name}…',
  'doc.source': 'Original file',
  'doc.needPermission': 'Reading {name} needs access to {host}.',
  'doc.grant': 'Allow and open',
  'doc.localFiles': 'local files',
  'doc.permDenied': 'Access to {host} was not granted; {name} cannot be read',
  'doc.permError': 'Could not request access: {error}',
  'doc.scanned':
    '{name} is a scan (its pages are pictures with no text layer): it cannot be read as text and was not audited.',
  'doc.notReport': '{name} was not recognised as an annual report on government information disclosure: {reason}',
  'doc.wordNote': 'The text and tables of a Word file, in a simplified layout.',
  'doc.error.network': 'Could not download {name}: {error}',
  'doc.error.http': 'Could not download {name}: the server answered HTTP {status}',
  'doc.error.encrypted': '{name} is encrypted (password-protected) and cannot be read',
  'doc.error.corrupt': '{name} is damaged or not a valid PDF file and cannot be read',
  'doc.error.kind': '{name} is neither a PDF nor a Word file and cannot be read',
  'doc.error.fileAccess': 'Cannot read the local file {name}: turn on “Allow access to file URLs” for this extension',
  'doc.error.read': 'Could not read {name}: {error}',
  'doc.zoomOut': 'Zoom out',
  'doc.zoomIn': 'Zoom in',
  'doc.fitWidth': 'Fit width',
  'doc.zoomLevel': 'Zoom',
  'doc.prev': 'Previous page',
  'doc.next': 'Next page',
  'doc.pageBefore': 'Page',
  'doc.pageAfter': 'of {total}',
  'doc.pageInput': 'Page number',
  'doc.pages': 'PDF pages',
};

export const DOCUMENT_MESSAGES: Catalog<DocumentKey> = { zh, en };
