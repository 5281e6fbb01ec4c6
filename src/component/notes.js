// What the parser doubts, said where a reader looks: a short banner at the top for warnings and
// errors (an outline that may be wrong), each jumping to the node at its line, and the full list
// of notes, info included, in a panel after the outline. The words are i18n.js's, by code.

import { h } from './dom.js';

/** Notes listed in the panel; the rest are counted. */
const MAX_PROBLEMS = 300;
/** Lines a banner entry offers to jump to; the rest are counted. */
const MAX_JUMPS = 6;
/** Kinds of doubt the banner lists; the rest are in the notes panel. */
const MAX_KINDS = 3;
/** Narrower than this (CSS pixels, 36rem), the component is on a phone. */
const NARROW = 576;

export class Notes {
  /**
   * @param {HTMLElement} banner  @param {HTMLDetailsElement} panel  @param {object} s the words
   * @param {(id: number) => void} jump shows a node
   */
  constructor(banner, panel, s, jump) {
    Object.assign(this, { banner, panel, s, jump });
  }

  render(o) {
    this.#banner(o);
    this.#panel(o);
  }

  /** A button that jumps to the node at `line`, or the words alone when there is none. */
  #jumper(o, line, words, cls = 'jump') {
    const id = line ? o.nodeAt(line) : -1;
    if (id < 0) return h('span', null, ...[words].flat());
    const b = h('button', { type: 'button', class: cls, part: 'jump' }, ...[words].flat());
    b.addEventListener('click', () => this.jump(id));
    return b;
  }

  #banner(o) {
    const { banner, s } = this;
    banner.replaceChildren();
    const doubts = o.diagnostics.filter((d) => d.severity !== 'info');
    banner.hidden = !doubts.length;
    if (!doubts.length) return;
    // One entry for each kind of doubt, in the order first met: a hundred numbering gaps are
    // one thing to know, with the places to look.
    const groups = new Map();
    for (const d of doubts) {
      if (!groups.has(d.code)) groups.set(d.code, []);
      groups.get(d.code).push(d);
    }
    const list = h('ul');
    for (const all of [...groups.values()].slice(0, MAX_KINDS)) {
      const [what, why] = s.noteParts(all[0]);
      const li = h('li', { class: `sev-${all[0].severity}` }, this.#jumper(o, all[0].line, [what, h('span', { class: 'why' }, why)]));
      const rest = all.slice(1).filter((d) => d.line);
      if (rest.length) {
        const also = h('span', { class: 'also' }, s.alsoAt);
        for (const d of rest.slice(0, MAX_JUMPS)) also.append(' ', this.#jumper(o, d.line, s.line(d.line), 'jump at'));
        if (rest.length > MAX_JUMPS) also.append(' ', s.andMore(rest.length - MAX_JUMPS));
        li.append(' ', also);
      }
      list.append(li);
    }
    if (groups.size > MAX_KINDS) list.append(h('li', { class: 'also' }, s.moreKinds(groups.size - MAX_KINDS)));
    // Open, unless on a phone it would push the outline off the first screen: then one line,
    // which opens to the list.
    const narrow = (banner.parentElement?.clientWidth ?? 0) < NARROW;
    const open = !narrow || groups.size <= 2;
    banner.append(h('details', { open }, h('summary', { class: 'banner-title' }, s.doubtTitle(doubts.length)), list));
  }

  #panel(o) {
    const { panel, s } = this;
    const all = o.diagnostics;
    panel.replaceChildren();
    panel.hidden = !all.length;
    if (!all.length) return;
    const list = h('ul');
    // A broken document can have thousands; the first few hundred say enough.
    for (const d of all.slice(0, MAX_PROBLEMS)) list.append(h('li', { class: `sev-${d.severity}` }, this.#jumper(o, d.line, s.diagnostic(d))));
    if (all.length > MAX_PROBLEMS) list.append(h('li', null, s.more(all.length - MAX_PROBLEMS)));
    panel.append(h('summary', null, s.problems(all.length)), list);
  }
}
