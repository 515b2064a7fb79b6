// Diagnostics in the real VS Code: on the error code of each failure (the text at each range is the code), with
// the catalog's severity and documentation link, for every format; the cap and its summary; the settings; removal
// on close; a cut-off file and PowerShell's depth truncation; files only the viewer has read.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { lookupErrorCode } from '../../src/core/catalog/catalog';
import { PRECOMPUTED_DIAGNOSTICS, logDiagnostics } from '../../src/core/views/editor/logDiagnostics';
import { closeAllEditors, codeOf, deps, diagnosticsOf, exampleUri, freshCopy, freshFolderWith, openAsText, registerAsViewer, setting, waitFor } from './textTestSupport';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };

/** Failures the log has at the default minimum severity (warning). */
function expectedCount(log: { model: { store: { size: number; get(f: 'errorCode', i: number): string } } }): number {
  let n = 0;
  for (let i = 0; i < log.model.store.size; i++) {
    const code = log.model.store.get('errorCode', i);
    if (code !== '' && lookupErrorCode(code).entry.severity !== 'info') n++;
  }
  return n;
}

describe('diagnostics', function () {
  this.timeout(90_000);
  after(async () => {
    await setting('diagnostics.maxPerFile', undefined);
    await setting('diagnostics.minimumSeverity', undefined);
    await setting('diagnostics.enabled', undefined);
    await closeAllEditors();
  });

  const formats: [string, string][] = [
    ['portal JSON download (minified)', 'ProvisioningLogs_2026-03-02.json'],
    ['Graph beta page', 'graph-page-beta.json'],
    ['UTF-16 PowerShell export', 'provisioning-powershell-full.json'],
    ['Log Analytics JSON', 'AADProvisioningLogs-query.json'],
    ['Log Analytics CSV', 'AADProvisioningLogs-export.csv'],
    ['portal CSV trio (main file)', 'ProvisioningLogs.csv'],
  ];
  for (const [what, name] of formats) {
    it(`sits on each failure's error code: ${what}`, async () => {
      const uri = exampleUri(name);
      const { editor, log } = await openAsText(uri);
      const expected = expectedCount(log);
      assert.ok(expected > 0, 'the example has failures');
      const diags = await diagnosticsOf(uri, (d) => d.filter((x) => x.code !== undefined).length >= expected);
      const logCodes = new Set(Array.from({ length: log.model.store.size }, (_, i) => log.model.store.get('errorCode', i)));
      const onCodes = diags.filter((d) => typeof d.code === 'object' || (typeof d.code === 'string' && logCodes.has(d.code)));
      assert.equal(onCodes.length, expected);
      for (const d of onCodes) {
        const code = codeOf(d);
        assert.equal(editor.document.getText(d.range), code, `range ${JSON.stringify(d.range)}`);
        const { entry, known } = lookupErrorCode(code);
        assert.equal(d.severity, SEVERITY[entry.severity], code);
        // Only a known code links to Microsoft Learn: an unknown one is log text, never a link's text.
        if (known) assert.equal(String((d.code as { target: vscode.Uri }).target), vscode.Uri.parse(entry.docs).toString());
        else assert.equal(typeof d.code, 'string', code);
        assert.equal(d.source, 'Provisioning logs');
        // What happened and to whom lead; the code has its own column.
        assert.match(d.message, /^\S+ (failed|skipped|had a warning|succeeded)( for .+)?: \S/, d.message);
        assert.ok(!d.message.startsWith(code), d.message);
      }
    });
  }

  it('caps the count per file with one summary, and follows maxPerFile and minimumSeverity as they change', async () => {
    const uri = exampleUri('ProvisioningLogs_2026-03-02.json');
    const { log } = await openAsText(uri);
    const total = expectedCount(log);
    await setting('diagnostics.maxPerFile', 5);
    const capped = await diagnosticsOf(uri, (d) => d.length === 6, 'capped diagnostics');
    const summary = capped.find((d) => codeOf(d) === 'moreFailures');
    assert.ok(summary, 'a summary diagnostic');
    assert.equal(summary.severity, vscode.DiagnosticSeverity.Information);
    assert.match(summary.message, new RegExp(`^${total - 5} more failures in this file are not listed`));
    await setting('diagnostics.maxPerFile', undefined);
    await setting('diagnostics.minimumSeverity', 'error');
    const errors = await diagnosticsOf(uri, (d) => d.length > 0 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error), 'errors only');
    assert.ok(errors.length < total, 'retried codes (warnings) left out');
    await setting('diagnostics.minimumSeverity', undefined);
    await diagnosticsOf(uri, (d) => d.length === total, 'all again');
  });

  it('can be turned off and on again', async () => {
    const uri = exampleUri('graph-page-beta.json');
    await openAsText(uri);
    await diagnosticsOf(uri);
    await setting('diagnostics.enabled', false);
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics to go');
    await setting('diagnostics.enabled', undefined);
    await diagnosticsOf(uri);
  });

  it('updates after an edit and disappears when the document closes', async () => {
    const uri = freshCopy('graph-page-beta.json');
    const { editor } = await openAsText(uri);
    const before = await diagnosticsOf(uri);
    const first = before.find((d) => typeof d.code === 'object')!;
    // Replace the code with one the catalog does not know: the message follows.
    await editor.edit((b) => b.replace(first.range, 'SomethingNew'));
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'SomethingNew' && /unrecognized error code/.test(x.message)), 'the edited code');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n\n'));
    const moved = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'SomethingNew' && x.range.start.line === first.range.start.line + 2), 'moved diagnostics');
    assert.ok(moved.length >= before.length - 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics removed on close', 30_000);
  });

  it('a cut-off download: an error where it breaks', async () => {
    const uri = exampleUri('provisioning-truncated.json');
    const { editor } = await openAsText(uri);
    const diags = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'truncated'));
    const cut = diags.find((d) => codeOf(d) === 'truncated')!;
    assert.equal(cut.severity, vscode.DiagnosticSeverity.Error);
    const end = editor.document.positionAt(editor.document.getText().trimEnd().length);
    assert.ok(cut.range.end.isEqual(end), `ends at the end of the text (${JSON.stringify(cut.range.end)} vs ${JSON.stringify(end)})`);
    assert.match(cut.message, /cut off/);
    assert.ok(diags.some((d) => typeof d.code === 'object'), 'complete records before the cut still get theirs');
  });

  it('a depth-truncated PowerShell export: a warning on the first flattened value', async () => {
    const uri = exampleUri('provisioning-powershell-depth2.json');
    const { editor } = await openAsText(uri);
    const diags = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'depthTruncated'));
    const flat = diags.find((d) => codeOf(d) === 'depthTruncated')!;
    assert.equal(flat.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(editor.document.getText(flat.range), /^(@\{|System\.)/);
    assert.match(flat.message, /ConvertTo-Json/);
  });

  it('a file only the viewer has read: diagnostics with the right positions, gone when the viewer closes it', async () => {
    await closeAllEditors();
    const uri = freshCopy('ProvisioningLogs_2026-03-02.json', 'viewer-only.json');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false);
    const log = await registerAsViewer(uri);
    const diags = await diagnosticsOf(uri, (d) => d.length >= expectedCount(log));
    // The file on disk, as an editor would show it: lines and UTF-16 columns.
    const lines = readFileSync(uri.fsPath, 'utf8').split(/\r\n|\r|\n/);
    for (const d of diags) assert.equal(lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), codeOf(d));
    (await deps()).registry.remove(uri, 'viewer');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics to go with the viewer');
  });

  it('a file opened in the viewer brings its diagnostics from the load worker, the same as the host would compute', async () => {
    await closeAllEditors();
    const uri = freshCopy('ProvisioningLogs_2026-03-02.json', 'viewer-worker.json');
    const { registry } = await deps();
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const log = await waitFor(() => registry.getFrom(uri, 'viewer'), 'the viewer to read the file', 30_000);
    const pre = log.model.known(PRECOMPUTED_DIAGNOSTICS);
    assert.ok(pre, 'the worker computed the diagnostics');
    assert.deepEqual(pre.settings, { minimum: 'warning', maxPerFile: 1000 });
    assert.deepEqual(pre.items, logDiagnostics(log.model.data, pre.settings));
    const shown = await diagnosticsOf(uri, (d) => d.length === pre.items.length);
    assert.deepEqual(
      shown.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.range.end.character + 1, codeOf(d), d.message]),
      pre.items.map((i) => [i.line, i.column, i.endColumn, i.code, i.message]),
    );
    // Other settings than the worker's: the host computes them itself.
    await setting('diagnostics.minimumSeverity', 'error');
    const errorsOnly = logDiagnostics(log.model.data, { minimum: 'error', maxPerFile: 1000 });
    assert.ok(errorsOnly.length < pre.items.length, 'the fixture has warnings as well as errors');
    await diagnosticsOf(uri, (d) => d.length === errorsOnly.length);
    await setting('diagnostics.minimumSeverity', undefined);
    await closeAllEditors();
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics to go with the viewer');
  });

  it('a CSV trio only the viewer has read: the main file gets them', async () => {
    const uri = freshFolderWith('ProvisioningLogs.csv', 'ProvisioningLogs_ProvisioningSteps.csv', 'ProvisioningLogs_ModifiedProperties.csv');
    const log = await registerAsViewer(uri);
    assert.equal(log.model.data.files.length, 3, 'read with its siblings');
    const diags = await diagnosticsOf(uri, (d) => d.length >= expectedCount(log));
    const lines = readFileSync(uri.fsPath, 'utf8').split(/\r\n|\r|\n/);
    for (const d of diags) assert.equal(lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), codeOf(d));
    (await deps()).registry.remove(uri, 'viewer');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 'diagnostics to go with the viewer');
  });
});
