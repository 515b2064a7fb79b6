/**
 * What the page shows instead of (or above) the table: reading progress, a file that was not
 * opened (cancelled, declined, unreadable bytes) with Reload, a file that is not a provisioning log
 * with its problems and "Reopen as Text", the preview banner, and short notices.
 */
import type { HeaderInfo } from '../../../src/shared/viewerProtocol';
import { clear, h } from '../shared/dom';
import { ui } from '../shared/toolkit';
import { formatBytes, formatCount } from './format';

export interface StateActions {
  reload(): void;
  reopenAsText(): void;
  goToProblem(id: number): void;
}

export function loadingView(fileName: string, done: number, total: number): HTMLElement {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const words = total > 0 ? `${percent}% (${formatBytes(done)} of ${formatBytes(total)})` : 'fetching the file…';
  return h(
    'div',
    { className: 'state-view', attrs: { role: 'status', 'aria-busy': 'true' } },
    h(ui.progressRing, {}),
    h('h2', { text: `Reading ${fileName}` }),
    progressBar(percent, `Reading ${fileName}`),
    h('p', { className: 'muted', text: words }),
  );
}

export function notOpenedView(fileName: string, reason: 'cancelled' | 'declined' | 'failed', message: string, actions: StateActions): HTMLElement {
  const title = reason === 'failed' ? `${fileName} could not be read` : `${fileName} was not opened`;
  return h(
    'div',
    { className: 'state-view', attrs: { role: 'alert' } },
    h('span', { className: `codicon ${reason === 'failed' ? 'codicon-error' : 'codicon-circle-slash'} state-icon`, attrs: { 'aria-hidden': 'true' } }),
    h('h2', { text: title }),
    h('p', { text: message }),
    h('div', { className: 'state-actions' }, h(ui.button, { on: { click: () => actions.reload() } }, h('span', { className: 'codicon codicon-refresh', attrs: { slot: 'start' } }), reason === 'failed' ? 'Try again' : 'Reload'), h(ui.button, { attrs: { appearance: 'secondary' }, on: { click: () => actions.reopenAsText() } }, 'Reopen as Text')),
  );
}

export function unreadableView(header: HeaderInfo, actions: StateActions): HTMLElement {
  const list = h('ul', { className: 'problem-list' });
  for (const p of header.problems) {
    list.appendChild(
      h(
        'li',
        { className: `problem problem-${p.severity}` },
        // Each severity (error, warning, info) is also the name of its codicon.
        h('span', { className: `codicon codicon-${p.severity}`, attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'problem-message', text: p.message }),
        p.line !== undefined ? h('span', { className: 'problem-where muted', text: `(line ${formatCount(p.line)}${p.column !== undefined ? `, column ${formatCount(p.column)}` : ''})` }) : null,
        p.canGoTo ? h(ui.button, { attrs: { appearance: 'secondary' }, on: { click: () => actions.goToProblem(p.id) } }, 'Go to line') : null,
      ),
    );
  }
  return h(
    'div',
    { className: 'state-view unreadable', attrs: { role: 'alert' } },
    h('span', { className: 'codicon codicon-warning state-icon', attrs: { 'aria-hidden': 'true' } }),
    h('h2', { text: `No provisioning events in ${header.fileName}` }),
    h('p', { className: 'muted', text: `${header.format} · ${header.encoding} · ${formatBytes(header.totalBytes)}` }),
    list,
    h('div', { className: 'state-actions' }, h(ui.button, { on: { click: () => actions.reopenAsText() } }, 'Reopen as Text'), h(ui.button, { attrs: { appearance: 'secondary' }, on: { click: () => actions.reload() } }, 'Reload')),
  );
}

function progressBar(percent: number, label: string): HTMLElement {
  const fill = h('div', { className: 'progress-fill' });
  fill.style.width = `${percent}%`;
  return h('div', { className: 'progress', attrs: { role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent } }, fill);
}

/** A notice the page takes down itself once it no longer holds ("no events match" after a result with events). */
export type NoticeKind = 'noMatch';

/** One line above the table: the preview banner, "reloaded", "hidden by the filters — Show it". */
export class NoticeLine {
  readonly el = h('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  private timer = 0;
  private shownKind: NoticeKind | undefined;

  /** The kind of the notice on show, when it was given one. */
  get kind(): NoticeKind | undefined {
    return this.shownKind;
  }

  show(text: string, options: { action?: { label: string; run: () => void }; sticky?: boolean; progress?: number; kind?: NoticeKind } = {}): void {
    clearTimeout(this.timer);
    clear(this.el);
    this.shownKind = options.kind;
    this.el.classList.add('shown');
    this.el.append(h('span', { className: 'codicon codicon-info', attrs: { 'aria-hidden': 'true' } }), h('span', { text }));
    if (options.progress !== undefined) this.el.append(progressBar(options.progress, text));
    if (options.action) {
      const { label, run } = options.action;
      this.el.append(h('button', { className: 'link-button', attrs: { type: 'button' }, text: label, on: { click: () => run() } }));
    }
    this.el.append(h('button', { className: 'notice-close codicon codicon-close', attrs: { type: 'button', 'aria-label': 'Dismiss' }, on: { click: () => this.hide() } }));
    if (!options.sticky) this.timer = window.setTimeout(() => this.hide(), 6000);
  }

  hide(): void {
    clearTimeout(this.timer);
    this.el.classList.remove('shown');
    clear(this.el);
    this.shownKind = undefined;
  }
}
