// The detail panel's life in a real VS Code: previous/next in the cycle, following the selection,
// coming back after a window reload (serializer), the log read again or closed, and the buttons.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FilterRequest } from '../../src/vscode/logRegistry';
import type { Deps } from '../../src/vscode/deps';
import { closePanel, closeTabs, discardUntitled, exampleUri, firstFailure, isViewerTab, liveDeps, loadLog, nextRender, rendersEvent, showAndWait, waitFor } from './detailTestSupport';

describe('detail panel: navigation and lifecycle', function () {
  this.timeout(120_000);
  let deps: Deps;
  const uri = (): vscode.Uri => exampleUri('ProvisioningLogs_2026-03-02.json');

  before(async () => {
    deps = await liveDeps();
  });

  afterEach(async () => {
    deps.registry.remove(uri(), 'viewer');
    deps.registry.remove(uri(), 'text');
  });

  after(async () => {
    await closePanel(deps);
  });

  it('walks the cycle with previous/next and tells the viewer and tree', async () => {
    const log = await loadLog(deps, uri());
    const cycle = log.model.index.jobs[0]!.cycles[0]!;
    const middle = cycle.events[1]!;
    await showAndWait(deps, uri(), middle);
    const selections: number[] = [];
    const sub = deps.registry.onDidSelectEvent((s) => s.origin === 'detail' && selections.push(s.index));
    try {
      let done = rendersEvent(deps, uri(), cycle.events[2]!);
      await deps.detail.fromPage({ type: 'navigate', to: 'next' });
      await done;
      done = rendersEvent(deps, uri(), cycle.events[1]!);
      await deps.detail.fromPage({ type: 'navigate', to: 'prev' });
      await done;
      const posted = deps.detail.lastPosted;
      assert.ok(posted?.type === 'show');
      assert.deepEqual([posted.view.header.position, posted.view.header.count], [2, cycle.events.length]);
      assert.deepEqual(selections, [cycle.events[2], cycle.events[1]]);
      // At the newest change there is no previous one: nothing happens.
      await showAndWait(deps, uri(), cycle.events[0]!);
      await deps.detail.fromPage({ type: 'navigate', to: 'prev' });
      assert.ok(deps.detail.lastPosted?.type === 'show' && deps.detail.lastPosted.view.index === cycle.events[0]);
    } finally {
      sub.dispose();
    }
  });

  it('follows the selection of the viewer and tree while visible, and not its own', async () => {
    await loadLog(deps, uri());
    await showAndWait(deps, uri(), 0);
    const done = rendersEvent(deps, uri(), 7);
    deps.registry.selectEvent({ uri: uri(), index: 7, origin: 'viewer' });
    await done;
    const tree = rendersEvent(deps, uri(), 9);
    deps.registry.selectEvent({ uri: uri(), index: 8, origin: 'tree' });
    deps.registry.selectEvent({ uri: uri(), index: 9, origin: 'tree' });
    await tree;
    deps.registry.selectEvent({ uri: uri(), index: 11, origin: 'detail' });
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(deps.detail.lastPosted?.type === 'show' && deps.detail.lastPosted.view.index === 9, 'its own selection is not followed');
  });

  it('does not follow while hidden', async () => {
    await loadLog(deps, uri());
    await showAndWait(deps, uri(), 0);
    const panel = deps.detail.panel!;
    const doc = await vscode.workspace.openTextDocument({ content: 'covering the panel', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { viewColumn: panel.viewColumn!, preview: false });
    await waitFor(() => !panel.visible, 'the panel to be hidden');
    deps.registry.selectEvent({ uri: uri(), index: 5, origin: 'viewer' });
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(deps.detail.lastPosted?.type === 'show' && deps.detail.lastPosted.view.index === 0);
    await discardUntitled(doc);
  });

  it('comes back after a window reload: waits for its log, then finds the change by its id on the saved tab', async () => {
    const log = await loadLog(deps, uri());
    const i = firstFailure(log);
    // Saved with another index: the file changed since, and the record id finds it.
    const state = { uri: uri().toString(), index: i + 1, tab: 'modified', tabChosen: true, id: log.model.store.get('id', i), source: 'viewer', name: 'x.json' };
    deps.registry.remove(uri(), 'viewer');
    await closePanel(deps);
    // What VS Code does after a reload: a panel of our view type, and the state the page saved.
    const panel = vscode.window.createWebviewPanel('provlog.detail', 'Change details', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
    await deps.detail.serializer.deserializeWebviewPanel(panel, state);
    assert.equal(deps.detail.panel, panel, 'the restored panel is the one panel');
    await waitFor(() => deps.detail.lastPosted?.type === 'empty' && deps.detail.lastPosted.empty.kind === 'notLoaded', 'the "open the log" state');
    const snap = await deps.detail.snapshot();
    assert.match(snap?.text ?? '', /Open the log to see this change/);
    assert.match(snap?.text ?? '', /ProvisioningLogs_2026-03-02\.json is not open/);
    const done = rendersEvent(deps, uri(), i);
    await loadLog(deps, uri());
    const r = await done;
    assert.equal(r.tab, 'modified', 'the tab is restored');
  });

  it('refreshes when its log is read again and says so when it closes', async () => {
    await loadLog(deps, uri());
    await showAndWait(deps, uri(), 3);
    const again = nextRender(deps, (r) => r.index === 3);
    await loadLog(deps, uri());
    await again;
    deps.registry.remove(uri(), 'viewer');
    await waitFor(() => deps.detail.lastPosted?.type === 'empty' && deps.detail.lastPosted.empty.kind === 'gone', 'the "log was closed" state');
    const snap = await deps.detail.snapshot();
    assert.match(snap?.text ?? '', /The log was closed/);
  });

  it('filters the viewer to the error code, cycle or identity of the change', async () => {
    const log = await loadLog(deps, uri());
    const i = firstFailure(log);
    await showAndWait(deps, uri(), i);
    const requests: FilterRequest[] = [];
    const sub = deps.registry.onDidRequestFilter((r) => requests.push(r));
    try {
      await deps.detail.fromPage({ type: 'filter', by: 'errorCode' });
      await deps.detail.fromPage({ type: 'filter', by: 'cycle' });
      await deps.detail.fromPage({ type: 'filter', by: 'identity' });
    } finally {
      sub.dispose();
    }
    const { store } = log.model;
    assert.deepEqual(
      requests.map((r) => r.filter),
      // The code and the identity as whole values: not every code or name that contains them.
      [
        { errorCode: store.get('errorCode', i), exact: ['errorCode'] },
        { jobId: store.get('jobId', i), cycleId: store.get('cycleId', i) },
        { identity: store.get('sourceId', i), exact: ['identity'] },
      ],
    );
    assert.ok(requests.every((r) => r.uri.toString() === uri().toString() && r.replace));
    await closeTabs(isViewerTab);
  });

  it('copies the IDs support asks for, from its own record', async () => {
    const log = await loadLog(deps, uri());
    await showAndWait(deps, uri(), 2);
    await deps.detail.fromPage({ type: 'copy', field: 'changeId', text: 'not this' });
    assert.equal(await vscode.env.clipboard.readText(), log.model.store.get('changeId', 2));
    await deps.detail.fromPage({ type: 'copy', field: 'cycleId' });
    assert.equal(await vscode.env.clipboard.readText(), log.model.store.get('cycleId', 2));
  });
});
