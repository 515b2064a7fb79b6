// One set of hostile-text rules: the same hostile strings go through every surface's text function
// (CLI, what VS Code draws, tree, Problems, viewer, detail panel, hovers, reports), and each surface
// must reveal exactly the same characters as ⟨U+XXXX⟩, let none of them through raw, and cut long
// text without splitting a surrogate pair. CSV and JSON exports are left out on purpose: they hand
// the data over unchanged for other programs.
import * as assert from 'node:assert/strict';
import { MemorySink } from '../../../../src/cli/io';
import { problemLine, terminalSafe, writeTable } from '../../../../src/cli/format';
import { mdCode, mdInert, mdText } from '../../../../src/core/common/markdownText';
import { oneLine, revealControls, WORKBENCH_LIMITS, workbenchText } from '../../../../src/core/common/safeText';
import { shortName } from '../../../../src/core/views/detail/identityNames';
import { cellText } from '../../../../src/core/views/viewer/rows';

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Each case: the hostile text and the code points a person must see written out. */
const CASES: { name: string; text: string; revealed: string[] }[] = [
  ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'].map((c) => ({ name: `embedding/override U+${hex(c)}`, text: `Evil ${c}gnp.exe admin`, revealed: [hex(c)] })),
  ...['\u2066', '\u2067', '\u2068', '\u2069'].map((c) => ({ name: `isolate U+${hex(c)}`, text: `Evil ${c}gnp.exe admin`, revealed: [hex(c)] })),
  ...['\u200e', '\u200f', '\u061c', '\u200b', '\u2060', '\ufeff'].map((c) => ({ name: `mark or invisible U+${hex(c)}`, text: `ad${c}min`, revealed: [hex(c)] })),
  ...['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b'].map((c) => ({ name: `control U+${hex(c)}`, text: `name${c}[31mred`, revealed: [hex(c)] })),
  { name: 'carriage return (a line break: a space on one-line surfaces, never revealed)', text: 'safe\rEVIL', revealed: [] },
  // Short enough that even a panel title (40 units) shows all of them.
  { name: 'several at once', text: '\u202eA\u2066B\u200eC\u001bD', revealed: ['202E', '2066', '200E', '001B'] },
  { name: 'several others at once', text: '\u009bE\ufeffF\u2060G\u061cH', revealed: ['009B', 'FEFF', '2060', '061C'] },
  { name: 'zero-width joiners stay (emoji and scripts need them)', text: 'می\u200cخواهم 👩\u200d💻', revealed: [] },
  { name: 'lone high surrogate', text: 'a\ud800b', revealed: ['D800'] },
  { name: 'lone low surrogate', text: 'a\udc00b', revealed: ['DC00'] },
  { name: 'a very long name with an override first', text: `\u202e${'😀'.repeat(60_000)}`, revealed: ['202E'] },
];

/** Every surface's text function, as the surface calls it. */
const SURFACES: Record<string, (s: string) => string> = {
  'CLI table cell': (s) => {
    const out = new MemorySink();
    writeTable(out, [{ title: 'Name' }], [[s]]);
    return out.text.split('\n')[2]!;
  },
  'CLI problem line': (s) => problemLine({ severity: 'error', message: s, line: 1 }),
  'CLI ids and codes': terminalSafe,
  // src/vscode/uiText.ts is workbenchText with these limits (it imports vscode, which the unit tier has not).
  'uiText label (tree labels, Quick Picks)': (s) => workbenchText(s),
  'uiText notification': (s) => workbenchText(s, WORKBENCH_LIMITS.notification),
  'uiText notification button': (s) => workbenchText(s, WORKBENCH_LIMITS.button),
  'uiText panel title': (s) => workbenchText(s, WORKBENCH_LIMITS.panelTitle),
  'Problems panel': (s) => oneLine(s),
  'viewer row cell': (s) => cellText(s),
  'detail panel text (webview h())': revealControls,
  'detail panel sentence name': (s) => revealControls(shortName(s)),
  'hover Markdown': (s) => mdInert(s),
  'Markdown report text': (s) => mdText(s),
  'Markdown report code span': mdCode,
};

/** Whole values on purpose: ids piped to other tools, and the detail panel, which folds long values itself. */
const UNCUT = new Set(['CLI ids and codes', 'detail panel text (webview h())']);

// eslint-disable-next-line no-control-regex -- control characters are what must not come through
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function revealedIn(out: string): string[] {
  // Hovers escape the `+` as `\+`; the code point is what counts.
  return [...new Set([...out.matchAll(/⟨U\\?\+([0-9A-F]{4})⟩/g)].map((m) => m[1]!))].sort();
}

describe('hostile text: one set of rules on every surface', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const [surface, show] of Object.entries(SURFACES)) {
        it(surface, () => {
          const out = show(c.text);
          assert.deepEqual(revealedIn(out), [...c.revealed].sort(), `${surface} reveals the same characters: ${JSON.stringify(out.slice(0, 200))}`);
          assert.doesNotMatch(out, RAW, `${surface} lets a hidden character through raw`);
          if (c.text.includes('\u200c')) assert.ok(out.includes('\u200c') && out.includes('\u200d'), `${surface} keeps the joiners`);
          if (surface !== 'detail panel text (webview h())') assert.doesNotMatch(out, /\r/, `${surface} keeps one line`);
          if (c.text.length > 100_000 && !UNCUT.has(surface)) assert.ok(out.length < 10_000 && out.includes('…'), `${surface} cuts the long name and says so`);
        });
      }
    });
  }
});
