// The tree's keyboard (WAI-ARIA Authoring Practices, treeview) and its type-ahead.
//
// Type-ahead as the APG has it listens to key presses: a character moves focus to the next node
// that starts with what was typed. Chinese typed with an input method never arrives that way
// (an IME composes only in an editable element, and a treeitem is not one). So a character that
// finds nothing opens the jump box: a small text field, where an input method works, that
// follows what is composed (`compositionend`) or typed (`input`) to the first node starting
// with it (else containing it); Enter goes there, Escape back.

import { h } from './dom.js';
import { startsWith, foldText } from './search.js';

/** Characters typed within this many milliseconds add up. */
const TYPED_MS = 700;

export function onKey(view, e) {
  const i = view.focusId;
  if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
  let handled = true;
  // A key that moves or chooses ends what was being typed ahead.
  if (e.key.length !== 1 || e.key === ' ' || e.key === '*') view.typed = '';
  switch (e.key) {
    case 'ArrowDown':
      view.focus(view.nextShown(i));
      break;
    case 'ArrowUp':
      view.focus(view.prevShown(i));
      break;
    case 'ArrowRight':
      if (view.hasKids(i)) {
        if (view.open[i]) view.focus(view.firstKid(i));
        else view.expand(i);
      }
      break;
    case 'ArrowLeft':
      if (view.isOpen(i)) view.collapse(i);
      else view.focus(view.o.parent(i));
      break;
    case 'Home':
      view.focus(view.firstKid(-1));
      break;
    case 'End':
      view.focus(view.lastShown());
      break;
    case 'Enter':
      view.select(i);
      if (view.hasKids(i)) view.toggle(i);
      break;
    case ' ':
      view.select(i);
      break;
    case '*': {
      const p = view.o.parent(i);
      for (let c = view.firstKid(p); c >= 0; c = view.nextKid(c)) view.expand(c);
      break;
    }
    default:
      handled = e.key.length === 1 && typeAhead(view, e.key);
  }
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}

/**
 * The next shown node after `from` (wrapping around) that starts with `typed`, folded as search
 * folds; with `contains`, one that has it anywhere. -1 when there is none.
 */
export function findFrom(view, from, typed, { contains = false, back = false } = {}) {
  const want = foldText(typed).text;
  if (!want) return -1;
  const fits = (k) => (contains ? view.o.folded(k).text.includes(want) : startsWith(view.o.folded(k), typed));
  const order = [];
  for (let k = view.firstKid(-1); k >= 0; k = view.nextShown(k)) order.push(k);
  const at = order.indexOf(from);
  for (let step = 1; step <= order.length; step++) {
    const k = order[(at + (back ? -step : step) + order.length * 2) % order.length];
    if (k !== undefined && fits(k)) return k;
  }
  return -1;
}

/** Moves focus to the next shown node starting with what was typed; true when the key was used. */
export function typeAhead(view, ch) {
  const now = performance.now();
  view.typed = now - view.typedAt < TYPED_MS ? view.typed + ch : ch;
  view.typedAt = now;
  const k = findFrom(view, view.focusId, view.typed);
  if (k >= 0) {
    view.focus(k);
    return true;
  }
  // A first character that finds nothing may be an input method's first key: the jump box.
  if (view.typed.length === 1) {
    view.typed = ''; // what follows is typed in the box
    view.onMiss(view);
    return true;
  }
  return false;
}

/** The jump box: a text field above the tree for type-ahead with an input method. */
export class JumpBox {
  /** @param {object} s the words  @param {string} prefix id prefix  @param {(text) => void} say the status line */
  constructor(s, prefix, say) {
    this.say = say;
    this.input = h('input', { type: 'text', id: prefix + 'jump', autocomplete: 'off', spellcheck: 'false', placeholder: s.jumpPlaceholder });
    this.el = h('div', { class: 'jump-box', part: 'jump-box', hidden: true }, h('label', { for: prefix + 'jump' }, s.jumpLabel), this.input);
    this.s = s;
    this.view = null;
    const input = this.input;
    input.addEventListener('compositionend', () => this.find());
    input.addEventListener('input', (e) => {
      if (!e.isComposing) this.find();
    });
    input.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return; // the input method's own keys
      if (e.key === 'Enter') this.close(true);
      else if (e.key === 'Escape') this.close(false);
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') this.find(e.key === 'ArrowUp' ? -1 : 1);
      else return;
      e.preventDefault();
      e.stopPropagation();
    });
    input.addEventListener('blur', () => {
      if (this.view) this.close(null);
    });
  }

  /** Opens the box for `view`, from its focused node. */
  open(view) {
    this.view = view;
    this.from = view.focusId;
    this.match = -1;
    this.input.value = '';
    this.el.hidden = false;
    this.input.focus();
  }

  /** Follows the text to a node: the first after where it started, or the next (`step`) match. */
  find(step = 0) {
    const view = this.view;
    const text = this.input.value;
    if (!view) return;
    const from = step && this.match >= 0 ? this.match : this.from;
    const back = step < 0;
    let k = findFrom(view, from, text, { back });
    if (k < 0) k = findFrom(view, from, text, { contains: true, back });
    if (k < 0 && !step && text) {
      this.say(this.s.jumpNone(text));
      return;
    }
    if (k < 0) return;
    this.match = k;
    view.setCurrent(k);
    this.say(this.s.jumpTo(view.o.label(k)));
  }

  /** Closes the box: to the match (`go`), back where it started (false), or leaving focus be (null). */
  close(go) {
    const view = this.view;
    this.view = null;
    this.el.hidden = true;
    if (!view) return;
    view.setCurrent(-1);
    if (go === null) return;
    view.focus(go && this.match >= 0 ? this.match : this.from);
  }
}
