// The summary page's inline style and script (./summary.ts). The colours are the extension's
// palette (components/theme.css); the page prints on A4 landscape with its colours kept. The script
// carries no data: it sorts the table's <tbody> elements by their data-v-* attributes, hides those
// the filter rules out, and opens a report's findings.

export const SUMMARY_CSS = `
:root{--fg:#1f2328;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0b57d0;
--error:#b42318;--warning:#9a5b00;--info:#175cd3;--review:#6941c6;--ok:#1a7f37;--row-issue:#fff8e6;
--error-bg:#fef3f2;--warning-bg:#fffaeb;--ok-bg:#ecfdf3;--review-bg:#f4f3ff;--info-soft:#b2ccff;color-scheme:light}
@media screen and (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#1c2128;--panel:#262c36;
--line:#3d444d;--accent:#6ea8fe;--error:#ff7b72;--warning:#e3b341;--info:#79c0ff;--review:#d2a8ff;--ok:#56d364;
--row-issue:#2d2714;--error-bg:#3a1d1d;--warning-bg:#33290f;--ok-bg:#16301f;--review-bg:#2a2340;--info-soft:#2f4d7a;
color-scheme:dark}.sev{color:#1c2128}}
*{box-sizing:border-box}
html,body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.55 'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif}
main{max-width:1320px;margin:0 auto;padding:20px 20px 28px;display:flex;flex-direction:column;gap:22px}
h1{margin:0;font-size:22px;letter-spacing:.02em}
h2{margin:0;font-size:16px}
a{color:var(--accent)}
code{font:12px/1.4 ui-monospace,'SFMono-Regular',Consolas,monospace;color:var(--muted)}
header{border-bottom:3px solid var(--accent);padding-bottom:10px}
.meta{margin:6px 0 0;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 18px}
.note{margin:2px 0 0;color:var(--muted);font-size:12.5px}
.none{margin:8px 0;color:var(--muted)}
.tiles{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:10px}
.tile{border:1px solid var(--line);border-top:4px solid var(--muted);border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;background:var(--panel);min-width:0}
.tile .n{font-size:30px;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums}
.tile .l{font-weight:600}
.tile .s{color:var(--muted);font-size:12px}
.t-reports{border-top-color:var(--accent)}.t-reports .n{color:var(--accent)}
.t-clean{border-top-color:var(--ok);background:var(--ok-bg)}.t-clean .n{color:var(--ok)}
.t-errors{border-top-color:var(--error);background:var(--error-bg)}.t-errors .n{color:var(--error)}
.t-warnings{border-top-color:var(--warning);background:var(--warning-bg)}.t-warnings .n{color:var(--warning)}
.charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;align-items:start}
.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
.legend{margin:6px 0 4px;display:flex;gap:14px;font-size:12.5px;color:var(--muted)}
.legend span{display:inline-flex;align-items:center;gap:5px}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px}
.k-error.sw,rect.k-error{background:var(--error);fill:var(--error)}
.k-warning.sw,rect.k-warning{background:var(--warning);fill:var(--warning)}
.k-review.sw,rect.k-review{background:var(--review);fill:var(--review)}
.k-info.sw,rect.k-info{background:var(--info-soft);fill:var(--info-soft)}
.bars{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-direction:column;gap:7px}
.bars li{display:grid;grid-template-columns:minmax(0,46%) minmax(0,1fr) auto;gap:10px;align-items:center}
.bars .lab{display:flex;flex-direction:column;min-width:0;line-height:1.3}
.bars .lab code{color:var(--fg);font-weight:600}
.bars .lab .agency{font-weight:600;overflow-wrap:anywhere}
.bars .name{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.track{background:var(--panel);border-radius:3px;height:14px;overflow:hidden}
.bar{display:block;width:100%;height:14px}
.cnt{font-size:12.5px;color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap;text-align:right;min-width:5.5em}
section.reports,section.cross{display:flex;flex-direction:column;gap:6px}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px}
.tools input,.tools select,.tools button{font:inherit;color:inherit;border:1px solid var(--line);border-radius:6px;background:var(--panel);padding:4px 8px}
.tools input{width:20em;max-width:100%;background:var(--bg)}
.tools button{cursor:pointer}
.shown{color:var(--muted);font-size:12.5px}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 7px;text-align:left;vertical-align:top}
thead th{background:var(--panel);border-bottom:2px solid var(--line);white-space:nowrap;position:sticky;top:0;z-index:1}
th button{all:unset;cursor:pointer;font-weight:600}
th button:focus-visible,.tog:focus-visible,a:focus-visible,.tools :focus-visible{outline:2px solid var(--accent);outline-offset:1px}
th .arrow{color:var(--accent)}
th[aria-sort=ascending] .arrow::after{content:' ▲'}
th[aria-sort=descending] .arrow::after{content:' ▼'}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th.num{text-align:right}
td.has{font-weight:700}
td.c-error.has{color:var(--error)}td.c-warning.has{color:var(--warning)}td.c-review.has{color:var(--review)}
td.c-info.has{color:var(--info);font-weight:400}td.c-cross.has{color:var(--warning)}
td.zero,td.na{color:var(--muted)}
td.agency{min-width:10em}
td.column,td.c-format{white-space:nowrap}
table.cross td:nth-child(1){min-width:10em}table.cross td:nth-child(3){white-space:nowrap}
table.cross td:nth-child(5){min-width:11em}table.cross td:nth-child(7){min-width:16em}
td.title{min-width:14em;overflow-wrap:anywhere}
td.status{min-width:7.5em}
.tog{all:unset;cursor:pointer;color:var(--accent);white-space:nowrap}
.tog .arr{display:inline-block;width:1em;transition:transform .1s}
.tog[aria-expanded=true] .arr{transform:rotate(90deg)}
tbody.rep:hover>tr.main{background:var(--panel)}
tbody.s-errors>tr.main>td:first-child{box-shadow:inset 3px 0 var(--error)}
tbody.s-warnings>tr.main>td:first-child{box-shadow:inset 3px 0 var(--warning)}
tbody.s-clean>tr.main>td:first-child{box-shadow:inset 3px 0 var(--ok)}
tbody.s-not-report>tr.main,tbody.s-unreadable>tr.main{color:var(--muted)}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid currentColor}
.badge.s-errors{color:var(--error);background:var(--error-bg)}
.badge.s-warnings{color:var(--warning);background:var(--warning-bg)}
.badge.s-clean{color:var(--ok);background:var(--ok-bg)}
.badge.s-not-report,.badge.s-unreadable{color:var(--muted)}
.reason{display:block;font-size:12px;color:var(--muted);margin-top:2px;overflow-wrap:anywhere}
tbody.s-unreadable .reason{color:var(--error)}
tr.detail>td{background:var(--panel);padding:8px 12px 10px 30px}
.findings{margin:0;padding-left:1.6em;display:flex;flex-direction:column;gap:5px}
.f{line-height:1.45}
.f .l1>*{margin-right:8px}
.f .l2{display:flex;flex-wrap:wrap;gap:0 14px;font-size:12px;color:var(--muted)}
.sev{display:inline-block;font-size:12px;font-weight:700;border-radius:4px;padding:0 5px;color:#fff;white-space:nowrap}
.k-error .sev{background:var(--error)}.k-warning .sev{background:var(--warning)}
.k-review .sev{background:var(--review)}.k-info .sev{background:var(--info)}
.loc{font-size:12px;border:1px solid var(--line);background:var(--bg);border-radius:4px;padding:0 5px}

.formula{font-family:ui-monospace,Consolas,monospace}
section.cross .count{display:inline-block;min-width:1.6em;text-align:center;border-radius:10px;background:var(--warning-bg);color:var(--warning);font-size:13px;padding:0 6px}
table.cross td .name{display:block;color:var(--muted);font-size:12px}
table.cross td{font-size:13px}
footer{border-top:1px solid var(--line);padding-top:8px;color:var(--muted);font-size:12px}
footer p{margin:0}
@media (max-width:900px){.tiles{grid-template-columns:repeat(3,minmax(0,1fr))}.charts{grid-template-columns:1fr}}
@media print{
@page{size:A4 landscape;margin:12mm}
html,body{font-size:11px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;padding:0;gap:14px}
.tools,.hint{display:none}
.tile .n{font-size:22px}
.chart,.tile,tbody.rep,tr,.bars li{break-inside:avoid}
thead th{position:static}
th button .arrow{display:none}
.tog{color:inherit}.tog .arr{display:none}
a{color:inherit;text-decoration:none}
table{font-size:10.5px}
}
`;

