// Types for pkg/minutes-outline.js, the drop-in <minutes-outline> element.
//
// The script is not an ES module with exports: loading it (a classic <script src>, a
// <script type="module">, or `import 'minutes-outline'`) defines the element and a global
// `MinutesOutline` object with the parser. So everything here is a type: the element's class,
// its events, and the document model (docs/MODEL.md, docs/schema.json), which is what
// `parse(text)` of pkg/parser.js returns too (its parser.d.ts, made by wasm-bindgen, says `any`).
//
//   import 'minutes-outline';                        // defines the element (once, anywhere)
//   import type { MinutesDocument } from 'minutes-outline';
//   const el = document.querySelector('minutes-outline')!; // typed MinutesOutline
//   el.addEventListener('mo-select', (e) => e.detail.node.text);
//
// docs/COMPONENT.md is the reference; tests/browser/api.test.mjs checks that this file, the
// Custom Elements Manifest (custom-elements.json) and the code agree.

// ----- the document model (schema version 1) ------------------------------------------------------

/** A person as written in the header: `韌性建設司牛司長信仁` is unit, name and title. */
export interface MinutesPerson {
  name: string | null;
  title: string | null;
  unit: string | null;
  /** The text as written. */
  raw: string;
}

export type MinutesAttendeeStatus = 'present' | 'absent' | 'substituted';

/** A person listed as present, absent (`（請假）`) or represented (`（陳高級分析師坤中代）`). */
export interface MinutesAttendee extends MinutesPerson {
  status: MinutesAttendeeStatus;
  /** Who came instead, for `status: "substituted"`. */
  substitute?: MinutesPerson;
}

/** The meeting, from the header. */
export interface MinutesMeta {
  body: string | null;
  title: string | null;
  number: number | null;
  edition: string | null;
  /** ISO date, `"2025-11-20"`. */
  date: string | null;
  weekday: string | null;
  /** `"HH:MM"`. */
  start: string | null;
  /** `"HH:MM"`. */
  end: string | null;
  location: string | null;
  chair: MinutesPerson | null;
  recorder: MinutesPerson | null;
  attendees: MinutesAttendee[];
  observers: MinutesAttendee[];
}

export type MinutesNodeKind =
  | 'title'
  | 'field'
  | 'section'
  | 'agenda'
  | 'label'
  | 'item'
  | 'heading'
  | 'paragraph'
  | 'table'
  | 'appendix';

export type MinutesNodeRole =
  | 'date'
  | 'location'
  | 'chair'
  | 'recorder'
  | 'attendees'
  | 'observers'
  | 'absent'
  | 'publisher'
  | 'subject'
  | 'explanation'
  | 'method'
  | 'decision'
  | 'opinion'
  | 'response'
  | 'note'
  | 'unit'
  | 'person'
  | 'opening'
  | 'previous-minutes'
  | 'report'
  | 'discussion'
  | 'election'
  | 'motion'
  | 'award'
  | 'instructions'
  | 'other'
  | 'adjourn'
  | 'appendix';

/** `[start, end)` in the node's text, in UTF-16 code units. */
export type MinutesSpan = [start: number, end: number];

export interface MinutesDate {
  /** As written: `"114年10月24至28日"`. */
  text: string;
  /** An ISO date or range: `"2025-10-24/2025-10-28"`; `"--MM-DD"` when the year is unknown. */
  iso: string;
  from: string | null;
  to: string | null;
  at: MinutesSpan;
}

export type MinutesCurrency = 'TWD' | 'USD' | 'EUR' | 'JPY' | 'CNY' | 'HKD';

export interface MinutesAmount {
  text: string;
  /** Whole units of `currency`: `34億6,950萬6千元` is 3469506000. */
  value: number;
  currency: MinutesCurrency;
  at: MinutesSpan;
}

export interface MinutesPercentage {
  text: string;
  value: number;
  at: MinutesSpan;
}

