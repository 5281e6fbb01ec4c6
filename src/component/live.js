// What the component says while it works: the status line (role=status: counts, progress,
// "link copied"), the alert (role=alert: a failed load or parse) and the progress bar. They are
// made once per element and kept across rebuilds of the interface: a live region made again is
// announced again, or not at all.

import { h } from './dom.js';

export class Live {
  constructor(prefix) {
    this.status = h('div', { class: 'status', id: prefix + 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.progress = h('progress', { class: 'progress', part: 'progress', hidden: true, 'aria-labelledby': prefix + 'status' });
    // Errors are an alert, apart from the status, so that the outline's count does not hide them.
    this.alert = h('div', { class: 'alert', part: 'alert', role: 'alert' });
    this.spoke = 0;
  }

  say(text) {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  warn(text) {
    if (this.alert.textContent !== text) this.alert.textContent = text;
  }

  /** The progress bar: `value` of `max`, indeterminate without them, hidden with null. */
  busy(value, max) {
    const bar = this.progress;
    bar.hidden = value === null;
    if (value == null || !max) bar.removeAttribute('value');
    else {
      bar.max = max;
      bar.value = value;
    }
  }

  /** Copies a link and says so (`words`); where the clipboard is refused, shows the link. */
  async copy(link, words, s) {
    try {
      await navigator.clipboard.writeText(link);
      this.say(words);
    } catch {
      // No clipboard (an insecure page, or permission refused).
      this.say(`${s.linkIs} ${link}`);
    }
  }

  /**
   * Progress in the bar at once, in words at most a few times a second (a live region that
   * changes with every piece would talk without end).
   */
  progressed(text, value, max) {
    this.busy(value, max);
    const now = performance.now();
    if (now - this.spoke < 250 && this.status.textContent) return;
    this.spoke = now;
    this.say(text);
  }
}
