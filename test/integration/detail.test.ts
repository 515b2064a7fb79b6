// The detail panel in a real VS Code: one event of every format reaches the page with its
// explanation and is drawn there; raw JSON; "Show Change Details" at the cursor; hostile text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildDetailView } from '../../src/core/views/detail/buildDetailView';
import { describeRetry, lookupErrorCode } from '../../src/core/catalog/catalog';
import { toGraphShape } from '../../src/core/read/normalize/graphShape';
import { prettifyText } from '../../src/core/prettify/prettify';
import type { Deps } from '../../src/vscode/deps';
import { revealControls } from '../../src/core/common/safeText';
import { HOSTILE_NAMES } from '../fixtures/generator/hostile';
import { closePanel, closeTabs, exampleUri, firstFailure, isTextTab, liveDeps, loadLog, rendersEvent, showAndWait, waitFor } from './detailTestSupport';

/** One file per format the readers know (the CSV trio opened through its main file). */
const FORMAT_FILES = [
  'ProvisioningLogs_2026-03-02.json',
  'graph-page-v1.json',
  'graph-page-beta.json',
  'directoryProvisioning-2019.json',
  'entraidprovisioninglogs.json',
  'PT1H.json',
  'eventhub-records.json',
  'AADProvisioningLogs-query.json',
  'AADProvisioningLogs-export.csv',
  'ProvisioningLogs.csv',
  'provisioning-powershell-depth2.json',
  'provisioning-powershell-full.json',
  'provisioning-truncated.json',
];

describe('detail panel: content', function () {
  this.timeout(120_000);
  let deps: Deps;

  before(async () => {
    deps = await liveDeps();
  });

  after(async () => {
    await closePanel(deps);
  });

  for (const name of FORMAT_FILES) {
    it(`shows a change of ${name} with its explanation`, async () => {
      const uri = exampleUri(name);
      const log = await loadLog(deps, uri);
      assert.ok(log.model.store.size > 0, `${name} has events`);
      const i = firstFailure(log);
      await showAndWait(deps, uri, i);
      const posted = deps.detail.lastPosted;
      assert.equal(posted?.type, 'show');
      if (posted?.type !== 'show') return;
      const expected = buildDetailView(log.model, i, { uri: uri.toString(), logName: log.name });
      assert.deepEqual(posted.view, expected, 'the page got the view of that record');
      const { store } = log.model;
      assert.equal(posted.view.changeId, store.get('changeId', i));
      const code = store.get('errorCode', i);
      if (store.statusOf(i) === 'failure' && code !== '') {
        const match = lookupErrorCode(code);
        assert.equal(posted.view.troubleshooting.explanation?.canonical, match.canonical);
        assert.equal(posted.view.troubleshooting.explanation?.retry.sentence, describeRetry(store.time[i]!, match));
      }
      assert.equal(posted.view.raw.kind, store.flavorOf(i) === 'csv' ? 'graphShape' : 'own');
      // What the page draws, read back from it.
      const snap = await deps.detail.snapshot();
      assert.ok(snap, 'the page answers');
      assert.ok(snap.text.includes(posted.view.header.sentence), `the page shows the sentence; it shows:\n${snap.text.slice(0, 400)}`);
      assert.match(snap.text, new RegExp(`${posted.view.header.position} of ${posted.view.header.count} in this cycle`));
      deps.registry.remove(uri, 'viewer');
    });
  }

  it('reuses one panel beside the editor', async () => {
    const uri = exampleUri('graph-page-v1.json');
    await loadLog(deps, uri);
    await showAndWait(deps, uri, 0);
    const first = deps.detail.panel;
    await showAndWait(deps, uri, 1);
    assert.equal(deps.detail.panel, first, 'the same panel');
    assert.equal(deps.detail.panel?.viewType, 'provlog.detail');
    assert.equal(deps.detail.panel?.title.startsWith('Change: '), true);
    deps.registry.remove(uri, 'viewer');
  });

  it('opens the raw JSON beside: the record prettified losslessly, or a CSV record in Graph shape', async () => {
    for (const name of ['ProvisioningLogs_2026-03-02.json', 'PT1H.json', 'ProvisioningLogs.csv']) {
      const uri = exampleUri(name);
      const log = await loadLog(deps, uri);
      const i = firstFailure(log);
      await showAndWait(deps, uri, i);
      const own = log.model.rawText(i);
      const expected = own !== undefined ? prettifyText(own).text : `${JSON.stringify(toGraphShape(log.model.record(i)!), null, 2)}\n`;
      await deps.detail.fromPage({ type: 'openRaw' });
      // The button's handler has shown the document when it returns: it is the active editor.
      const doc = await waitFor(() => {
        const d = vscode.window.activeTextEditor?.document;
        return d?.uri.scheme === 'provlog-raw' && d.getText() === expected ? d : undefined;
      }, `a read-only editor with the record of ${name}`, 5000).catch(() => vscode.window.activeTextEditor?.document);
      assert.equal(doc?.uri.scheme, 'provlog-raw', 'a read-only virtual document');
      assert.equal(doc.isUntitled, false, 'not an untitled file that asks to be saved');
      assert.equal(doc.isDirty, false);
      assert.equal(doc.languageId, 'json');
      assert.equal(doc.getText(), expected, name);
      if (name.endsWith('.csv')) assert.equal(own, undefined, 'CSV rows have no JSON of their own');
      await closeTabs(isTextTab(doc.uri));
      assert.equal(vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === doc.uri.toString()), false);
      deps.registry.remove(uri, 'viewer');
    }
  });

  it('"Show Change Details" in a log open as text shows the change at the cursor', async () => {
    const uri = exampleUri('graph-page-beta.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const log = await waitFor(() => deps.registry.getFrom(uri, 'text'), 'the text tracker to read the log', 30_000);
    const k = Math.min(5, log.model.store.size - 1);
    const changeId = log.model.store.get('changeId', k);
    const at = doc.getText().indexOf(changeId);
    assert.ok(at > 0);
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const done = rendersEvent(deps, uri, k);
    await vscode.commands.executeCommand('provlog.showDetails');
    await done;
    assert.equal(deps.detail.lastPosted?.type === 'show' && deps.detail.lastPosted.view.changeId, changeId);
    await closeTabs(isTextTab(uri));
  });

  it('renders hostile names, reasons and attributes as text', async () => {
    const uri = exampleUri('provisioning-hostile-names.json');
    const log = await loadLog(deps, uri);
    for (let i = 0; i < Math.min(6, log.model.store.size); i++) {
      await showAndWait(deps, uri, i);
      const name = log.model.store.get('sourceName', i);
      assert.ok(HOSTILE_NAMES.includes(name));
      const snap = await deps.detail.snapshot();
      assert.ok(snap?.text.includes(revealControls(name).slice(0, 60)), `the page shows ${JSON.stringify(name.slice(0, 40))} as text`);
    }
    deps.registry.remove(uri, 'viewer');
  });
});
