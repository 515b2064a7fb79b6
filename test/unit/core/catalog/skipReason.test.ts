/**
 * Skipped events whose reason is only in a step (SkipReason and description), as in real records:
 * the reason column, the detail panel, hovers and explain carry it, from the skip-reason catalog.
 */
import * as assert from 'node:assert/strict';
import { explainText } from '../../../../src/cli/commands/errorCodes';
import { allSkipReasons, explainJson, lookupErrorCode } from '../../../../src/core/catalog/catalog';
import { explainMarkdown } from '../../../../src/core/output/explainMarkdown';
import { buildDetailView } from '../../../../src/core/views/detail/buildDetailView';
import { LoadedLog } from '../../../../src/core/log/loadedLog';
import { hoverMarkdown, type HoverLinks } from '../../../../src/core/views/editor/hoverText';
import { logTokenAt } from '../../../../src/core/views/editor/logTokenAt';
import { readText } from '../../helpers';
import { diagnosticRecord, lines, skippedOverrides } from '../../../fixtures/realShapes';
import { type EventFilter } from '../../../../src/core/common/filter';

const links: HoverLinks = {
  showDetails: (i) => `cmd:show/${i}`,
  filter: (f: EventFilter) => `cmd:filter/${Object.keys(f).join(',')}`,
  copy: (_t, label) => `cmd:copy/${label}`,
};

const DESCRIPTION = "Skipped export of User 'rowan@fabrikam.example': the target already matches";
const text = lines([
  diagnosticRecord('s1', skippedOverrides('RedundantExport', DESCRIPTION), { resultType: 'Skipped' }),
  diagnosticRecord('s2', skippedOverrides('NotEffectivelyEntitled', 'User is not effectively entitled'), { resultType: 'Skipped' }),
  diagnosticRecord('s3', skippedOverrides('SomethingNew', 'A new kind of skip'), { resultType: 'Skipped' }),
]);
const log = readText(text, 'PT1H.json');
const model = new LoadedLog(log);
const ctx = { uri: 'file:///PT1H.json', logName: 'PT1H.json' };

describe('skip reasons', () => {
  it('fill the reason column of skipped events from the step, and leave the error code empty', () => {
    assert.equal(log.store.statusOf(0), 'skipped');
    assert.equal(log.store.get('reason', 0), `RedundantExport: ${DESCRIPTION}`);
    assert.equal(log.store.get('errorCode', 0), '');
    assert.equal(log.store.get('reason', 2), 'SomethingNew: A new kind of skip');
  });

  it('explain answers a skip reason from its own catalog, not as an unknown error', () => {
    for (const entry of allSkipReasons()) {
      const m = lookupErrorCode(entry.value.toLowerCase());
      assert.equal(m.known, true, entry.value);
      assert.equal(m.skipReason, true, entry.value);
      assert.equal(m.entry.category, 'Skip reason');
      assert.equal(m.entry.severity, entry.actionNeeded ? 'warning' : 'info');
    }
    const j = explainJson('NotEffectivelyEntitled');
    assert.equal(j.known, true);
    assert.equal(j.skipReason, true);
    assert.equal(j.retry, 'none');
    assert.match(j.remediation, /assign it/);
    assert.equal(explainJson('EntryConflict').skipReason, undefined, 'error codes stay error codes');
    const t = explainText('RedundantExport');
    assert.match(t, /^RedundantExport: Already in sync \(a skip reason from a step's SkipReason detail, not an error\)\nAction needed: no \(expected\)\n/);
    assert.doesNotMatch(t, /Unrecognized/);
    const md = explainMarkdown('AttributeValidationFailed');
    assert.match(md, /A skip reason: the value of a step's `SkipReason` detail/);
    assert.match(md, /\*\*Severity:\*\* warning/);
  });

  it('the detail panel says why, whether to act and what to change', () => {
    const skip = buildDetailView(model, 1, ctx)!.troubleshooting.skip;
    assert.ok(skip);
    assert.equal(skip.reason, 'NotEffectivelyEntitled');
    assert.equal(skip.actionNeeded, true);
    assert.ok(skip.remediation.length >= 2);
    assert.match(skip.docs?.url ?? '', /^https:\/\/learn\.microsoft\.com\//);
    const unknown = buildDetailView(model, 2, ctx)!.troubleshooting.skip;
    assert.equal(unknown?.title, 'Skip reason SomethingNew');
    assert.deepEqual(unknown?.remediation, []);
  });

  it('a hover on the SkipReason value explains it', () => {
    const at = text.indexOf('"RedundantExport"') + 3;
    const token = logTokenAt(log, 0, new TextEncoder().encode(text.slice(0, at)).length);
    assert.ok(token);
    assert.equal(token.role, 'skipReason');
    const md = hoverMarkdown(model, token, links)!;
    assert.match(md, /^\$\(info\) \*\*RedundantExport\*\* · Already in sync · skip reason/);
    assert.match(md, /No action needed \(expected\)/);
    const other = text.indexOf('"SomethingNew"') + 3;
    const t2 = logTokenAt(log, 0, new TextEncoder().encode(text.slice(0, other)).length)!;
    assert.match(hoverMarkdown(model, t2, links)!, /skip reason not in the catalog/);
  });
});
