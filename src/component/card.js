// The meeting card: what the header says, compactly, so that the outline is in view at once.
// A title, then date, time and place on one line and chair and recorder on the next; the
// attendees as a count that opens to the list; and the header's lines as written, which the
// tree does not repeat (model.js: the tree starts at the body), so that every character of the
// text stays on the page.

import { h } from './dom.js';
import { rocDate } from './dates.js';

const person = (p) => [p.unit, p.name, p.title].filter(Boolean).join(' ') || p.raw;

export class Card {
  /** @param {HTMLElement} el the card's <section>  @param {object} s the interface's words */
  constructor(el, s) {
    this.el = el;
    this.s = s;
    this.source = null; // the <details> of the header's lines
    this.lines = new Map(); // header node id → its <li>
  }

  /** Fills the card for an outline (model.js), or hides it when the header says nothing. */
  render(o) {
    const { el, s } = this;
    const meta = o.meta ?? {};
    el.replaceChildren();
    this.lines.clear();
    this.source = null;
    const has = meta.title || meta.date || meta.chair || meta.attendees?.length || o.bodyStart > 0;
    el.hidden = !has;
    if (!has) return;
    el.setAttribute('aria-label', s.meeting);
    // A title that names its body already (臺北市都市計畫委員會第640次…) does not get it twice.
    const title = meta.body && meta.title?.startsWith(meta.body) ? meta.title : [meta.body, meta.title].filter(Boolean).join(' ');
    if (title) el.append(h('h2', { part: 'title' }, title, meta.edition ? h('span', { class: 'note' }, `（${meta.edition}）`) : ''));

    const facts = (...pairs) => {
      const dl = h('dl', { class: 'facts' });
      for (const [term, ...value] of pairs.filter(Boolean)) dl.append(h('div', null, h('dt', null, term), h('dd', null, ...value)));
      return dl.children.length ? dl : '';
    };
    const weekday = meta.weekday ? `（${meta.weekday}）` : '';
    el.append(
      facts(
        meta.date && [s.date, h('time', { datetime: meta.date }, `${rocDate(meta.date)}${weekday}`), h('span', { class: 'note' }, ` ${meta.date}`)],
        meta.start && [s.time, meta.end ? `${meta.start}–${meta.end}` : meta.start],
        meta.location && [s.place, meta.location],
      ),
      facts(meta.chair && [s.chair, person(meta.chair)], meta.recorder && [s.recorder, person(meta.recorder)]),
    );

    const more = h('div', { class: 'more' });
    const attendees = meta.attendees ?? [];
    const observers = meta.observers ?? [];
    if (attendees.length || observers.length) {
      const absent = attendees.filter((a) => a.status === 'absent').length;
      const subs = attendees.filter((a) => a.status === 'substituted').length;
      const people = h('details', { class: 'people' }, h('summary', null, s.tally(attendees.length, absent, subs, observers.length)));
      if (attendees.length) people.append(h('h3', null, s.attendees), this.#people(attendees));
      if (observers.length) people.append(h('h3', null, s.observers), this.#people(observers));
      more.append(people);
    }
    if (o.bodyStart > 0) {
      const list = h('ol', { class: 'lines' });
      for (let i = 0; i < o.bodyStart; i++) {
        const li = h('li', { tabindex: '-1', 'data-id': String(i) }, o.marker(i) + o.text(i));
        this.lines.set(i, li);
        list.append(li);
      }
      this.source = h('details', { class: 'source' }, h('summary', null, s.headerLines(o.bodyStart)), list);
      more.append(this.source);
    }
    if (more.children.length) el.append(more);
  }

  #people(list) {
    const { s } = this;
    const ul = h('ul', { class: 'people-list' });
    for (const a of list) {
      const li = h('li', null, h('span', { class: 'who' }, person(a)));
      if (a.status === 'absent') {
        li.className = 'absent';
        li.append(h('span', { class: 'note' }, `（${s.absent}）`));
      } else if (a.status === 'substituted' && a.substitute) {
        li.className = 'substituted';
        li.append(h('span', { class: 'note' }, `（${s.substitutedBy(person(a.substitute))}）`));
      }
      ul.append(li);
    }
    return ul;
  }

  /** Shows a header node: opens the header's lines and focuses its line. */
  reveal(id, { focus = true } = {}) {
    const li = this.lines.get(id);
    if (!li) return false;
    this.source.open = true;
    if (focus) li.focus();
    else li.scrollIntoView?.({ block: 'nearest' });
    return true;
  }
}
