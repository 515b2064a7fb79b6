// The problems a log shows in the editor: one per failure on its code, the cap with its summary, severities, reader damage.
import { strict as assert } from 'node:assert';
import { lookupErrorCode } from '../../../../../src/core/catalog/catalog';
import { ACTION_LABELS } from '../../../../../src/core/common/record';
import { logDiagnostics, type LogDiagnostic } from '../../../../../src/core/views/editor/logDiagnostics';
import { powershellJson, utf16le } from '../../../../fixtures/generator/powershellWriter';
import { generateRecords } from '../../../../fixtures/generator/records';
import { graphPage, portalJson } from '../../../../fixtures/generator/writers';
import { readBytes, readText } from '../../../helpers';

const records = generateRecords({ seed: 21, count: 300, failureRate: 0.3 });
const all = { minimum: 'info', maxPerFile: 100_000 } as const;

function textAt(text: string, d: LogDiagnostic): string {
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(d.line, d.endLine);
  return lines[d.line - 1]!.slice(d.column - 1, d.endColumn - 1);
}

describe('logDiagnostics', () => {
  it('one per failure, on the code, with the catalog severity, the title and the identity', () => {
    const text = graphPage(records, 'beta');
    const log = readText(text);
    const items = logDiagnostics(log, all).filter((d) => d.kind === 'errorCode');
    const failures = log.store.column('errorCode').filter((id) => id !== 0).length;
    assert.ok(failures > 20);
    assert.equal(items.length, failures);
    for (const d of items) {
      assert.equal(textAt(text, d), d.code);
      const match = lookupErrorCode(d.code);
      assert.equal(d.severity, match.entry.severity);
      assert.equal(d.docs, match.known ? match.entry.docs : undefined);
      const who = log.store.get('sourceName', d.index!) || log.store.get('targetName', d.index!);
      assert.ok(!d.message.includes(d.code) || !match.known, `the code has its own column: ${d.message}`);
      assert.ok(d.message.startsWith(`${ACTION_LABELS[log.store.actionOf(d.index!)]} failed for ${who}: `), d.message);
      if (match.known) assert.ok(d.message.toLowerCase().includes(match.entry.title.toLowerCase()), d.message);
    }
  });

  it('links only a known code to Microsoft Learn: an unknown (hostile) code is never the text of a link', () => {
    const hostile = 'Evil\u202Ecode [Microsoft](https://evil.example)';
    const recs = generateRecords({ seed: 5, count: 200 });
    const failed = recs.filter((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure');
    assert.ok(failed.length >= 2);
    ((failed[0]!['provisioningStatusInfo'] as { errorInformation: { errorCode: string } }).errorInformation).errorCode = hostile;
    const items = logDiagnostics(readText(portalJson(recs)), all).filter((d) => d.kind === 'errorCode');
    const bad = items.find((d) => d.code === hostile);
    assert.ok(bad, 'the unknown code is still reported');
    assert.equal(bad.docs, undefined);
    assert.ok(items.some((d) => d.code !== hostile && d.docs !== undefined), 'known codes keep their link');
  });

  it('leads with what happened and to whom, then the meaning (the code is in its own column)', () => {
    const log = readText(portalJson(records));
    const box = logDiagnostics(log, all).find((d) => d.code === 'ServiceNowEntryConflict');
    assert.ok(box);
    assert.match(box.message, /^(Create|Update|Delete|Disable|Staged delete|Other) failed for .+: conflicting entry in the target app$/);
  });

  it('minimum severity: error leaves out retried codes (warnings)', () => {
    const log = readText(portalJson(records));
    const errorsOnly = logDiagnostics(log, { minimum: 'error', maxPerFile: 100_000 });
    assert.ok(errorsOnly.length > 0);
    assert.ok(errorsOnly.every((d) => d.severity === 'error'));
    const withWarnings = logDiagnostics(log, { minimum: 'warning', maxPerFile: 100_000 });
    assert.ok(withWarnings.some((d) => d.severity === 'warning'), 'Timeout/TooManyRequests are warnings');
  });

  it('caps per file, most severe first, with one summary that counts the rest', () => {
    const log = readText(portalJson(records));
    const full = logDiagnostics(log, all).filter((d) => d.kind === 'errorCode');
    const capped = logDiagnostics(log, { minimum: 'info', maxPerFile: 10 });
    const shown = capped.filter((d) => d.kind === 'errorCode');
    const summary = capped.filter((d) => d.kind === 'omitted');
    assert.equal(shown.length, 10);
    assert.equal(summary.length, 1);
    assert.ok(shown.every((d) => d.severity === 'error'));
    assert.match(summary[0]!.message, new RegExp(`^${full.length - 10} more failures in this file are not listed \\(`));
    assert.match(summary[0]!.message, /provlog\.diagnostics\.maxPerFile/);
    assert.deepEqual([summary[0]!.line, summary[0]!.column], [1, 1]);
  });

  it('a cut-off file: an error where it breaks; records before it still get theirs', () => {
    const text = portalJson(records);
    const cut = text.slice(0, Math.floor(text.length * 0.5));
    const log = readText(cut);
    const items = logDiagnostics(log, all);
    const truncated = items.filter((d) => d.code === 'truncated');
    assert.equal(truncated.length, 1);
    assert.equal(truncated[0]!.severity, 'error');
    assert.equal(truncated[0]!.endColumn, cut.length + 1, 'the range ends where the text ends');
    assert.ok(items.some((d) => d.kind === 'errorCode'));
  });

  it('a depth-truncated PowerShell export (UTF-16): a warning over the first flattened value', () => {
    const text = powershellJson(records.slice(0, 8)).replace(/\r?\n/g, '\r\n');
    const log = readBytes(utf16le(powershellJson(records.slice(0, 8))));
    const d = logDiagnostics(log, { minimum: 'error', maxPerFile: 1000 }).find((x) => x.code === 'depthTruncated');
    assert.ok(d, 'shown even when only errors are asked for: it is not an error code');
    assert.equal(d.severity, 'warning');
    assert.match(textAt(text, d), /^(@\{|System\.)/);
  });

  it('-Depth 2 output: each failure\'s code found inside the flattened "@{errorCode=…; …}" text', () => {
    const text = powershellJson(records.slice(0, 40));
    const log = readText(text);
    const failures = [...Array(log.store.size).keys()].filter((i) => log.store.get('errorCode', i) !== '');
    assert.ok(failures.length > 0, 'the reader found the codes');
    const items = logDiagnostics(log, all).filter((d) => d.kind === 'errorCode');
    assert.equal(items.length, failures.length, 'one diagnostic per failure, as in the viewer');
    for (const d of items) {
      assert.equal(textAt(text, d), d.code);
      assert.match(text.split('\n')[d.line - 1]!.slice(0, d.column - 1), /errorCode=$/);
    }
  });

  it('only the files asked for', () => {
    const log = readText(portalJson(records));
    assert.deepEqual(logDiagnostics(log, { ...all, files: new Set([1]) }), []);
  });
});
