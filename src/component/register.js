// Defines <minutes-outline> with a parser (dropin.js gives the WebAssembly one). Loading the
// script twice defines it once: the second copy finds the tag taken and does nothing.

import { MinutesOutline } from './element.js';
import { useParser } from './parse-client.js';

export function define(parser) {
  if (customElements.get('minutes-outline')) return;
  useParser(parser);
  customElements.define('minutes-outline', MinutesOutline);
}
