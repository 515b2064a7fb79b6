/**
 * The page's frame, built once: a header slot, the portal's four tabs (toolkit panels: arrow keys,
 * Home and End move between tabs) and a slot for "nothing to show" states. Each render replaces
 * the header and the four tab bodies.
 */
import { DETAIL_TABS, DETAIL_TAB_LABELS, type DetailTab, type DetailView, type EmptyView } from '../../../src/shared/detailProtocol';
import { h, replaceChildren } from '../shared/dom';
import { icon } from '../shared/icons';
import { ui } from '../shared/toolkit';
import { renderHeader } from './header';
import { renderModified } from './modifiedTab';
import { renderSteps } from './stepsTab';
import { renderSummary } from './summaryTab';
import { renderTroubleshooting } from './troubleshootingTab';
import { button, type Post } from './widgets';

const tabId = (t: DetailTab): string => `tab-${t}`;

/** Beside an editor the panel is narrow: the two long labels get a short form there (CSS picks one). */
const SHORT_LABELS: Readonly<Record<DetailTab, string>> = {
  steps: 'Steps',
  troubleshooting: 'Troubleshooting',
  modified: 'Modified',
  summary: 'Summary',
};

function tabLabel(t: DetailTab): HTMLElement[] {
  if (SHORT_LABELS[t] === DETAIL_TAB_LABELS[t]) return [h('span', { text: DETAIL_TAB_LABELS[t] })];
  return [h('span', { className: 'label-long', text: DETAIL_TAB_LABELS[t] }), h('span', { className: 'label-short', text: SHORT_LABELS[t] })];
}

export interface Layout {
  root: HTMLElement;
  showView(view: DetailView, tab: DetailTab, keepScroll: boolean): void;
  showEmpty(empty: EmptyView): void;
  activeTab(): DetailTab | null;
  focusTabs(): void;
  /** What a person reads on the page now (header and the active tab), for snapshots. */
  visibleText(): string;
}

interface PanelsElement extends HTMLElement {
  activeid?: string;
}

export function createLayout(post: Post, onTabChosen: (tab: DetailTab) => void): Layout {
  const header = h('div', { className: 'header-slot' });
  const tabs = new Map<DetailTab, HTMLElement>();
  const views = new Map<DetailTab, HTMLElement>();
  for (const t of DETAIL_TABS) {
    tabs.set(t, h(ui.panelTab, { attrs: { id: tabId(t) } }, ...tabLabel(t)));
    views.set(t, h(ui.panelView, { attrs: { id: `view-${t}` } }));
  }
  const panels = h(ui.panels, { className: 'tabs', attrs: { 'aria-label': 'Change details', activeid: tabId('steps') } }, ...tabs.values(), ...views.values()) as PanelsElement;
  panels.addEventListener('change', (e) => {
    // Only the user's choices emit `change` (setting activeid does not); nested controls' events are not ours.
    if (e.target !== panels) return;
    const tab = activeTab();
    if (tab) onTabChosen(tab);
  });
  const empty = h('div', { className: 'empty-state', attrs: { hidden: true, role: 'status' } });
  const main = h('main', { className: 'detail' }, header, panels, empty);

  function activeTab(): DetailTab | null {
    const id = panels.activeid ?? panels.getAttribute('activeid') ?? '';
    return DETAIL_TABS.find((t) => tabId(t) === id) ?? null;
  }

  function setTabLabels(view: DetailView): void {
    const failed = view.troubleshooting.outcome === 'failure' || view.troubleshooting.outcome === 'warning';
    const counts: Record<DetailTab, string> = {
      steps: String(view.steps.length),
      troubleshooting: '',
      modified: String(view.modified.rows.length),
      summary: '',
    };
    for (const t of DETAIL_TABS) {
      const tab = tabs.get(t)!;
      const parts: (HTMLElement | string)[] = tabLabel(t);
      if (t === 'troubleshooting' && failed) parts.unshift(icon(view.troubleshooting.outcome === 'failure' ? 'error' : 'warning', `status-${view.troubleshooting.outcome}`));
      if (counts[t] !== '') parts.push(h(ui.badge, { text: counts[t] }));
      replaceChildren(tab, ...parts);
      const extra = t === 'troubleshooting' && failed ? `, ${view.troubleshooting.outcome}` : counts[t] !== '' ? `, ${counts[t]}` : '';
      tab.setAttribute('aria-label', `${DETAIL_TAB_LABELS[t]}${extra}`);
    }
  }

  return {
    root: main,
    showView(view, tab, keepScroll) {
      const scroll = keepScroll ? window.scrollY : 0;
      const focus = focusToRestore(header, views);
      empty.hidden = true;
      panels.hidden = false;
      replaceChildren(header, renderHeader(view, post));
      setTabLabels(view);
      replaceChildren(views.get('steps')!, renderSteps(view.steps));
      replaceChildren(views.get('troubleshooting')!, renderTroubleshooting(view.troubleshooting, view.summary.ids, post));
      replaceChildren(views.get('modified')!, renderModified(view.modified));
      replaceChildren(views.get('summary')!, renderSummary(view.summary, post));
      panels.activeid = tabId(tab);
      panels.setAttribute('activeid', tabId(tab));
      window.scrollTo(0, scroll);
      restoreFocus(focus, header, () => tabs.get(tab));
    },
    showEmpty(e) {
      replaceChildren(header);
      panels.hidden = true;
      empty.hidden = false;
      const open = e.logName && (e.kind === 'notLoaded' || e.kind === 'gone') ? button(`Open ${e.logName}`, 'go-to-file', () => post({ type: 'openLog' }), { appearance: 'primary' }) : null;
      replaceChildren(empty, icon(e.kind === 'nothing' ? 'info' : 'file', 'empty-icon'), h('h1', { text: e.title }), h('p', { text: e.message }), open);
    },
    activeTab: () => (panels.hidden ? null : activeTab()),
    focusTabs() {
      const t = activeTab();
      if (t) tabs.get(t)?.focus();
    },
    visibleText() {
      if (panels.hidden) return empty.innerText;
      const t = activeTab();
      return `${header.innerText}\n${t ? views.get(t)!.innerText : ''}`;
    },
  };
}

type FocusMark = { kind: 'header'; selector: string } | { kind: 'tab' } | undefined;

/** Where the keyboard was, before a render replaces the elements under it (Next, Previous, a history entry). */
function focusToRestore(header: HTMLElement, views: Map<DetailTab, HTMLElement>): FocusMark {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return undefined;
  if (header.contains(el)) {
    const nav = el.closest<HTMLElement>('[data-nav], [data-action]');
    if (nav?.dataset['nav']) return { kind: 'header', selector: `[data-nav="${nav.dataset['nav']}"]` };
    if (nav?.dataset['action']) return { kind: 'header', selector: `[data-action="${nav.dataset['action']}"]` };
    return undefined;
  }
  return [...views.values()].some((v) => v.contains(el)) ? { kind: 'tab' } : undefined;
}

/** Puts the keyboard back on the same control (or its partner when that one is now disabled), else on the active tab. */
function restoreFocus(mark: FocusMark, header: HTMLElement, activeTab: () => HTMLElement | undefined): void {
  if (mark === undefined) return;
  if (mark.kind === 'header') {
    const same = header.querySelector<HTMLElement>(mark.selector);
    const usable = (e: HTMLElement | null): e is HTMLElement => e !== null && !e.hasAttribute('disabled');
    const other = header.querySelector<HTMLElement>('[data-nav]:not([disabled])');
    const target = usable(same) ? same : other;
    if (target) {
      target.focus();
      return;
    }
  }
  activeTab()?.focus();
}
