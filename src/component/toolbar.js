// The toolbar: the search box, one 篩選 control that opens the other filters (what to show, how
// many levels, a date range, the reporting units), open and close all, the link to the view and
// the export menu. It holds no state: it shows the state it is given (sync) and tells what the
// reader asked for through callbacks.

import { h } from './dom.js';
import { narrows, beyondSearch } from './filter.js';

export class Toolbar {
  /**
   * @param {object} s the words  @param {string} p id prefix
   * @param {object} on callbacks: change(changes), step(dir), setAll(open), copy(), export(kind),
   *   clear(), slow() (whether the last filter was slow: typing then waits for a pause)
   */
  constructor(s, p, on) {
    this.s = s;
    this.on = on;
    this.timer = 0;
    const ui = (this.ui = {});
    ui.search = h('input', { type: 'search', id: p + 'q', part: 'search', placeholder: s.searchPlaceholder, autocomplete: 'off', 'aria-describedby': p + 'status' });
    ui.kind = h(
      'select',
      { id: p + 'kind', part: 'select' },
      h('option', { value: '' }, s.kindAll),
      h('option', { value: 'decision' }, s.kindDecision),
      h('option', { value: 'agenda' }, s.kindAgenda),
    );
    ui.depth = h('select', { id: p + 'depth', part: 'select' }, h('option', { value: '0' }, s.depthAll), ...[1, 2, 3].map((d) => h('option', { value: String(d) }, s.depthTo(d))));
    ui.from = h('input', { type: 'date', id: p + 'from', part: 'date' });
    ui.to = h('input', { type: 'date', id: p + 'to', part: 'date' });
    ui.units = h('div', { class: 'units', role: 'group', 'aria-label': s.units });
    ui.count = h('span', { class: 'count' });
    ui.toggle = h('button', { type: 'button', part: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': p + 'filters' }, s.filtersButton, ui.count);
    ui.expand = h('button', { type: 'button', part: 'button' }, s.expandAll);
    ui.collapse = h('button', { type: 'button', part: 'button' }, s.collapseAll);
    ui.copy = h('button', { type: 'button', part: 'button', class: 'copy' }, s.copyLink);
    const exportButton = (label, kind) => {
      const b = h('button', { type: 'button', part: 'button', 'data-export': kind }, label);
      b.addEventListener('click', () => {
        ui.export.open = false;
        on.export(kind);
      });
      return b;
    };
    ui.export = h(
      'details',
      { class: 'menu', part: 'export' },
      h('summary', { part: 'button' }, s.export),
      h('div', { class: 'menu-items' }, exportButton('JSON', 'json'), exportButton('Markdown', 'md'), exportButton('CSV', 'csv')),
    );
    const field = (label, ...controls) => h('span', { class: 'field' }, h('label', { for: controls[0].id }, label), ...controls);
    ui.panel = h(
      'div',
      { class: 'filters', id: p + 'filters', hidden: true },
      h('div', { class: 'line' }, field(s.kind, ui.kind), field(s.depth, ui.depth), field(s.from, ui.from), field(s.to, ui.to)),
      ui.units,
    );
    this.el = h(
      'div',
      { class: 'toolbar', part: 'toolbar', role: 'search', 'aria-label': s.filters },
      h(
        'div',
        { class: 'line main' },
        h('span', { class: 'find' }, h('label', { for: p + 'q', class: 'visually-hidden' }, s.search), ui.search, ui.toggle),
        h('span', { class: 'actions' }, ui.expand, ui.collapse, ui.copy, ui.export),
      ),
      ui.panel,
    );
    // The clear button sits in the status line, where the count it changes is: its coming and
    // going moves nothing.
    ui.clear = h('button', { type: 'button', part: 'button', class: 'clear', hidden: true }, s.clear);
    this.#wire();
  }

  #wire() {
    const { ui, on } = this;
    ui.search.addEventListener('input', (e) => {
      clearTimeout(this.timer);
      // Zhuyin or pinyin being composed is not yet what the reader looks for.
      if (e.isComposing) return;
      const search = () => on.change({ q: ui.search.value });
      // Filter as one types, in the same frame; only where a filter has proved slow, wait for
      // a pause in the typing.
      if (on.slow()) this.timer = setTimeout(search, 150);
      else search();
    });
    ui.search.addEventListener('compositionend', () => on.change({ q: ui.search.value }));
    ui.search.addEventListener('keydown', (e) => {
      if (e.isComposing) return;
      if (e.key === 'Escape' && ui.search.value) {
        ui.search.value = '';
        on.change({ q: '' });
        e.stopPropagation();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        // A pending search first, then the next (or, with Shift, the previous) hit.
        clearTimeout(this.timer);
        on.change({ q: ui.search.value });
        on.step(e.shiftKey ? -1 : 1);
      }
    });
    ui.toggle.addEventListener('click', () => this.openFilters(ui.panel.hidden));
    ui.kind.addEventListener('change', () => on.change({ kind: ui.kind.value }));
    ui.depth.addEventListener('change', () => on.change({ depth: +ui.depth.value }));
    ui.from.addEventListener('change', () => on.change({ from: ui.from.value }));
    ui.to.addEventListener('change', () => on.change({ to: ui.to.value }));
    ui.clear.addEventListener('click', () => {
      on.clear();
      ui.search.focus();
    });
    ui.expand.addEventListener('click', () => on.setAll(true));
    ui.collapse.addEventListener('click', () => on.setAll(false));
    ui.copy.addEventListener('click', () => on.copy());
  }

  /** Opens (or closes) the filters beyond the search box. */
  openFilters(open) {
    this.ui.panel.hidden = !open;
    this.ui.toggle.setAttribute('aria-expanded', String(open));
  }

  /** The reporting units' toggles, for a new outline. */
  setUnits(units, onToggle) {
    const box = this.ui.units;
    box.replaceChildren();
    box.hidden = !units.length;
    if (!units.length) return;
    box.append(h('span', { class: 'group-label', 'aria-hidden': 'true' }, this.s.units));
    for (const u of units) {
      const b = h('button', { type: 'button', class: 'chip', part: 'chip', 'data-unit': u, 'aria-pressed': 'false' }, u);
      b.addEventListener('click', () => onToggle(u));
      box.append(b);
    }
  }

  /** Sets the controls to the state. */
  sync(st) {
    const { ui, s } = this;
    if (ui.search.value !== st.q && ui.search.getRootNode().activeElement !== ui.search) ui.search.value = st.q;
    ui.kind.value = st.kind;
    // A depth set by a link or by setFilter() beyond the offered ones gets its own option.
    if (st.depth && ![...ui.depth.options].some((o) => o.value === String(st.depth))) {
      ui.depth.append(h('option', { value: String(st.depth) }, s.depthTo(st.depth)));
    }
    ui.depth.value = String(st.depth);
    ui.from.value = st.from;
    ui.to.value = st.to;
    ui.clear.hidden = !narrows(st);
    const n = beyondSearch(st);
    ui.count.textContent = n ? s.filtersOn(n) : '';
    for (const b of ui.units.querySelectorAll('button')) b.setAttribute('aria-pressed', String(st.units.includes(b.dataset.unit)));
  }
}
