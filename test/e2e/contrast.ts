// Measures rendered colours in a webview page as WCAG defines contrast: the element's colour (SVG fill
// for chart bars), made opaque over the background it really sits on (the nearest ancestor with one,
// then the page's), against that background. Used by the theme tests: 3:1 for icons and bars, 4.5:1
// for text.
import type { Frame } from 'playwright-core';

export interface Measured {
  what: string;
  ratio: number;
  fg: string;
  bg: string;
}

/** Each selector's first visible match: [label, selector, 'color' | 'fill']. */
export type Probe = [string, string, 'color' | 'fill'];

interface Styled {
  readonly parentElement: Styled | null;
  getBoundingClientRect(): { width: number; height: number };
}
interface InPage {
  readonly document: { querySelectorAll(s: string): ArrayLike<Styled>; readonly body: Styled; readonly documentElement: Styled };
  getComputedStyle(e: Styled): { color: string; fill: string; backgroundColor: string; getPropertyValue(p: string): string };
}

export async function measureContrast(frame: Frame, probes: Probe[]): Promise<Measured[]> {
  return frame.evaluate((list) => {
    const w = globalThis as unknown as InPage;
    const parse = (s: string): number[] | undefined => {
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m) {
        const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s.trim());
        if (!hex) return undefined;
        const n = parseInt(hex[1]!, 16);
        return [(n >> 16) & 255, (n >> 8) & 255, n & 255, hex[2] ? parseInt(hex[2], 16) / 255 : 1];
      }
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const over = (fg: number[], bg: number[]): number[] => [0, 1, 2].map((k) => fg[k]! * fg[3]! + bg[k]! * (1 - fg[3]!)).concat(1);
    const lum = (c: number[]): number => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const pageBg = parse(w.getComputedStyle(w.document.documentElement).getPropertyValue('--vscode-editor-background')) ?? parse(w.getComputedStyle(w.document.body).backgroundColor) ?? [255, 255, 255, 1];
    const backgroundOf = (e: Styled): number[] => {
      const layers: number[][] = [];
      for (let n: Styled | null = e; n; n = n.parentElement) {
        const c = parse(w.getComputedStyle(n).backgroundColor);
        if (c && c[3]! > 0) {
          layers.push(c);
          if (c[3] === 1) break;
        }
      }
      return layers.reverse().reduce((bg, c) => over(c, bg), pageBg);
    };
    const out: { what: string; ratio: number; fg: string; bg: string }[] = [];
    for (const [what, selector, prop] of list) {
      const el = Array.from(w.document.querySelectorAll(selector)).find((e) => e.getBoundingClientRect().width > 0);
      if (!el) {
        out.push({ what, ratio: NaN, fg: `no visible ${selector}`, bg: '' });
        continue;
      }
      const bg = backgroundOf(el);
      const raw = parse(prop === 'fill' ? w.getComputedStyle(el).fill : w.getComputedStyle(el).color);
      if (!raw) {
        out.push({ what, ratio: NaN, fg: 'unparsed colour', bg: '' });
        continue;
      }
      const fg = over(raw, bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push({ what, ratio: Math.round(((a! + 0.05) / (b! + 0.05)) * 100) / 100, fg: `rgb(${fg.slice(0, 3).map(Math.round).join(',')})`, bg: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})` });
    }
    return out;
  }, probes);
}
