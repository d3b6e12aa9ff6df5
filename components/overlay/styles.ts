// Overlay CSS, scoped by the shadow root. No @font-face/@property: WXT would hoist those into the
// page's <head>, and the page must stay untouched outside our host. The host itself is fixed and
// 0×0, so it never adds to the page's height or shifts its layout.
export const OVERLAY_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483646 !important; }
html, body { margin: 0; padding: 0; width: 0; height: 0; overflow: visible; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646;
  font: 13px/1.5 "PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",system-ui,sans-serif; color: #1f2328; }
.marker { position: fixed; width: 16px; height: 16px; pointer-events: auto; cursor: pointer; border: 0; padding: 0;
  display: flex; align-items: center; justify-content: center; font: bold 11px/1 system-ui,sans-serif; color: #fff;
  box-shadow: 0 0 0 1.5px #fff, 0 1px 3px rgba(0,0,0,.45); }
.marker:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.marker.error { background: #cf222e; border-radius: 2px; }
.marker.warning { background: #bf8700; clip-path: polygon(50% 0, 100% 100%, 0 100%); box-shadow: none; padding-top: 4px; font-size: 10px; }
.marker.info { background: #0969da; border-radius: 50%; font-style: italic; font-family: Georgia,serif; }
.marker.review { background: #8250df; border-radius: 2px; transform: rotate(45deg) scale(.85); }
.marker.review span { transform: rotate(-45deg); }
.marker.pulse { animation: pulse 0.5s ease-in-out 4 alternate; }
@keyframes pulse { from { transform: scale(1); } to { transform: scale(1.8); } }
.marker.review.pulse { animation: pulse-r 0.5s ease-in-out 4 alternate; }
@keyframes pulse-r { from { transform: rotate(45deg) scale(.85); } to { transform: rotate(45deg) scale(1.6); } }
.gap { position: fixed; height: 0; border-top: 2px dashed #cf222e; pointer-events: none; }
.gap-label { position: fixed; pointer-events: none; background: #ffebe9; color: #82071e; border: 1px solid #cf222e;
  border-radius: 3px; padding: 0 6px; font-size: 12px; line-height: 16px; white-space: nowrap; }
.box { position: fixed; pointer-events: none; border-radius: 2px; }
.box.target { outline: 2.5px solid #cf222e; outline-offset: 1px; background: rgba(207,34,46,.08); }
.box.related { outline: 2px dashed #0969da; outline-offset: 1px; background: rgba(9,105,218,.07); }
.box.pulse { outline: 3px solid #8250df; animation: fade 2s ease-out forwards; }
@keyframes fade { to { outline-color: transparent; } }
.card { position: fixed; width: 340px; max-width: calc(100vw - 16px); pointer-events: auto; background: #fff; border: 1px solid #d0d7de;
  border-radius: 6px; box-shadow: 0 8px 24px rgba(140,149,159,.35); padding: 10px 12px; }
.card .head { display: flex; flex-wrap: wrap; gap: 2px 6px; align-items: center; margin-bottom: 4px; font-size: 12px; color: #57606a; }
.card .head .rule { white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
.card .msg { font-size: 13px; color: #1f2328; overflow-wrap: anywhere; }
.card .kv { margin-top: 6px; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; font-size: 12px; color: #57606a; }
.card .kv b { color: #1f2328; font-weight: 600; }
.tag { display: inline-block; white-space: nowrap; flex-shrink: 0; padding: 0 6px; border-radius: 10px; font-size: 11px; line-height: 18px; color: #fff; }
.tag.error { background: #cf222e; } .tag.warning { background: #9a6700; } .tag.info { background: #0969da; } .tag.review { background: #8250df; }
.chip { position: fixed; right: 16px; bottom: 16px; pointer-events: auto; display: flex; align-items: center; gap: 8px;
  background: #fff; border: 1px solid #d0d7de; border-radius: 18px; box-shadow: 0 4px 14px rgba(0,0,0,.18); padding: 4px 6px 4px 12px; }
.chip button, .panel button, .panel select { font: inherit; cursor: pointer; }
.chip .open { border: 0; background: none; display: flex; gap: 8px; align-items: center; padding: 2px 0; color: #1f2328; }
.chip .count { display: inline-flex; align-items: center; gap: 3px; font-variant-numeric: tabular-nums; }
.chip .toggle, .chip .attach { border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 12px; padding: 1px 8px; font-size: 12px; color: #24292f; }
.shape { display: inline-block; width: 10px; height: 10px; }
.shape.error { background: #cf222e; border-radius: 1px; }
.shape.warning { background: #bf8700; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.shape.info { background: #0969da; border-radius: 50%; }
.shape.review { background: #8250df; transform: rotate(45deg) scale(.8); }
.panel { position: fixed; right: 16px; bottom: 60px; width: 400px; max-width: calc(100vw - 32px); max-height: min(70vh, 560px);
  display: flex; flex-direction: column; pointer-events: auto; background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(140,149,159,.4); }
.panel header { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px; border-bottom: 1px solid #eaeef2; font-weight: 600; }
.panel .filters { display: flex; gap: 8px; padding: 6px 12px; border-bottom: 1px solid #eaeef2; font-size: 12px; color: #57606a; }
.panel ol { list-style: none; margin: 0; padding: 4px 0; overflow: auto; }
.panel li button { display: grid; grid-template-columns: 16px 1fr; gap: 6px; width: 100%; text-align: left; border: 0; background: none; padding: 6px 12px; color: #1f2328; }
.panel li button:hover, .panel li button:focus-visible { background: #f6f8fa; outline: none; }
.panel .loc { font-size: 12px; color: #57606a; }
.panel .empty { padding: 16px 12px; color: #57606a; }
.panel .x { border: 0; background: none; font-size: 16px; color: #57606a; }
`;
