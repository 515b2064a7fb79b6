/**
 * The picture over the table: events per provisioning cycle in time order, stacked by status (or
 * per time period when there are too many cycles), and the most frequent error codes. SVG built
 * with createElementNS and theme colours; every bar is a button for the keyboard (one tab stop,
 * arrows move, Enter filters) with a spoken label and a tooltip. Clicking filters to the cycle, the
 * period or the code.
 */
import { STATUS_LABELS, type Status } from '../../../src/core/common/record';
import { middleEllipsis, revealControls } from '../../../src/core/common/safeText';

import type { ChartBar, ChartData } from '../../../src/shared/viewerProtocol';
import { clear, h } from '../shared/dom';
import { formatCount, formatTimeShort, formatTimeSpan, plural } from './format';

export interface ChartEvents {
  pickBar(bar: ChartBar): void;
  pickCode(code: string): void;
}

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 92;
const AXIS = 16;
/** Bottom to top: the failures sit on top where the eye lands. */
const STACK: readonly Status[] = ['success', 'skipped', 'warning', 'failure'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export class ChartView {
  readonly el: HTMLElement;
  private readonly plot: HTMLElement;
  private readonly codes: HTMLElement;
  private readonly tip: HTMLElement;
  private data: ChartData | undefined;
  private activeCycle: string | undefined;
  private focusBar = 0;

  constructor(private readonly events: ChartEvents) {
    this.plot = h('div', { className: 'chart-plot' });
    this.codes = h('div', { className: 'chart-codes' });
    this.tip = h('div', { className: 'chart-tip', attrs: { role: 'tooltip', 'aria-hidden': 'true' } });
    const narrow = h('div', { className: 'chart-narrow-note chart-note muted', text: 'The bars per cycle show when the viewer is wider than 560 pixels.' });
    this.el = h('section', { className: 'chart', attrs: { 'aria-label': 'Chart of the shown events' } }, narrow, this.plot, this.codes, this.tip);
    new ResizeObserver(() => this.drawPlot()).observe(this.plot);
    new ResizeObserver(() => this.fitCodeNames()).observe(this.codes);
  }

  /** Each code in its cell's width, cut in the middle when it does not fit (the full code is the row's title). */
  private fitCodeNames(): void {
    for (const el of Array.from(this.codes.querySelectorAll<HTMLElement>('.code-name'))) {
      const code = revealControls(el.dataset['code'] ?? '');
      el.textContent = code;
      if (el.scrollWidth <= el.clientWidth || code.length === 0) continue;
      const fits = Math.max(4, Math.floor(el.clientWidth / (el.scrollWidth / code.length)));
      el.textContent = middleEllipsis(code, fits);
    }
  }

  update(data: ChartData, activeCycle: string | undefined, activeCode: string | undefined): void {
    this.data = data;
    this.activeCycle = activeCycle;
    this.focusBar = Math.min(this.focusBar, Math.max(0, data.bars.length - 1));
    this.drawPlot();
    this.drawCodes(data, activeCode);
  }

  private drawPlot(): void {
    const data = this.data;
    const hadFocus = this.plot.contains(document.activeElement);
    clear(this.plot);
    if (!data) return;
    const title = data.bucketMs > 0 ? `Events per ${periodWords(data.bucketMs)}, by status` : 'Events per provisioning cycle, by status';
    this.plot.appendChild(h('div', { className: 'chart-title', text: title }));
    if (data.bars.length === 0) {
      this.plot.appendChild(h('div', { className: 'chart-empty muted', text: data.undated > 0 ? `${plural(data.undated, 'event')} without a readable time: nothing to draw.` : 'No events to draw.' }));
      return;
    }
    const width = Math.max(200, this.plot.clientWidth - 44);
    const first = data.bars[0]!.from;
    const slots = data.bucketMs > 0 ? Math.round((data.bars[data.bars.length - 1]!.from - first) / data.bucketMs) + 1 : data.bars.length;
    const slot = width / slots;
    const barWidth = Math.max(1, Math.min(28, slot * 0.78));
    const scale = (HEIGHT - 4) / Math.max(1, data.max);
    const root = svg('svg', { width: width + 40, height: HEIGHT + AXIS, class: 'chart-svg', role: 'group', 'aria-label': `${title}: ${plural(data.bars.length, 'bar')}. Use the arrow keys to move, Enter to filter.` });
    root.append(
      svg('line', { x1: 36, x2: width + 38, y1: HEIGHT + 0.5, y2: HEIGHT + 0.5, class: 'chart-axis' }),
      label(32, 10, formatCount(data.max), 'end'),
      label(32, HEIGHT, '0', 'end'),
      label(38, HEIGHT + AXIS - 3, formatTimeShort(first), 'start'),
      label(width + 38, HEIGHT + AXIS - 3, formatTimeShort(data.bars[data.bars.length - 1]!.to), 'end'),
    );
    data.bars.forEach((bar, k) => {
      const at = data.bucketMs > 0 ? Math.round((bar.from - first) / data.bucketMs) : k;
      const x = 38 + at * slot + (slot - barWidth) / 2;
      const g = svg('g', { class: `chart-bar${bar.cycleId !== undefined && bar.cycleId === this.activeCycle ? ' active' : ''}`, role: 'button', tabindex: k === this.focusBar ? 0 : -1, 'aria-label': describeBar(bar, data.bucketMs) });
      // A transparent full-height target: thin bars are hard to hit.
      g.appendChild(svg('rect', { x: 38 + at * slot, y: 0, width: Math.max(slot, 2), height: HEIGHT, class: 'chart-hit' }));
      let y = HEIGHT;
      for (const s of STACK) {
        const n = bar.counts[s];
        if (n === 0) continue;
        const hgt = Math.max(1, n * scale);
        y -= hgt;
        g.appendChild(svg('rect', { x, y, width: barWidth, height: hgt, class: `seg seg-${s}` }));
      }
      g.addEventListener('click', () => this.events.pickBar(bar));
      g.addEventListener('mouseenter', () => this.showTip(bar, data.bucketMs, g));
      g.addEventListener('mouseleave', () => this.hideTip());
      g.addEventListener('focus', () => {
        this.focusBar = k;
        this.showTip(bar, data.bucketMs, g);
      });
      g.addEventListener('blur', () => this.hideTip());
      g.addEventListener('keydown', (e) => this.onKey(e, k));
      root.appendChild(g);
    });
    this.plot.appendChild(root);
    if (data.undated > 0) this.plot.appendChild(h('div', { className: 'chart-note muted', text: `${plural(data.undated, 'event')} without a readable time are not drawn.` }));
    if (hadFocus) (root.querySelectorAll('.chart-bar')[this.focusBar] as SVGGElement | undefined)?.focus();
  }

  private onKey(e: KeyboardEvent, k: number): void {
    const bars = [...this.plot.querySelectorAll<SVGGElement>('.chart-bar')];
    const to = e.key === 'ArrowRight' ? k + 1 : e.key === 'ArrowLeft' ? k - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? bars.length - 1 : -2;
    if (to !== -2) {
      e.preventDefault();
      const next = bars[Math.max(0, Math.min(bars.length - 1, to))];
      if (next) {
        bars.forEach((b) => b.setAttribute('tabindex', '-1'));
        next.setAttribute('tabindex', '0');
        next.focus();
      }
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const bar = this.data?.bars[k];
      if (bar) this.events.pickBar(bar);
    }
  }

  private showTip(bar: ChartBar, bucketMs: number, anchor: Element): void {
    clear(this.tip);
    const heading = bar.cycleId ? `Cycle ${bar.cycleId}` : bucketMs > 0 ? `${formatTimeShort(bar.from)} – ${formatTimeShort(bar.to + 1)}` : 'Events without a cycle ID';
    this.tip.append(h('div', { className: 'tip-title', text: heading }));
    if (bar.app) this.tip.append(h('div', { className: 'muted', text: bar.app }));
    this.tip.append(h('div', { className: 'muted', text: formatTimeSpan(bar.from, bar.to, true) }));
    if (bucketMs > 0) this.tip.append(h('div', { className: 'muted', text: plural(bar.cycles, 'cycle') }));
    for (const s of [...STACK].reverse()) {
      if (bar.counts[s] > 0) this.tip.append(h('div', { className: `tip-row status-${s}`, text: `${STATUS_LABELS[s]}: ${formatCount(bar.counts[s])}` }));
    }
    this.tip.append(h('div', { className: 'tip-hint muted', text: bar.cycleId ? 'Click to filter to this cycle' : 'Click to filter to this period' }));
    const r = anchor.getBoundingClientRect();
    const host = this.el.getBoundingClientRect();
    this.tip.style.display = 'block';
    const left = Math.min(r.left - host.left + r.width + 6, host.width - this.tip.offsetWidth - 4);
    this.tip.style.left = `${Math.max(0, left)}px`;
    this.tip.style.top = `4px`;
  }

  private hideTip(): void {
    this.tip.style.display = 'none';
  }

  private drawCodes(data: ChartData, activeCode: string | undefined): void {
    clear(this.codes);
    this.codes.appendChild(h('div', { className: 'chart-title', text: 'Top error codes' }));
    if (data.codes.length === 0) {
      this.codes.appendChild(h('div', { className: 'chart-empty muted', text: 'No error codes among these events.' }));
      return;
    }
    const top = data.codes[0]!.count;
    const list = h('div', { className: 'code-list', attrs: { role: 'group', 'aria-label': 'Top error codes (press to filter)' } });
    for (const c of data.codes) {
      // Width through the CSSOM: the page's CSP allows no inline style attributes.
      const bar = h('span', { className: 'code-bar' });
      bar.style.width = `${Math.max(2, (c.count / top) * 100)}%`;
      list.appendChild(
        h(
          'button',
          {
            className: `code-row${c.code === activeCode ? ' active' : ''}`,
            attrs: { type: 'button', 'aria-label': `${c.code}: ${plural(c.count, 'event')}, ${c.title}. Press to filter to this code`, 'aria-pressed': String(c.code === activeCode) },
            title: `${c.code}: ${c.title}\n${plural(c.count, 'event')}: click to filter to this code`,
            on: { click: () => this.events.pickCode(c.code) },
          },
          h('span', { className: 'code-name mono', text: c.code, attrs: { 'data-code': c.code } }),
          h('span', { className: 'code-bar-track', attrs: { 'aria-hidden': 'true' } }, bar),
          h('span', { className: 'code-count', text: formatCount(c.count) }),
        ),
      );
    }
    this.codes.appendChild(list);
    this.fitCodeNames();
    const more = data.distinctCodes - data.codes.length;
    if (more > 0) this.codes.appendChild(h('div', { className: 'chart-note muted', text: `and ${plural(more, 'more code')} (${plural(data.otherCodes, 'event')})` }));
  }
}

function label(x: number, y: number, text: string, anchor: 'start' | 'end'): SVGTextElement {
  const t = svg('text', { x, y, 'text-anchor': anchor, class: 'chart-label' });
  t.textContent = text;
  return t;
}

// Set through svg(), which unlike h() takes attributes as given: the log's text is revealed here.
function describeBar(bar: ChartBar, bucketMs: number): string {
  const what = bar.cycleId ? `Cycle ${revealControls(bar.cycleId)}${bar.app ? ` of ${revealControls(bar.app)}` : ''}` : bucketMs > 0 ? `${plural(bar.cycles, 'cycle')} from ${formatTimeShort(bar.from)}` : 'Events without a cycle ID';
  const counts = (['failure', 'warning', 'skipped', 'success'] as const).filter((s) => bar.counts[s] > 0).map((s) => `${formatCount(bar.counts[s])} ${STATUS_LABELS[s].toLowerCase()}`);
  return `${what}, ${formatTimeShort(bar.from)}: ${plural(bar.total, 'event')} (${counts.join(', ')}). Press Enter to filter.`;
}

function periodWords(ms: number): string {
  const min = ms / 60_000;
  if (min < 60) return `${min} minutes`;
  if (min < 1440) return min === 60 ? 'hour' : `${min / 60} hours`;
  return min === 1440 ? 'day' : `${min / 1440} days`;
}