/** A node of the outline. */
export interface MinutesNode {
  /** Position in document order, stable for the same text. */
  id: number;
  kind: MinutesNodeKind;
  /** The numbering as written, `"（一）"`; `""` when none. */
  marker: string;
  /** The marker's number; 0 when none. */
  ordinal: number;
  /** An inserted item's number: `一之一、` is ordinal 1, sub 1. */
  sub?: number;
  /** The marker's style written with 1 (`"（一）"`, `"1、"`), or an agenda counter's word. */
  style: string | null;
  /** The label the text starts with, without letter-spacing: `"說明"`. */
  label: string | null;
  role: MinutesNodeRole | null;
  /** UTF-16 length of the label as written at the start of `text`, colon included. */
  labelLen?: number;
  /** The text after the marker. */
  text: string;
  /** 1-based line where the node starts. */
  line: number;
  /** 1-based line where its own text ends. */
  endLine: number;
  /** 0 at the top level. */
  depth: number;
  /** The reporting unit it belongs to. */
  unit: string | null;
  dates: MinutesDate[];
  amounts: MinutesAmount[];
  percentages: MinutesPercentage[];
  /** For tables: rows of cells. */
  rows?: string[][];
  children: MinutesNode[];
}

export type MinutesDiagnosticCode =
  | 'empty-input'
  | 'binary-input'
  | 'control-characters'
  | 'not-chinese'
  | 'no-structure'
  | 'numbering-gap'
  | 'numbering-repeat'
  | 'numbering-start'
  | 'style-depth'
  | 'weekday-mismatch'
  | 'header-unreadable'
  | 'depth-limit'
  | 'heading-holds-items'
  | 'top-level-fragments'
  | 'bare-numbers'
  | 'lines-lost'
  | 'embedded-object';

export type MinutesSeverity = 'error' | 'warning' | 'info';

/** What the parser could not understand. */
export interface MinutesDiagnostic {
  code: MinutesDiagnosticCode;
  severity: MinutesSeverity;
  /** 1-based; 0 for the whole document. */
  line: number;
  message: string;
  expected?: string;
  found?: string;
}

/** A page-number line (`-1-`), which carries no content. */
export interface MinutesPage {
  line: number;
  text: string;
}

/** What `parse(text)` returns and `<minutes-outline>`'s `document` holds (docs/MODEL.md). */
export interface MinutesDocument {
  schema: 1;
  meta: MinutesMeta;
  outline: MinutesNode[];
  diagnostics: MinutesDiagnostic[];
  /** Reporting units, in order of first appearance. */
  units: string[];
  pages: MinutesPage[];
  /** Lines in the input. */
  lines: number;
  /** Id of the first node of the body; the nodes before it are the front matter (title lines,
   * header fields, web-page chrome) that `meta` reads. */
  bodyStart: number;
}

// ----- the element ---------------------------------------------------------------------------------

/** `kind` filter values: everything, decisions (決定, 決議 … and what they hold), agenda items. */
export type MinutesOutlineKind = '' | 'decision' | 'agenda';

/** The filters in force, as `filter` gives them and the URL fragment holds them. */
export interface MinutesOutlineFilter {
  /** Search words; a node is kept when its marker and text contain every one. */
  q: string;
  /** Reporting units; a node is kept when it belongs to one of them. */
  units: string[];
  /** ISO date (`"2025-11-12"`) or `""`: keeps nodes with a date on or after it. */
  from: string;
  /** ISO date or `""`: keeps nodes with a date on or before it. */
  to: string;
  kind: MinutesOutlineKind;
  /** Opens the tree to this many levels; 0 for all. Not a filter: it hides nothing. */
  depth: number;
  /** The node a link points at (revealed and focused), or -1. */
  node: number;
}

/** What `setFilter()` takes: the fields to change. A single unit may be given as a string. */
export interface MinutesOutlineFilterChanges {
  q?: string;
  units?: string[] | string;
  from?: string;
  to?: string;
  kind?: MinutesOutlineKind;
  depth?: number;
  node?: number;
}

/** `mo-ready`: the outline is parsed and rendered. */
export interface MinutesOutlineReadyDetail {
  /** Nodes in the outline. */
  nodes: number;
  /** Diagnostics (parser notes). */
  diagnostics: number;
}

