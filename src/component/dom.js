// The few DOM helpers every part of the component uses. Elements are made with createElement
// and text nodes only: text from the minutes never goes through an HTML parser.

/**
 * An element: `h('button', { type: 'button', part: 'button' }, 'text', child)`. Attributes with
 * `true` are set empty, `null`, `undefined` and `false` are left out.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === true) el.setAttribute(k, '');
      else if (v != null && v !== false) el.setAttribute(k, v);
    }
  }
  el.append(...children);
  return el;
}

/** A promise of the next task: lets the page paint and answer input in between. */
export const nextTask = () => new Promise((ok) => setTimeout(ok));

/** A promise of the frame after next: what was changed has been laid out and painted. */
export const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