export const SUMMARY_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('reports');
  if (!table) return;
  var bodies = Array.prototype.filter.call(table.tBodies, function (b) { return b.classList.contains('rep'); });
  var empty = document.getElementById('empty');
  var q = document.getElementById('q');
  var show = document.getElementById('show');
  var shown = document.getElementById('shown');
  var all = document.getElementById('all');
  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  var sort = { key: 'index', dir: 1 };

  function value(b, key) { return b.getAttribute('data-v-' + key) || ''; }

  function doSort(key, type) {
    var dir = sort.key === key ? -sort.dir : type === 'num' && key !== 'index' && key !== 'year' ? -1 : 1;
    sort = { key: key, dir: dir };
    var sorted = bodies.slice().sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      if (x === '' || y === '') {
        if (x !== y) return x === '' ? 1 : -1;
      } else {
        var c = type === 'num' ? Number(x) - Number(y) : collator.compare(x, y);
        if (c) return c * dir;
      }
      return Number(value(a, 'index')) - Number(value(b, 'index'));
    });
    sorted.forEach(function (b) { table.insertBefore(b, empty); });
    table.querySelectorAll('thead th').forEach(function (th) {
      var btn = th.querySelector('button');
      if (btn && btn.getAttribute('data-sort') === key) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  }

  function matches(b, text, status) {
    var s = b.getAttribute('data-status');
    switch (status) {
      case 'all': break;
      case 'issues': if (s !== 'errors' && s !== 'warnings' && b.getAttribute('data-cross') !== '1') return false; break;
      case 'cross': if (b.getAttribute('data-cross') !== '1') return false; break;
      default: if (s !== status) return false;
    }
    return !text || (b.getAttribute('data-q') || '').indexOf(text) >= 0;
  }

  function doFilter() {
    var text = q.value.trim().toLowerCase();
    var n = 0;
    bodies.forEach(function (b) {
      var ok = matches(b, text, show.value);
      b.hidden = !ok;
      if (ok) n++;
    });
    empty.hidden = n > 0;
    shown.textContent = shown.getAttribute('data-tpl').replace('{n}', String(n)).replace('{total}', String(bodies.length));
  }

  function toggle(btn, open) {
    var row = document.getElementById(btn.getAttribute('aria-controls'));
    if (open === undefined) open = btn.getAttribute('aria-expanded') !== 'true';
    btn.setAttribute('aria-expanded', String(open));
    if (row) row.hidden = !open;
  }

  table.addEventListener('click', function (e) {
    var t = e.target.closest('button');
    if (!t) return;
    if (t.hasAttribute('data-sort')) doSort(t.getAttribute('data-sort'), t.getAttribute('data-type'));
    else if (t.classList.contains('tog')) toggle(t);
  });
  q.addEventListener('input', doFilter);
  show.addEventListener('change', doFilter);
  all.addEventListener('click', function () {
    var open = all.getAttribute('aria-pressed') !== 'true';
    all.setAttribute('aria-pressed', String(open));
    all.textContent = all.getAttribute(open ? 'data-close' : 'data-open');
    table.querySelectorAll('button.tog').forEach(function (b) { toggle(b, open); });
  });

  // A link to a report (from the cross-year table) opens its findings and shows it even when filtered out.
  function reveal() {
    var m = /^#r-(\\d+)$/.exec(location.hash);
    var b = m && document.getElementById('r-' + m[1]);
    if (!b) return;
    b.hidden = false;
    var btn = b.querySelector('button.tog');
    if (btn) toggle(btn, true);
  }
  window.addEventListener('hashchange', reveal);
  doFilter();
  reveal();
})();
`;
