// Hover texts: remediation with the actual retry time, the event's own words, links only from the caller, hostile text inert.
import { strict as assert } from 'node:assert';
import { LoadedLog } from '../../../../../src/core/log/loadedLog';
import { hoverMarkdown, type HoverLinks } from '../../../../../src/core/views/editor/hoverText';
import { mdInert as safeMd, safeLink } from '../../../../../src/core/common/markdownText';
import { hostileRecords } from '../../../../fixtures/generator/hostile';
import { generateRecords } from '../../../../fixtures/generator/records';
import { diagnosticJsonLines, portalJson } from '../../../../fixtures/generator/writers';
import { readText } from '../../../helpers';
import { type EventFilter } from '../../../../../src/core/common/filter';

const links: HoverLinks = {
  showDetails: (i) => `cmd:show/${i}`,
  filter: (f: EventFilter) => `cmd:filter/${Object.keys(f).join(',')}`,
  copy: (_t, label) => `cmd:copy/${label.replace(/ /g, '-')}`,
};

const records = generateRecords({ seed: 31, count: 400, failureRate: 0.3 });
const model = new LoadedLog(readText(portalJson(records)));
const first = (code: string): number => {
  const i = model.store.column('errorCode').findIndex((id) => model.store.strings[id] === code);
  assert.ok(i >= 0, `no ${code} in the fixture`);
  return i;
};

describe('hover on an error code', () => {
  it('meaning, what to do, not retried, the reason, and the three links plus the docs', () => {
    const i = first('ServiceNowEntryConflict');
    const md = hoverMarkdown(model, { index: i, role: 'errorCode', value: 'ServiceNowEntryConflict', start: 0, end: 0, key: 'errorCode', numeric: false }, links)!;
    assert.match(md, /^\$\(error\) \*\*ServiceNowEntryConflict\*\* · Conflicting entry in the target app/);
    assert.match(md, /\*ServiceNow\* is the target app's name in front of the catalog code \*\*EntryConflict\*\*/);
    assert.match(md, /\*\*What to do\*\*\n\n1\. /);
    assert.match(md, /\*\*Retry:\*\* Not retried automatically: action needed\./);
    assert.match(md, /\*\*Reason:\*\* .*409/);
    assert.ok(md.includes(`](cmd:show/${i})`));
    // The code as a whole value: not every code that contains it.
    assert.ok(md.includes('](cmd:filter/errorCode,exact)'));
    assert.ok(md.includes('](cmd:copy/Change-ID)'));
    assert.ok(md.includes('](https://learn.microsoft.com/'));
  });

  it('a retried code gives the time of the retry from the event time', () => {
    const i = first('Timeout');
    const md = hoverMarkdown(model, { index: i, role: 'errorCode', value: 'Timeout', start: 0, end: 0, key: 'errorCode', numeric: false }, links)!;
    const retry = new Date(model.store.time[i]! + 40 * 60_000).toISOString().slice(11, 16);
    assert.ok(md.includes(`Retried automatically around ${retry} UTC`), md);
  });

  it('an unknown code is still explained generically', () => {
    const md = hoverMarkdown(model, { index: 0, role: 'errorCode', value: 'WeirdNewCode', start: 0, end: 0, key: 'errorCode', numeric: false }, links)!;
    assert.match(md, /\*\*WeirdNewCode\*\* · unrecognized error code/);
    assert.match(md, /not in the catalog/);
  });
});

describe('hover on IDs and enums', () => {
  it('a change: who, what, how it ended, when', () => {
    const i = first('ServiceNowEntryConflict');
    const changeId = model.store.get('changeId', i);
    const md = hoverMarkdown(model, { index: i, role: 'changeId', value: changeId, start: 0, end: 0, key: 'changeId', numeric: false }, links)!;
    assert.ok(md.includes(safeMd(model.store.get('sourceName', i))));
    assert.match(md, /\*\*Failure\*\* \(ServiceNowEntryConflict\) · 2026-/);
  });

  it('a cycle: counts by status and its span; a job: its cycles', () => {
    const i = first('ServiceNowEntryConflict');
    const cycle = model.index.cycleOf(i)!;
    const md = hoverMarkdown(model, { index: i, role: 'cycleId', value: cycle.cycleId, start: 0, end: 0, key: 'cycleId', numeric: false }, links)!;
    assert.ok(md.includes(`${cycle.counts.total} events: `), md);
    assert.ok(md.includes(`**${cycle.counts.failure} failed**`), md);
    assert.match(md, /UTC \(\d+ (s|min)/);
    const job = model.index.job(cycle.jobId)!;
    const jmd = hoverMarkdown(model, { index: i, role: 'jobId', value: job.jobId, start: 0, end: 0, key: 'jobId', numeric: false }, links)!;
    assert.ok(jmd.includes(`${job.cycles.length} cycles · ${job.counts.total.toLocaleString('en-US')} events`), jmd);
  });

  it('an enum value, also written as a number', () => {
    const md = hoverMarkdown(model, { index: 0, role: 'status', value: 'failure', start: 0, end: 0, key: 'status', numeric: false }, links)!;
    assert.match(md, /^\*\*Failure\*\* · status\n\nThe step or change failed/);
    const diag = new LoadedLog(readText(diagnosticJsonLines(records.slice(0, 2))));
    const num = hoverMarkdown(diag, { index: 0, role: 'stepType', value: '5', start: 0, end: 0, key: 'provisioningStepType', numeric: true }, links)!;
    assert.match(num, /^\*\*5\*\* is \*\*Export\*\*/);
  });
});

describe('hostile text in hovers', () => {
  const hostile = new LoadedLog(readText(portalJson(hostileRecords())));
  it('markup, links, icons and bidi overrides from the log stay inert text', () => {
    for (let i = 0; i < hostile.store.size; i++) {
      const code = hostile.store.get('errorCode', i);
      const md = hoverMarkdown(hostile, { index: i, role: 'errorCode', value: code, start: 0, end: 0, key: 'errorCode', numeric: false }, links)!;
      // Only our own links: every `](` is followed by one of our targets.
      for (const m of md.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^(cmd:|https:\/\/learn\.microsoft\.com\/)/, m[1]);
      assert.ok(!/<(img|script|svg|iframe|u|b)\b/i.test(md), 'no raw HTML');
      assert.ok(!md.includes('\u202E'), 'no bidi override');
      assert.ok(md.length < 20_000, 'a 100 KB name is cut');
    }
  });

  it('safeMd escapes every construct; safeLink keeps targets from ending early', () => {
    assert.equal(safeMd('[x](command:evil) $(alert) <b>&</b> **y** https://e.vil'), '\\[x\\]\\(command\\:evil\\) &#36;\\(alert\\) &lt;b\\>&amp;&lt;\\/b\\> \\*\\*y\\*\\* https\\:\\/\\/e\\.vil');
    assert.equal(safeMd('a\nb\u202Ec'), 'a b⟨U\\+202E⟩c');
    assert.equal(safeLink('t', 'command:x?{"a":"b) c"}'), '[t](command:x?{%22a%22:%22b%29%20c%22})');
  });
});
