// The component's styles, adopted by its shadow root as a constructed stylesheet (which a
// strict Content-Security-Policy allows, unlike a <style> element). Everything a page may want
// to change is a custom property (--mo-*) or a ::part.
//
// Colours meet WCAG 2.2 AA (4.5:1 for text, 3:1 for the focus ring and borders) in light and
// dark mode.

export const css = `
:host {
  display: block !important;
  contain: content;
  --_fg: var(--mo-color, #1b1b1b);
  --_bg: var(--mo-background, #ffffff);
  --_muted: var(--mo-muted, #565c65);
  --_accent: var(--mo-accent, #005ea2);
  --_border: var(--mo-border, #8d9297);
  --_line: var(--mo-rule, #dfe1e2);
  --_soft: var(--mo-soft, #f0f4f8);
  --_mark-bg: var(--mo-mark-background, #ffe396);
  --_mark-fg: var(--mo-mark-color, #1b1b1b);
  --_focus: var(--mo-focus, #2491ff);
  --_decision: var(--mo-decision, #e7f4e4);
  --_decision-fg: var(--mo-decision-color, #216e1f);
  --_indent: var(--mo-indent, 1.25rem);
  --_error: var(--mo-error, #b50909);
  --_warn: var(--mo-warning, #c05600);
}
@media (prefers-color-scheme: dark) {
  :host {
    --_fg: var(--mo-color, #f0f0f0);
    --_bg: var(--mo-background, #1b1b1b);
    --_muted: var(--mo-muted, #b6bcc3);
    --_accent: var(--mo-accent, #73b3e7);
    --_border: var(--mo-border, #8d9297);
    --_line: var(--mo-rule, #3d4551);
    --_soft: var(--mo-soft, #252a31);
    --_mark-bg: var(--mo-mark-background, #ffe396);
    --_mark-fg: var(--mo-mark-color, #1b1b1b);
    --_focus: var(--mo-focus, #73b3e7);
    --_decision: var(--mo-decision, #19311a);
    --_decision-fg: var(--mo-decision-color, #b4e0ad);
    --_error: var(--mo-error, #ff8d7b);
    --_warn: var(--mo-warning, #ffbc78);
  }
}
:host([hidden]) { display: none !important; }

.mo {
  all: initial;
  display: block;
  box-sizing: border-box;
  color: var(--_fg);
  background: var(--_bg);
  font-family: var(--mo-font, "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif);
  font-size: var(--mo-font-size, 1rem);
  line-height: 1.7;
  text-align: start;
  overflow-wrap: anywhere;
  /* \`all\` resets everything a page passes down but direction: minutes read left to right. */
  direction: ltr;
}
.mo *, .mo *::before, .mo *::after { box-sizing: border-box; }
[hidden]:not([hidden="until-found"]) { display: none !important; }

.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
button, .menu > summary {
  font: inherit; font-size: .9em; color: var(--_accent); background: var(--_bg); min-height: 2.25rem;
  padding: .3rem .75rem; border: 1px solid var(--_accent); border-radius: var(--mo-radius, .25rem);
  cursor: pointer;
}
button:hover, .menu > summary:hover { background: var(--_soft); }
input:focus-visible, select:focus-visible, button:focus-visible, summary:focus-visible, .card .lines li:focus-visible {
  outline: 3px solid var(--_focus); outline-offset: 2px;
}

/* The toolbar: one line (two on a phone), the other filters behind 篩選. */
.toolbar { padding: .25rem 0 .5rem; border-bottom: 1px solid var(--_line); }
.toolbar .line { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; }
.toolbar .main { justify-content: space-between; }
.toolbar .find { display: flex; gap: .5rem; flex: 1 1 18rem; min-width: 0; }
.toolbar .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.toolbar input, .toolbar select {
  font: inherit; color: var(--_fg); background: var(--_bg); min-height: 2.25rem;
  padding: .25rem .5rem; border: 1px solid var(--_border); border-radius: var(--mo-radius, .25rem);
}
.toolbar input[type="search"] { flex: 1 1 10rem; min-width: 0; }
.toolbar .toggle { white-space: nowrap; }
.toolbar .toggle::after { content: " ▾"; }
.toolbar .toggle[aria-expanded="true"]::after { content: " ▴"; }
.filters { display: flex; flex-direction: column; gap: .5rem; margin-top: .5rem; padding: .5rem .75rem; background: var(--_soft); border-radius: var(--mo-radius, .25rem); }
.filters .field { display: inline-flex; gap: .35rem; align-items: center; color: var(--_muted); font-size: .9em; }
.filters .field select, .filters .field input { font-size: 1em; color: var(--_fg); }
.units { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; }
.units .group-label { color: var(--_muted); font-size: .9em; margin-inline-end: .25rem; }
.chip {
  font-size: .85em; padding: .15rem .7rem; border-radius: 999px; min-height: 1.9rem;
  color: var(--_accent); background: var(--_bg); border: 1px solid var(--_accent);
}
.chip[aria-pressed="true"] { color: var(--_bg); background: var(--_accent); }
.chip[aria-pressed="true"]::before { content: "✓ "; }
button.chip[aria-pressed="true"]:hover { background: var(--_accent); }
.menu { position: relative; }
.menu > summary { list-style: none; display: inline-block; }
.menu > summary::-webkit-details-marker { display: none; }
.menu > summary::after { content: " ▾"; }
.menu-items {
  position: absolute; inset-inline-end: 0; z-index: 2; display: flex; flex-direction: column; gap: .25rem;
  margin-top: .25rem; padding: .4rem; background: var(--_bg); border: 1px solid var(--_border);
  border-radius: var(--mo-radius, .25rem); box-shadow: 0 2px 8px rgb(0 0 0 / .15);
}

/* The status line keeps the height of the clear button, shown or not: nothing moves. */
.statusbar { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; min-height: 2.5rem; margin: .25rem 0; }
.status { color: var(--_muted); font-size: .9em; overflow-wrap: anywhere; }
.statusbar .clear { min-height: 2rem; padding: .15rem .6rem; }
.alert:not(:empty) {
  color: var(--_error); font-weight: 700; margin: .5rem 0; padding: .5rem .75rem;
  border-inline-start: 4px solid var(--_error); background: var(--_soft);
}
.progress { display: block; width: 100%; height: .5rem; margin: .25rem 0; accent-color: var(--_accent); }
.raw { font: inherit; white-space: pre-wrap; margin: .5rem 0; }

/* What the parser doubts, at the top. */
.banner {
  margin: .5rem 0; padding: .4rem .75rem; font-size: .9em; background: var(--_soft);
  border-inline-start: 4px solid var(--_warn); border-radius: var(--mo-radius, .25rem);
}
.banner .banner-title { margin: 0; font-weight: 700; cursor: pointer; }
.banner ul { margin: .1rem 0 0; padding: 0; list-style: none; }
.banner li { margin: .1rem 0; }
.banner .also { color: var(--_muted); }
.jump {
  font-size: 1em; border: none; padding: 0 .15rem; text-align: start; min-height: 0;
  background: none; text-decoration: underline; color: var(--_accent);
}
.jump.at { padding: 0; }

.card {
  margin: .5rem 0; padding: .5rem .85rem; background: var(--_soft);
  border-inline-start: 4px solid var(--_accent); border-radius: var(--mo-radius, .25rem);
}
.card h2 { font-size: 1.1em; margin: 0 0 .15rem; line-height: 1.4; }
.card .facts { display: flex; flex-wrap: wrap; gap: 0 1.25rem; margin: 0; }
.card .facts div { display: flex; gap: .4rem; min-width: 0; }
.card dt { flex: none; color: var(--_muted); white-space: nowrap; }
.card dd { margin: 0; min-width: 0; }
.card .note { color: var(--_muted); font-size: .9em; }
.card .more { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
.card .more details[open] { flex-basis: 100%; }
.card summary { cursor: pointer; color: var(--_accent); }
.card h3 { font-size: .9em; color: var(--_muted); margin: .35rem 0 .15rem; }
.card .people-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0 1rem; margin: 0; padding: 0; list-style: none; }
.card .absent { color: var(--_muted); }
.card .absent .who { text-decoration: line-through; }
.card .lines { margin: .25rem 0; padding-inline-start: 1.5rem; }

/* The jump box: type-ahead with an input method. */
.jump-box { position: sticky; top: 0; z-index: 1; display: flex; gap: .5rem; align-items: center; padding: .35rem 0; background: var(--_bg); }
.jump-box label { color: var(--_muted); font-size: .9em; }
.jump-box input {
  font: inherit; flex: 1 1 auto; color: var(--_fg); background: var(--_bg); min-height: 2.25rem;
  padding: .25rem .5rem; border: 1px solid var(--_border); border-radius: var(--mo-radius, .25rem);
}

ul[role="tree"], ul[role="group"] { list-style: none; margin: 0; padding: 0; }
/* The whole tree while a filtered view is shown: not drawn, but its layout is kept. */
ul[role="tree"].parked { content-visibility: hidden; }
/* A long outline lays out only the top-level sections near the screen. */
ul[role="tree"] > li { content-visibility: auto; contain-intrinsic-size: auto 2em; }
ul[role="group"] { padding-inline-start: var(--_indent); border-inline-start: 1px solid var(--_line); margin-inline-start: .55rem; }
.row { outline: none; }
.row {
  display: flex; gap: .35rem; align-items: baseline;
  padding: .15rem .35rem; border-radius: var(--mo-radius, .25rem); cursor: default;
}
.row:focus-visible { outline: 3px solid var(--_focus); outline-offset: -3px; }
.row:hover { background: var(--_soft); }
.twisty { flex: none; width: 1em; color: var(--_muted); text-align: center; cursor: pointer; user-select: none; }
.row[aria-expanded="true"] > .twisty::before { content: "▾"; }
.row[aria-expanded="false"] > .twisty::before { content: "▸"; }
.label { flex: 1 1 auto; min-width: 0; }
.link { flex: none; width: 1.2em; visibility: hidden; cursor: pointer; color: var(--_muted); text-align: center; }
.link::before { content: "#"; font-weight: 700; }
.row:hover > .link, .row:focus-visible > .link { visibility: visible; }
.row[aria-selected="true"] { box-shadow: inset 3px 0 0 var(--_accent); }
.row.current:not(:focus-visible) { outline: 2px dashed var(--_accent); outline-offset: -2px; }
.row:focus-visible data[data-value]::after {
  content: " (" attr(data-value) ")"; color: var(--_muted); font-size: .85em;
}
.marker { font-weight: 700; margin-inline-end: .3em; white-space: nowrap; }
.field-label, .role-label { font-weight: 700; }
.unit {
  flex: none; font-size: .8em; color: var(--_accent); border: 1px solid currentColor;
  border-radius: 999px; padding: 0 .5em; white-space: nowrap;
}
.k-section > .row { font-size: 1.1em; font-weight: 700; margin-top: .5rem; }
.k-appendix > .row { font-size: 1.1em; font-weight: 700; margin-top: .75rem; border-top: 1px solid var(--_line); }
.k-agenda > .row { font-weight: 700; color: var(--_accent); }
.k-title > .row { font-weight: 700; }
.k-heading > .row { font-weight: 700; }
.r-decision > .row { background: var(--_decision); }
.r-decision > .row .role-label { color: var(--_decision-fg); }
mark { background: var(--_mark-bg); color: var(--_mark-fg); border-radius: 2px; }
time, data { text-decoration: underline dotted var(--_muted); text-underline-offset: .2em; }
table { border-collapse: collapse; margin: .25rem 0; font-size: .9em; }
td { border: 1px solid var(--_line); padding: .15rem .4rem; vertical-align: top; }

details.problems { margin-top: 1rem; }
details.problems summary { cursor: pointer; color: var(--_muted); }
details.problems li { margin: .25rem 0; }
.sev-error, .sev-error .jump { color: var(--_error); }

/* A phone: what the outline needs above it, and no more, so that it starts on the first screen.
   (A media query, not a container query: a container's width may not come from its content,
   which would collapse the element in a page's flex row.) */
@media (max-width: 36rem) {
  .banner .why, .card .facts .note { display: none; }
  .banner, .card { line-height: 1.5; }
  .card h2 { font-size: 1em; }
  .card .more { font-size: .9em; gap: 0 .75rem; }
  .statusbar { min-height: 2.25rem; margin: .1rem 0; }
  .card .facts { gap: 0 .9rem; }
  .toolbar .actions { gap: .35rem; }
  .toolbar .actions button, .toolbar .actions .menu > summary { padding: .25rem .55rem; }
}

@media (prefers-reduced-motion: no-preference) {
  .row { transition: background-color .12s; }
}
@media print {
  .toolbar, .statusbar, .jump-box, .twisty, .link { display: none !important; }
  ul[role="group"][hidden] { display: block !important; content-visibility: visible !important; }
  ul[role="tree"]:not(.parked) > li { content-visibility: visible; }
  .row { break-inside: avoid; }
}
`;
