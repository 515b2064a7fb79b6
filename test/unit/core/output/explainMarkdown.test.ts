import { strict as assert } from 'node:assert';
import { explainMarkdown } from '../../../../src/core/output/explainMarkdown';
import { HOSTILE, outsideCode } from './markdownChecks';

describe('explainMarkdown', () => {
  it('explains a catalog code: meaning, numbered steps, retry, docs', () => {
    const md = explainMarkdown('EntryConflict');
    assert.match(md, /^# `EntryConflict`: /);
    assert.match(md, /## What it means\n\n\S/);
    assert.match(md, /## What to do\n\n1\. .*\n2\. .*\n3\. /);
    assert.match(md, /\*\*Retry:\*\* not retried/);
    assert.match(explainMarkdown('TooManyRequests'), /\*\*Retry:\*\* automatic/);
    assert.match(md, /\[Microsoft's documentation of this code\]\(https:\/\/learn\.microsoft\.com\//);
  });

  it('names the catalog code behind an app-prefixed one', () => {
    const md = explainMarkdown('ServiceNowEntryConflict');
    assert.match(md, /The catalog's `EntryConflict`, with the target application's name `ServiceNow` in front\./);
  });

  it("adds the event: time, when the service retries, the target's reason quoted", () => {
    const t = Date.UTC(2026, 2, 2, 14, 0, 5);
    const md = explainMarkdown('TooManyRequests', { eventTime: t, reason: 'HTTP 429\nslow down', additionalDetails: 'more' });
    assert.match(md, /- Time: 2026-03-02 14:00:05\.000 UTC/);
    assert.match(md, /> HTTP 429\n> slow down/);
    assert.match(md, /\*\*Additional details:\*\*\n\n> more/);
  });

  it('escapes an unknown hostile code and hostile reasons', () => {
    const md = explainMarkdown(HOSTILE, { reason: HOSTILE });
    assert.ok(!outsideCode(md).includes('<script>'), 'no raw HTML');
    assert.match(md, /> &lt;script&gt;/);
    assert.ok(!/\]\(command:/.test(outsideCode(md)), 'no command link from log text');
    assert.match(md, /not in the catalog/);
    // Links only to the catalog's web pages.
    for (const m of outsideCode(md).matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^https:\/\//);
  });
});
