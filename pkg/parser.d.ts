/* tslint:disable */
/* eslint-disable */

/**
 * The outline of `text` as CSV, one row a node kept (see `markdown`).
 */
export function csv(text: string, keep?: Uint8Array | number[] | null, hints?: Uint8Array | number[] | null): string;

/**
 * The outline of `text` as Markdown: the nodes whose byte in `keep` is not 0 (without `keep`,
 * the body). `hints` as for `parse`.
 */
export function markdown(text: string, keep?: Uint8Array | number[] | null, hints?: Uint8Array | number[] | null): string;

/**
 * Parses minutes text; returns `{ schema, meta, outline, diagnostics, units, pages, lines,
 * bodyStart }`. `hints` (optional, one byte a line) is what a reader of the original file knew
 * of each line: see `parse_with`.
 */
export function parse(text: string, hints?: Uint8Array | number[] | null): any;

/**
 * Parses minutes text into flat columns; node texts are UTF-16 ranges of `text`. `hints` as for
 * `parse`. With `model`, the whole model (`parse`'s result) comes along as `model`, from the
 * same parse: for a caller that will want both.
 */
export function parseFlat(text: string, hints?: Uint8Array | number[] | null, model?: boolean | null): any;

export function schemaVersion(): number;

export function start(): void;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly csv: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
    readonly markdown: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
    readonly parse: (a: number, b: number, c: number, d: number) => any;
    readonly parseFlat: (a: number, b: number, c: number, d: number, e: number) => any;
    readonly schemaVersion: () => number;
    readonly start: () => void;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