/** `mo-filter`: the filters changed. */
export interface MinutesOutlineFilterDetail {
  filter: MinutesOutlineFilter;
  /** Nodes that pass the filters (without the ancestors shown with them); all the body's nodes when none narrows. */
  matches: number;
}

/** The node in `mo-select`'s detail: the fields the component has without building the model. */
export interface MinutesOutlineSelectedNode {
  id: number;
  kind: MinutesNodeKind;
  marker: string;
  text: string;
  line: number;
  unit: string | null;
}

/** `mo-select`: a node was chosen (clicked, Enter or Space, or `reveal()`). */
export interface MinutesOutlineSelectDetail {
  id: number;
  node: MinutesOutlineSelectedNode;
  /** `linkTo(id)`: this page with the node in the fragment. */
  link: string;
}

/** What `read()` takes besides the source. */
export interface MinutesOutlineReadOptions {
  /** The language of the error's message: `en…` for English, 繁體中文 otherwise; the page's by default. */
  lang?: string;
  /** Seconds a download may stay silent before it gives up (30). */
  timeout?: number;
  /** Stops the read; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Bytes read so far, of `total` (0 when the size is not known). */
  onProgress?: (got: number, total: number) => void;
}

/**
 * Why `read()`, `load()` (or `src`) found no text: the file or URL, then a document that could
 * not be read (docs/FORMATS.md).
 */
export type MinutesOutlineReadErrorCode =
  | 'http'
  | 'network'
  | 'cors'
  | 'policy'
  | 'offline'
  | 'timeout'
  | 'not-text'
  | 'html'
  | 'too-large'
  | 'unreadable'
  | 'scanned-pdf'
  | 'encrypted-pdf'
  | 'corrupt-pdf'
  | 'encrypted-document'
  | 'corrupt-zip'
  | 'corrupt-document'
  | 'legacy-doc'
  | 'spreadsheet'
  | 'presentation'
  | 'unknown-format'
  | 'load-failed';

/** The error `read()` and `load()` reject with: `message` says why for a reader, `code` for a script. */
export interface MinutesOutlineReadError extends Error {
  code: MinutesOutlineReadErrorCode;
  /** For `http`: the status the server answered. */
  status?: number;
  /** For a document's codes: the reader's own words (English, for a developer). */
  detail?: string;
}

/** `mo-error`: a load or a parse failed; `message` is what the component shows. */
export interface MinutesOutlineErrorDetail {
  message: string;
}

/** The element's events. None bubbles: listen on the element itself. */
export interface MinutesOutlineEventMap extends HTMLElementEventMap {
  'mo-ready': CustomEvent<MinutesOutlineReadyDetail>;
  'mo-filter': CustomEvent<MinutesOutlineFilterDetail>;
  'mo-select': CustomEvent<MinutesOutlineSelectDetail>;
  'mo-error': CustomEvent<MinutesOutlineErrorDetail>;
}

/**
 * `<minutes-outline>`: minutes text in, a meeting card, filters and an ARIA tree out.
 *
 * The class is not a global and not an export: get it with
 * `customElements.get('minutes-outline')`. (The global `MinutesOutline` is the parser object.)
 */
declare class MinutesOutline extends HTMLElement {
  /** `decode(bytes, contentType)`: the text of a fetched or opened file (UTF-8, UTF-16 with a BOM, the declared charset, or Big5). */
  static decode(buffer: ArrayBuffer | Uint8Array, contentType?: string): string;

  /**
   * The text of a URL or of a File or Blob, read as `src` is: the same limit, decoding and
   * refusals; an .odt, .docx or PDF gives its lines (without their hints: `load()` keeps them).
   * Rejects with a `MinutesOutlineReadError`, its `message` in words for a reader.
   */
  static read(source: string | URL | Blob, options?: MinutesOutlineReadOptions): Promise<string>;

  /**
   * The minutes text. Setting it parses and renders it; it then wins over `src` and the inline
   * text until it is set to `null`. Reading it gives the text set, or else the text parsed last.
   */
  get text(): string;
  set text(value: string | null | undefined);

