// The element's interface, assembled: the parts (card, banner and notes, toolbar, status line,
// jump box, trees) in their order on screen, wired to what the element does. Built once, and
// again when the language changes; the live regions (live.js) are the element's and kept.

import { h } from './dom.js';
import * as filter from './filter.js';
import { Card } from './card.js';
import { Notes } from './notes.js';
import { Toolbar } from './toolbar.js';
import { Views } from './views.js';
import { JumpBox } from './keys.js';

/**
 * The parts for an element: `{ main, card, notes, toolbar, views, jump, trees }`.
 * `api` is what they call: state() and apply(state) for the filters, expandAll/collapseAll,
 * copyView(), copyNode(id), export(kind), clear(), select(id), reveal(id).
 */
export function build({ s, prefix: p, live, api }) {
  const say = (text) => live.say(text);
  const parts = {};
  parts.toolbar = new Toolbar(s, p, {
    change: (changes) => {
      const next = filter.normalise({ ...api.state(), node: -1, ...changes });
      if (!filter.same(next, api.state())) api.apply(next);
    },
    step: (dir) => {
      const words = parts.views.step(dir);
      if (words) say(words);
    },
    setAll: (open) => (open ? api.expandAll() : api.collapseAll()),
    copy: () => api.copyView(),
    export: (kind) => api.export(kind),
    clear: () => api.clear(),
    slow: () => parts.views.ms > 50,
  });
  parts.jump = new JumpBox(s, p, say);
  parts.trees = h('div', { class: 'trees' });
  parts.views = new Views({
    container: parts.trees,
    live,
    s,
    prefix: p,
    onSelect: (id) => api.select(id),
    onLink: (id) => api.copyNode(id),
    onMiss: (view) => parts.jump.open(view),
  });
  parts.card = new Card(h('section', { class: 'card', part: 'card', hidden: true }), s);
  parts.notes = new Notes(
    h('section', { class: 'banner', part: 'banner', hidden: true }),
    h('details', { class: 'problems', part: 'problems', hidden: true }),
    s,
    (id) => api.reveal(id),
  );
  parts.main = h(
    'div',
    { class: 'mo', lang: s.lang },
    live.alert,
    parts.notes.banner,
    parts.card.el,
    parts.toolbar.el,
    h('div', { class: 'statusbar' }, live.status, parts.toolbar.ui.clear),
    live.progress,
    parts.jump.el,
    parts.trees,
    parts.notes.panel,
  );
  return parts;
}

/** Fills the parts for an outline: the card, the notes, the units' toggles. */
export function fill(parts, o, onUnit) {
  parts.card.render(o);
  parts.notes.render(o);
  parts.toolbar.setUnits(o.units, onUnit);
}
