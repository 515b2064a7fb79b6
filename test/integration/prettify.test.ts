// Prettify in the real VS Code: one undoable edit, lossless (minified → pretty → minified is the original bytes),
// indented as the editor says, with the document's line ends; Format Document only for logs; and the new-file path
// for files the viewer holds (streamed, never over the original, cancellable without leftovers).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { minifyBytes, prettifyBytes, prettifyText } from '../../src/core/prettify/prettify';
import { writePrettyCopy } from '../../src/vscode/text/prettifyToFile';
import { generateRecords } from '../fixtures/generator/records';
import { portalJson } from '../fixtures/generator/writers';
import { closeAllEditors, deps, exampleUri, freshCopy, openAsText, registerAsViewer, scratchDir, waitFor } from './textTestSupport';

const concat = (parts: Uint8Array[]): Buffer => Buffer.concat(parts);
const prettyOf = (bytes: Uint8Array): Buffer => {
  const parts: Uint8Array[] = [];
  prettifyBytes(bytes, (c) => parts.push(c));
  return concat(parts);
};

describe('prettify', function () {
  this.timeout(90_000);
  after(closeAllEditors);

  it('formats the minified download in place, 2 spaces by default; undo gives back the exact text', async () => {
    const uri = freshCopy('ProvisioningLogs_2026-03-02.json');
    const original = readFileSync(uri.fsPath, 'utf8');
    const { editor } = await openAsText(uri);
    await vscode.commands.executeCommand('provlog.prettify');
    const pretty = editor.document.getText();
    assert.equal(pretty, JSON.stringify(JSON.parse(original), null, 2) + '\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
    await vscode.commands.executeCommand('redo');
    assert.equal(editor.document.getText(), pretty);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('minified → prettified (saved) → minified gives back the original bytes', async () => {
    const uri = freshCopy('graph-page-v1.json');
    // Minify the example first so the round trip starts from a download as the portal writes it.
    const minified = concat(((): Uint8Array[] => {
      const parts: Uint8Array[] = [];
      minifyBytes(readFileSync(uri.fsPath), (c) => parts.push(c));
      return parts;
    })());
    writeFileSync(uri.fsPath, minified);
    const { editor } = await openAsText(uri);
    await vscode.commands.executeCommand('provlog.prettify');
    assert.ok(editor.document.lineCount > 100);
    await editor.document.save();
    const saved = readFileSync(uri.fsPath);
    const back: Uint8Array[] = [];
    minifyBytes(saved, (c) => back.push(c));
    assert.ok(concat(back).equals(minified), 'the bytes come back unchanged');
    await closeAllEditors();
  });

  it("follows the editor's indentation once it is chosen: 3 spaces, then tabs", async () => {
    const uri = freshCopy('ProvisioningLogs_2026-03-02.json');
    const original = readFileSync(uri.fsPath, 'utf8');
    const { editor } = await openAsText(uri);
    editor.options = { tabSize: 3, insertSpaces: true };
    await vscode.commands.executeCommand('provlog.prettify');
    assert.equal(editor.document.getText(), JSON.stringify(JSON.parse(original), null, 3) + '\n');
    await vscode.commands.executeCommand('undo');
    editor.options = { insertSpaces: false };
    await vscode.commands.executeCommand('provlog.prettify');
    assert.equal(editor.document.getText(), JSON.stringify(JSON.parse(original), null, '\t') + '\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("keeps the document's line ends (CRLF)", async () => {
    const uri = freshCopy('PT1H.json');
    const { editor } = await openAsText(uri);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    await vscode.commands.executeCommand('provlog.prettify');
    const text = editor.document.getText();
    assert.ok(text.split('\r\n').length > 100);
    assert.ok(!/[^\r]\n/.test(text), 'no bare \\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Format Document formats a log with the given options, and leaves ordinary JSON to JSON', async () => {
    const uri = freshCopy('ProvisioningLogs_2026-03-02.json');
    const original = readFileSync(uri.fsPath, 'utf8');
    await openAsText(uri);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 4, insertSpaces: true });
    assert.equal(edits?.length, 1);
    assert.equal(edits[0]!.newText, JSON.stringify(JSON.parse(original), null, 4) + '\n');
    const plain = exampleUri('app-settings.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await deps()).registry.getFrom(plain, 'text'), undefined, 'not a log');
    const other = (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', plain, { tabSize: 2, insertSpaces: true })) ?? [];
    // Our formatter would add a final line end to this already pretty file; JSON's own leaves it as it is.
    assert.ok(!other.some((e) => e.newText.endsWith('}\n')), 'not formatted by the provisioning-log formatter');
    await closeAllEditors();
  });

  it('for a file the viewer holds: writes NAME.pretty.json beside it (then (2)), opens it, leaves the original alone', async () => {
    await closeAllEditors();
    const uri = freshCopy('ProvisioningLogs_2026-03-02.json');
    const original = readFileSync(uri.fsPath);
    await registerAsViewer(uri);
    const first = await vscode.commands.executeCommand<vscode.Uri>('provlog.prettify', uri);
    assert.equal(first.path, uri.path.replace(/\.json$/, '.pretty.json'));
    assert.ok(readFileSync(first.fsPath).equals(prettyOf(original)));
    await waitFor(() => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === first.toString()), 'the copy to open as text');
    // Again, now from the active viewer (no argument): a new name, nothing overwritten.
    await closeAllEditors();
    const d = await deps();
    d.registry.setActive(uri, 'viewer');
    const second = await vscode.commands.executeCommand<vscode.Uri>('provlog.prettify');
    assert.equal(second.path, uri.path.replace(/\.json$/, '.pretty (2).json'));
    assert.ok(readFileSync(uri.fsPath).equals(original), 'the original is untouched');
    d.registry.remove(uri, 'viewer');
  });

  it('a UTF-16 PowerShell export held by the viewer: the copy is UTF-8', async () => {
    await closeAllEditors();
    const uri = freshCopy('provisioning-powershell-full.json');
    await registerAsViewer(uri);
    const copy = await vscode.commands.executeCommand<vscode.Uri>('provlog.prettify', uri);
    const text = new TextDecoder('utf-16le').decode(readFileSync(uri.fsPath).subarray(2));
    assert.equal(readFileSync(copy.fsPath, 'utf8'), prettifyText(text).text);
    (await deps()).registry.remove(uri, 'viewer');
  });

  it('cancelling the copy removes the partial file', async () => {
    const big = join(scratchDir(), 'cancel-me.json');
    writeFileSync(big, portalJson(generateRecords({ seed: 77, count: 4000 })));
    const target = vscode.Uri.file(join(scratchDir(), 'cancel-me.pretty.json'));
    const cts = new vscode.CancellationTokenSource();
    let steps = 0;
    const r = await writePrettyCopy(vscode.Uri.file(big), target, readFileSync(big).length, () => {
      if (++steps === 2) cts.cancel();
    }, cts.token);
    assert.equal(r, undefined);
    assert.ok(steps >= 2, 'it was under way');
    assert.equal(existsSync(target.fsPath), false);
  });
});
