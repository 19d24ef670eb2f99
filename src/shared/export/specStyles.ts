/**
 * The stylesheet of exported spec and portfolio pages: readable on screen, and print-ready (A4,
 * sensible page breaks, link targets printed after link text) — the same sheet serves the browser's
 * print-to-PDF and Electron's printToPDF. Inlined into the page: no external fonts or resources.
 */
export const SPEC_PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #eef0f3; }
body {
  margin: 0;
  font-family: "Inter", "Segoe UI", "Helvetica Neue", Arial, system-ui, sans-serif;
  font-size: 11pt;
  line-height: 1.55;
  color: #1b1d22;
}
.page {
  max-width: 820px;
  margin: 32px auto;
  padding: 48px 56px;
  background: #fff;
  border-radius: 10px;
  box-shadow: 0 1px 3px rgb(0 0 0 / 10%), 0 8px 24px rgb(0 0 0 / 6%);
}
.page + .page { margin-top: 24px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.5em; color: #111318; }
h1 { font-size: 24pt; margin-top: 0; letter-spacing: -0.01em; }
h2 { font-size: 16pt; padding-bottom: 4px; border-bottom: 1px solid #d9dbe0; }
h3 { font-size: 13pt; }
h4, h5, h6 { font-size: 11pt; }
p { margin: 0.5em 0; }
a { color: #3340b8; }
.doc-meta { color: #5b606b; margin: 0 0 24px; font-size: 10pt; }
.doc-meta span + span::before { content: " · "; }
ul, ol { padding-left: 1.5em; margin: 0.5em 0; }
li > p { margin: 0.15em 0; }
ul.task-list { list-style: none; padding-left: 0.25em; }
li.task-item { display: flex; gap: 8px; align-items: flex-start; }
.task-box { flex: none; width: 12px; height: 12px; margin-top: 0.35em; border: 1.5px solid #5b606b; border-radius: 3px; position: relative; }
.task-box.checked { background: #3340b8; border-color: #3340b8; }
.task-box.checked::after { content: ""; position: absolute; left: 3px; top: 0; width: 3px; height: 7px; border: solid #fff; border-width: 0 2px 2px 0; transform: rotate(45deg); }
li.task-item[data-checked="true"] .task-body { color: #5b606b; }
.task-body { flex: 1; }
blockquote { margin: 0.8em 0; padding: 4px 14px; border-left: 3px solid #c5c9d3; color: #3d414a; background: #f6f7f9; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: #f0f1f3; padding: 1px 4px; border-radius: 4px; }
pre { background: #f6f7f9; border: 1px solid #e2e4e9; border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
hr { border: none; border-top: 1px solid #d9dbe0; margin: 1.5em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 10pt; }
th, td { border: 1px solid #d9dbe0; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td > p:first-child, th > p:first-child { margin-top: 0; }
td > p:last-child, th > p:last-child { margin-bottom: 0; }
.mention { display: inline; padding: 0 5px; border-radius: 999px; background: #e8ecff; color: #26308f; font-weight: 500; white-space: normal; }
.mention-meta { font-weight: 400; font-size: 0.85em; color: #4a5290; }
.mention-deleted { background: #fde8e7; color: #8a1c12; }
.mention-deleted .mention-meta { color: #8a1c12; }
.embed { margin: 1em 0; padding: 10px 12px; border: 1px solid #d9dbe0; border-radius: 8px; background: #fbfbfc; }
.embed table { margin: 0.4em 0 0; background: #fff; }
.embed-title { margin: 0; font-weight: 600; font-size: 10pt; text-transform: uppercase; letter-spacing: 0.04em; color: #5b606b; }
.embed-empty, .embed-note { color: #5b606b; font-style: italic; margin: 0.4em 0 0; }
.cover { display: flex; flex-direction: column; justify-content: center; min-height: 60vh; }
.cover .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: #5b606b; font-size: 10pt; margin: 0 0 8px; }
.cover h1 { font-size: 32pt; margin-bottom: 12px; }
.cover .summary { font-size: 13pt; color: #3d414a; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 28px 0; }
.cover dt { font-weight: 600; color: #5b606b; }
.cover dd { margin: 0; }
.cover .author { margin-top: 24px; font-size: 12pt; }
.contents ol { padding-left: 1.2em; }
.muted { color: #5b606b; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.roadmap-table td { width: 33%; }
.roadmap-table ul { list-style: none; padding: 0; margin: 0; }
.roadmap-table li { margin: 0 0 8px; padding: 6px 8px; border: 1px solid #e2e4e9; border-radius: 6px; background: #fbfbfc; }
.roadmap-table .item-meta { display: block; font-size: 9pt; color: #5b606b; }

@page { size: A4; margin: 16mm 16mm 18mm; }
@media print {
  html { background: #fff; }
  body { font-size: 10.5pt; }
  .page { max-width: none; margin: 0; padding: 0; border-radius: 0; box-shadow: none; }
  .page + .page { margin-top: 0; break-before: page; }
  .cover { min-height: 0; justify-content: flex-start; padding-top: 30mm; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, li, blockquote, pre, .embed, .mention { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #5b606b; word-break: break-all; }
  .mention, .embed, th, .task-box.checked, blockquote, code, pre { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
