/**
 * DOM building without HTML strings: log text is hostile (names come from HR systems and apps), so
 * it only ever reaches the page through textContent and attributes set one by one, with direction
 * overrides and other hidden characters shown as ⟨U+202E⟩ rather than obeyed.
 */
import { revealControls } from '../../../src/core/common/safeText';

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, options?: ElementOptions, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, options?: ElementOptions, ...children: Child[]): HTMLElement;
export function h(tag: string, options: ElementOptions = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (options.className) el.className = options.className;
  if (options.text !== undefined) el.textContent = revealControls(options.text);
  if (options.title !== undefined) el.title = revealControls(options.title);
  for (const [k, v] of Object.entries(options.attrs ?? {})) {
    if (v === undefined || v === false) continue;
    const value = v === true ? '' : String(v);
    // Screen readers speak aria-* as they do text; other attributes (data-*, id, value) hold keys
    // that must come back unchanged.
    el.setAttribute(k, k.startsWith('aria-') ? revealControls(value) : value);
  }
  for (const [type, fn] of Object.entries(options.on ?? {})) {
    el.addEventListener(type, fn as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(revealControls(c)) : c);
  }
}

/** Removes every child (cheaper and safer than assigning markup). */
export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replaces the children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, ...children);
}

/**
 * Appends `text` (revealed) with line-break opportunities after `@` and before `.`, `_`, `-` and `/`:
 * a narrow panel wraps an e-mail address or a long code where a reader expects it
 * ("first.last@" / "contoso.com"), not in the middle of a word. Text nodes and <wbr> only.
 */
export function appendBreakable(parent: Node, text: string): void {
  const parts = revealControls(text).split(/(?<=@)|(?=[._\-/](?=[^._\-/]))/);
  parts.forEach((part, k) => {
    if (k > 0) parent.appendChild(document.createElement('wbr'));
    parent.appendChild(document.createTextNode(part));
  });
}