  /** Reflects the `src` attribute: a URL to fetch the text from. */
  src: string;

  /**
   * Reads a URL or a File or Blob as `src` is (text, .odt, .docx or PDF) and shows it, parsed
   * with what a document says of its lines. Resolves when it is shown; rejects with a
   * `MinutesOutlineReadError` when it cannot be read (the outline shown stays, the alert says
   * why), or with an `AbortError` when other text is given first. `text` is then its text.
   */
  load(source: string | URL | Blob): Promise<void>;

  /** Resolves (never rejects) when the text given last is done with: rendered, or failed with `mo-error`. */
  readonly ready: Promise<void>;

  /** The parsed model (every node, the header's included), or `null` before the first outline. */
  readonly document: MinutesDocument | null;

  /** A copy of the filters in force. */
  readonly filter: MinutesOutlineFilter;

  /** Changes some filters, keeping the others (and clearing `node` unless given). */
  setFilter(changes?: MinutesOutlineFilterChanges): void;

  /** Clears every filter, keeping the depth. */
  clearFilter(): void;

  /** Opens every node of the view; the promise settles when it is rendered. `undefined` before the first outline. */
  expandAll(): Promise<void> | undefined;

  /** Closes every node of the view. `undefined` before the first outline. */
  collapseAll(): Promise<void> | undefined;

  /** Shows node `id` (opening its ancestors, leaving a filter that hides it), selects it and focuses it; false for no such node. */
  reveal(id: number, options?: { focus?: boolean }): boolean;

  /**
   * A link to node `id` (named by its path of markers and a fingerprint of its text), or to the
   * current view when `id` is left out (or -1): this page with the state in the fragment.
   */
  linkTo(id?: number): string;

  addEventListener<K extends keyof MinutesOutlineEventMap>(
    type: K,
    listener: (this: MinutesOutline, ev: MinutesOutlineEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof MinutesOutlineEventMap>(
    type: K,
    listener: (this: MinutesOutline, ev: MinutesOutlineEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export type { MinutesOutline };

/** The global `MinutesOutline`: the parser, for scripts that want the model without an element. */
export interface MinutesOutlineParser {
  /**
   * The model of `text` (the WebAssembly is compiled on first use). `hints`: one byte a line, as
   * a document reader gives them (docs/FORMATS.md): a list level + 1, or 255 for page furniture.
   */
  parse(text: string, hints?: Uint8Array | number[] | null): Promise<MinutesDocument>;
  /** The model's schema version: 1. */
  schemaVersion(): Promise<number>;
  /** As the element's static `decode`. */
  decode(buffer: ArrayBuffer | Uint8Array, contentType?: string): string;
  /** As the element's static `read`. */
  read(source: string | URL | Blob, options?: MinutesOutlineReadOptions): Promise<string>;
}

/** Attributes for JSX (Preact, Solid, React 18's global JSX; see docs/COMPONENT.md for React 19). */
export interface MinutesOutlineAttributes {
  src?: string;
  lang?: string;
  'sync-url'?: boolean | '';
  timeout?: number | string;
  /** Set as a property by frameworks that set properties on custom elements (React 19, Vue, Lit). */
  text?: string | null;
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  style?: unknown;
  slot?: string;
  key?: string | number;
  ref?: unknown;
  children?: unknown;
}

type MinutesOutlineElement = MinutesOutline;
type MinutesOutlineConstructor = typeof MinutesOutline;

declare global {
  interface HTMLElementTagNameMap {
    'minutes-outline': MinutesOutlineElement;
  }
  interface CustomElementRegistry {
    get(name: 'minutes-outline'): MinutesOutlineConstructor | undefined;
  }
  /** Set by pkg/minutes-outline.js (unless the page already has a global of that name). */
  var MinutesOutline: MinutesOutlineParser;
  namespace JSX {
    interface IntrinsicElements {
      'minutes-outline': MinutesOutlineAttributes;
    }
  }
}
