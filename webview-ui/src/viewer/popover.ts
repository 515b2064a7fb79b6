/**
 * Drop-down surfaces of the filter bar: one at a time, anchored under the button that opened it,
 * closed by Escape, Tab or a click elsewhere (focus goes back to the button). Menus follow the ARIA
 * menu pattern: arrow keys move, Space/Enter toggle or choose, typing a letter jumps.
 */
import { clear, h } from '../shared/dom';

let current: { el: HTMLElement; anchor: HTMLElement } | undefined;

export function closePopover(returnFocus = true): void {
  const c = current;
  if (!c) return;
  current = undefined;
  c.el.remove();
  c.anchor.setAttribute('aria-expanded', 'false');
  if (returnFocus) c.anchor.focus();
}

/** Opens `content` under `anchor` (toggling it closed when already open there). */
export function openPopover(anchor: HTMLElement, content: HTMLElement, label: string): HTMLElement | undefined {
  if (current?.anchor === anchor) {
    closePopover();
    return undefined;
  }
  closePopover(false);
  const el = h('div', { className: 'popover', attrs: { 'aria-label': label } }, content);
  document.body.appendChild(el);
  const r = anchor.getBoundingClientRect();
  const width = el.offsetWidth;
  el.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - width - 8))}px`;
  const below = r.bottom + 2;
  const room = window.innerHeight - below - 8;
  el.style.top = `${below}px`;
  el.style.maxHeight = `${Math.max(160, room)}px`;
  anchor.setAttribute('aria-expanded', 'true');
  current = { el, anchor };
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closePopover();
    } else if (e.key === 'Tab') {
      closePopover(false);
    }
  });
  return el;
}

document.addEventListener('mousedown', (e) => {
  if (current && !current.el.contains(e.target as Node) && !current.anchor.contains(e.target as Node)) closePopover(false);
});
window.addEventListener('blur', () => closePopover(false));

export interface MenuItem {
  id: string;
  label: string;
  /** Muted words after the label (a count, an application's name). */
  detail?: string;
  /** Codicon name shown before the label. */
  icon?: string;
  iconClass?: string;
  /** Present: a checkbox item (or a radio item with `radio`); absent: a plain command. */
  checked?: boolean;
  /** One of a set (menuitemradio): choosing it closes the menu. */
  radio?: boolean;
}

/**
 * A menu of items under `anchor`. Checkbox items stay open while toggled (several can be picked);
 * plain items close the menu when chosen.
 */
export function openMenu(anchor: HTMLElement, label: string, items: MenuItem[], choose: (id: string, checked: boolean) => void): void {
  const list = h('div', { attrs: { role: 'menu', 'aria-label': label } });
  const els: HTMLElement[] = [];
  const render = (): void => {
    clear(list);
    els.length = 0;
    for (const item of items) {
      const isCheck = item.checked !== undefined;
      const role = item.radio ? 'menuitemradio' : isCheck ? 'menuitemcheckbox' : 'menuitem';
      const el = h(
        'div',
        {
          className: 'menu-item',
          attrs: { role, tabindex: -1, 'aria-checked': isCheck ? String(item.checked) : undefined },
          on: { click: () => activate(item) },
        },
        h('span', { className: `codicon ${isCheck ? (item.checked ? 'codicon-check' : 'codicon-blank') : 'codicon-blank'}`, attrs: { 'aria-hidden': 'true' } }),
        item.icon ? h('span', { className: `codicon codicon-${item.icon} ${item.iconClass ?? ''}`, attrs: { 'aria-hidden': 'true' } }) : null,
        h('span', { className: 'menu-label', text: item.label }),
        item.detail ? h('span', { className: 'menu-detail muted', text: item.detail }) : null,
      );
      els.push(el);
      list.appendChild(el);
    }
  };
  const activate = (item: MenuItem): void => {
    if (item.checked === undefined || item.radio) {
      closePopover();
      choose(item.id, true);
      return;
    }
    item.checked = !item.checked;
    const at = items.indexOf(item);
    render();
    els[at]?.focus();
    choose(item.id, item.checked);
  };
  list.addEventListener('keydown', (e) => {
    const at = els.indexOf(document.activeElement as HTMLElement);
    const move = (to: number): void => {
      e.preventDefault();
      els[(to + els.length) % els.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(els.length - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      e.preventDefault();
      activate(items[at]!);
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      const k = items.findIndex((it, i) => i > at && it.label.toLowerCase().startsWith(e.key.toLowerCase()));
      const first = k >= 0 ? k : items.findIndex((it) => it.label.toLowerCase().startsWith(e.key.toLowerCase()));
      if (first >= 0) move(first);
    }
  });
  render();
  if (openPopover(anchor, list, label)) (els[items.findIndex((i) => i.radio && i.checked)] ?? els[0])?.focus();
}

/**
 * A toolbar button that opens a menu: a native button styled as VS Code's secondary button (the
 * toolkit's button squeezes an icon, a label and a chevron), with the ARIA popup attributes.
 */
export function menuButton(label: string, icon: string, open: () => void): HTMLButtonElement {
  return h(
    'button',
    { className: 'tool-button', attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, on: { click: open } },
    h('span', { className: `codicon codicon-${icon}`, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'button-label', text: label }),
    h('span', { className: 'codicon codicon-chevron-down', attrs: { 'aria-hidden': 'true' } }),
  );
}
