/**
 * The viewer's header: the file (name, format as detected, encoding, size), how many events over
 * what time (local, UTC on hover), the counts by status as toggle buttons that filter, and every
 * problem the reader reported in plain words with its line and column and "Go to line".
 */
import { STATUSES, STATUS_LABELS, type Status } from '../../../src/core/common/record';
import type { HeaderInfo } from '../../../src/shared/viewerProtocol';
import { clear, h } from '../shared/dom';
import { STATUS_ICONS } from '../shared/icons';
import { ui } from '../shared/toolkit';
import { formatBytes, formatCount, formatTimeSpan, plural } from './format';

export interface HeaderEvents {
  toggleStatus(status: Status): void;
  goToProblem(id: number): void;
  toggleChart(): void;
  toggleProblems(): void;
}

const FOLDED_PROBLEMS = 2;

export class HeaderView {
  readonly el: HTMLElement;
  private readonly info: HTMLElement;
  private readonly badges: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly chartButton: HTMLElement;

  constructor(private readonly events: HeaderEvents) {
    this.info = h('div', { className: 'header-info' });
    this.badges = h('div', { className: 'status-badges', attrs: { role: 'group', 'aria-label': 'Events by status (press to filter)' } });
    this.chartButton = h(ui.button, { attrs: { appearance: 'icon', 'aria-label': 'Hide chart' }, on: { click: () => events.toggleChart() } }, h('span', { className: 'codicon codicon-graph' }));
    this.problems = h('div', { className: 'problems' });
    this.el = h('header', { className: 'viewer-header' }, h('div', { className: 'header-top' }, this.info, this.badges, this.chartButton), this.problems);
  }

  update(header: HeaderInfo, statusFilter: readonly Status[], chartOpen: boolean, problemsOpen: boolean): void {
    this.renderInfo(header);
    this.renderBadges(header, statusFilter);
    this.renderProblems(header, problemsOpen);
    const label = chartOpen ? 'Hide chart' : 'Show chart';
    this.chartButton.setAttribute('aria-label', label);
    this.chartButton.title = label;
    this.chartButton.setAttribute('aria-pressed', String(chartOpen));
  }

  private renderInfo(header: HeaderInfo): void {
    clear(this.info);
    const format = header.formatDetail ? `${header.format} (${header.formatDetail})` : header.format;
    const files = header.files.length > 1 ? header.files.map((f) => `${f.name}: ${f.role}, ${formatBytes(f.size)}, ${f.encoding}`).join('\n') : '';
    const span = formatTimeSpan(header.first, header.last);
    this.info.append(
      h('h1', { className: 'file-name', text: header.fileName, title: files || header.fileName }),
      h(
        'div',
        { className: 'file-facts muted' },
        fact('symbol-file', format, 'Format detected from the content'),
        fact('file-binary', header.encoding, 'Encoding'),
        fact('database', header.files.length > 1 ? `${formatBytes(header.totalBytes)} in ${header.files.length} files` : formatBytes(header.totalBytes), files || 'Size on disk'),
        fact('list-flat', plural(header.events, 'event'), 'Events read'),
        span ? fact('calendar', span, formatTimeSpan(header.first, header.last, true)) : null,
      ),
    );
  }

  private renderBadges(header: HeaderInfo, statusFilter: readonly Status[]): void {
    clear(this.badges);
    for (const s of STATUSES) {
      const n = header.status[s];
      if (n === 0) continue;
      const pressed = statusFilter.includes(s);
      this.badges.appendChild(
        h(
          'button',
          {
            className: `status-badge status-${s}${pressed ? ' pressed' : ''}`,
            attrs: { type: 'button', 'aria-pressed': String(pressed), 'aria-label': `${STATUS_LABELS[s]}: ${plural(n, 'event')}. ${pressed ? 'Filtered to it; press to remove' : 'Press to filter'}` },
            title: pressed ? `Showing ${STATUS_LABELS[s]} events: click to remove this filter` : `Show only ${STATUS_LABELS[s]} events`,
            on: { click: () => this.events.toggleStatus(s) },
          },
          h('span', { className: `codicon codicon-${STATUS_ICONS[s]}`, attrs: { 'aria-hidden': 'true' } }),
          h('span', { className: 'badge-label', text: STATUS_LABELS[s] }),
          h('span', { className: 'badge-count', text: formatCount(n) }),
        ),
      );
    }
  }

  private renderProblems(header: HeaderInfo, open: boolean): void {
    clear(this.problems);
    const list = header.problems;
    if (list.length === 0) return;
    const shown = open || list.length <= FOLDED_PROBLEMS + 1 ? list : list.slice(0, FOLDED_PROBLEMS);
    const ul = h('ul', { className: 'problem-list', attrs: { 'aria-label': 'Problems found while reading the file' } });
    for (const p of shown) {
      const where = p.line !== undefined ? `line ${formatCount(p.line)}${p.column !== undefined ? `, column ${formatCount(p.column)}` : ''}${p.file ? ` of ${p.file}` : ''}` : p.file ?? '';
      ul.appendChild(
        h(
          'li',
          { className: `problem problem-${p.severity}` },
          // Each severity (error, warning, info) is also the name of its codicon.
          h('span', { className: `codicon codicon-${p.severity}`, attrs: { role: 'img', 'aria-label': p.severity } }),
          h('span', { className: 'problem-message', text: p.message }),
          where ? h('span', { className: 'problem-where muted', text: `(${where})` }) : null,
          p.canGoTo
            ? h(ui.button, { attrs: { appearance: 'secondary', 'aria-label': `Go to ${where}` }, on: { click: () => this.events.goToProblem(p.id) } }, 'Go to line')
            : null,
        ),
      );
    }
    this.problems.appendChild(ul);
    if (list.length > FOLDED_PROBLEMS + 1) {
      this.problems.appendChild(
        h(ui.button, { attrs: { appearance: 'secondary', 'aria-expanded': String(open) }, on: { click: () => this.events.toggleProblems() } }, open ? 'Show fewer problems' : `Show all ${list.length} problems`),
      );
    }
  }
}

function fact(icon: string, text: string, title: string): HTMLElement {
  return h('span', { className: 'fact', title }, h('span', { className: `codicon codicon-${icon}`, attrs: { 'aria-hidden': 'true' } }), h('span', { text }));
}
