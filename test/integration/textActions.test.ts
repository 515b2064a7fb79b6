// Quick fixes on the diagnostics (vscode.executeCodeActionProvider), the explain page they open, and a Problems-panel
// style navigation to a failure selecting that event for the viewer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EventSelection } from '../../src/vscode/logRegistry';
import { closeAllEditors, codeOf, deps, diagnosticsOf, exampleUri, freshCopy, openAsText, registerAsViewer, setting, waitFor } from './textTestSupport';

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return all.filter((a): a is vscode.CodeAction => 'title' in a && 'kind' in a && a.command !== undefined);
}

describe('text quick fixes', function () {
  this.timeout(60_000);
  after(async () => {
    await setting('diagnostics.maxPerFile', undefined);
    await closeAllEditors();
  });

  it('on a failure: show details, copy the change ID, filter the viewer, explain, each with its arguments', async () => {
    const uri = exampleUri('graph-page-beta.json');
    const { log } = await openAsText(uri);
    const diag = (await diagnosticsOf(uri)).find((d) => typeof d.code === 'object')!;
    const code = codeOf(diag);
    const actions = await actionsAt(uri, diag.range);
    const byCommand = new Map(actions.map((a) => [a.command!.command, a]));
    const show = byCommand.get('provlog.showDetails');
    assert.ok(show, actions.map((a) => a.title).join(', '));
    assert.equal(show.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const { uri: u, index } = show.command!.arguments![0] as { uri: string; index: number };
    assert.equal(u, uri.toString());
    assert.equal(log.model.store.get('errorCode', index), code);
    const copy = byCommand.get('provlog.copyText')!;
    assert.equal(copy.title, 'Copy change ID for Microsoft support');
    assert.deepEqual(copy.command!.arguments![0], { text: log.model.store.get('changeId', index), label: 'Change ID' });
    const filter = byCommand.get('provlog.filterTo')!;
    assert.equal(filter.title, `Filter the viewer to ${code}`);
    assert.deepEqual(filter.command!.arguments![0], { uri: uri.toString(), filter: { errorCode: code, exact: ['errorCode'] }, replace: true });
    const explain = byCommand.get('provlog.explainCodeDocument')!;
    assert.equal(explain.title, `Explain ${code}`);
  });

  it('"Explain" opens the catalog page for the code with this event, as a read-only Markdown preview', async () => {
    const uri = exampleUri('graph-page-beta.json');
    const { log } = await openAsText(uri);
    const diag = (await diagnosticsOf(uri)).find((d) => typeof d.code === 'object')!;
    const explain = (await actionsAt(uri, diag.range)).find((a) => a.command!.command === 'provlog.explainCodeDocument')!;
    const page = await vscode.commands.executeCommand<vscode.Uri>(explain.command!.command, ...explain.command!.arguments!);
    assert.equal(page.scheme, 'provlog-explain');
    const doc = await vscode.workspace.openTextDocument(page);
    const { index } = explain.command!.arguments![0] as { index: number };
    assert.equal(log.model.store.get('errorCode', index), codeOf(diag));
    assert.match(doc.getText(), /^# `.+`: /);
    assert.match(doc.getText(), /## What to do/);
    assert.match(doc.getText(), /## This event\n\n- Time: 2026-/);
    assert.match(doc.getText(), /\*\*Reason\*\* \(as the target system wrote it\):\n\n> \S/);
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType)),
      'a Markdown preview tab',
    );
  });

  it('on the "more failures" summary: open the viewer or change the limit', async () => {
    const uri = exampleUri('ProvisioningLogs_2026-03-02.json');
    await openAsText(uri);
    await setting('diagnostics.maxPerFile', 2);
    const summary = (await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'moreFailures'))).find((d) => codeOf(d) === 'moreFailures')!;
    const titles = (await actionsAt(uri, summary.range)).map((a) => a.title);
    assert.ok(titles.includes('Open in Provisioning Log Viewer to see every failure'), titles.join(', '));
    assert.ok(titles.includes('Change the limit (provlog.diagnostics.maxPerFile)'));
    await setting('diagnostics.maxPerFile', undefined);
  });

  it('going to a failure in a file the viewer shows selects that event there', async () => {
    await closeAllEditors();
    const d = await deps();
    const uri = freshCopy('graph-page-beta.json');
    const viewer = await registerAsViewer(uri);
    const diags = await diagnosticsOf(uri);
    const target = diags.filter((x) => typeof x.code === 'object')[2]!;
    const selected = new Promise<EventSelection>((resolve) => {
      const sub = d.registry.onDidSelectEvent((s) => {
        if (s.uri.toString() !== uri.toString()) return;
        sub.dispose();
        resolve(s);
      });
    });
    // What a click in the Problems panel does: open the file with the cursor on the diagnostic.
    await vscode.window.showTextDocument(uri, { selection: target.range });
    const s = await Promise.race([selected, new Promise<undefined>((r) => setTimeout(() => r(undefined), 15_000))]);
    assert.ok(s, 'an event was selected');
    assert.equal(s.origin, 'command');
    assert.equal(viewer.model.store.get('errorCode', s.index), codeOf(target));
    d.registry.remove(uri, 'viewer');
  });
});
