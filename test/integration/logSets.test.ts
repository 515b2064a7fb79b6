// A storage account's diagnostic export folder, and several downloads chosen together, opened in one
// viewer in the real VS Code: every blob under the folder read as one log (re-deliveries once, other
// files skipped with a note), the failure's diagnostic on its own blob, "Go to record" opening that
// blob at the record, and hostile folder names shown with their hidden characters revealed.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { OpenLog } from '../../src/vscode/logRegistry';
import { SET_SCHEME } from '../../src/vscode/logSets';
import { diagnosticRecord, failedOverrides, lines } from '../fixtures/realShapes';
import { rendersEvent } from './detailTestSupport';
import { closeAll, PAGE_MS, postedSince, probe, services, until } from './viewerHelpers';
import { VIEW_TYPE } from '../../src/vscode/viewer/viewType';

/** One line of a PT1H.json blob, shaped like Azure Monitor's real records (PascalCase, ordinals, string durationMs). */
const diag = (id: string, failed = false): Record<string, unknown> => (failed ? diagnosticRecord(id, failedOverrides(), { resultType: 'Failure' }) : diagnosticRecord(id));

describe('viewer: an export folder and several files as one log', function () {
  this.timeout(240_000);
  const root = mkdtempSync(join(tmpdir(), 'provlog-sets-it-'));
  // The folder as Storage Explorer downloads it; its own name is hostile text.
  const folder = join(root, 'export \u202Egnp.json');
  const blobDir = (hour: number): string => join(folder, 'insights-logs-provisioninglogs', 'resourceId=', 'tenants', 't1', 'providers', 'Microsoft.aadiam', 'y=2026', 'm=03', 'd=07', `h=${hour}`, 'm=00');
  const blob = (hour: number): string => join(blobDir(hour), 'PT1H.json');
  before(() => {
    for (const h of [13, 14, 15]) mkdirSync(blobDir(h), { recursive: true });
    writeFileSync(blob(13), lines([diag('a'), diag('b')]));
    // Hour 14: the failure, after a re-delivery of "a" (same content).
    writeFileSync(blob(14), lines([diag('a'), diag('c', true)]));
    writeFileSync(blob(15), lines([diag('d')]));
    writeFileSync(join(folder, 'README.txt'), 'downloaded with azcopy\n');
  });
  after(async () => {
    await closeAll();
    rmSync(root, { recursive: true, force: true });
  });

  async function setLog(match: (log: OpenLog) => boolean): Promise<OpenLog> {
    const deps = await services();
    return until('the set to be read', () => deps.registry.all().find((l) => l.uri.scheme === SET_SCHEME && l.source === 'viewer' && match(l)), 60_000);
  }

  it('Open Folder as Provisioning Log reads every blob as one log, with diagnostics on the blob and Go to record', async () => {
    const deps = await services();
    const p = await probe();
    const since = Date.now();
    await vscode.commands.executeCommand('provlog.openFolder', vscode.Uri.file(folder));
    const log = await setLog((l) => l.uri.query.includes('gnp.json'));
    const { store, data } = log.model;
    assert.equal(store.size, 4, 'a, b, c, d: the re-delivered "a" counts once');
    assert.equal(data.files.length, 3);
    assert.deepEqual(log.files?.map((u) => u.fsPath), [blob(13), blob(14), blob(15)]);
    assert.ok(data.problems.some((x) => x.code === 'skippedFiles' && /README\.txt \(not a provisioning log\)/.test(x.message)));
    assert.ok(data.problems.some((x) => x.code === 'duplicates'));
    // Its size is the files' together (README included), so a huge folder is asked about before reading.
    const total = [blob(13), blob(14), blob(15), join(folder, 'README.txt')].reduce((n, f) => n + statSync(f).size, 0);
    assert.equal((await vscode.workspace.fs.stat(log.uri)).size, total);

    // The page of the set was told about all of it.
    const init = await until('the page to be told', () => postedSince(p, log.uri, 'init', since), PAGE_MS);
    assert.equal(init.header.events, 4);
    // The tab title reveals the hidden direction mark instead of obeying it.
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === log.uri.toString());
    assert.ok(tab, 'a viewer tab for the set');
    assert.match(tab.label, /⟨U\+202E⟩/);
    assert.doesNotMatch(tab.label, /\u202E/);

    // The failure's diagnostic is on its blob (hour 14), line 2; nothing on the set's own URI.
    const h14 = vscode.Uri.file(blob(14));
    const diagnostics = await until('the failure diagnostic on its blob', () => {
      const d = vscode.languages.getDiagnostics(h14).filter((x) => x.source !== undefined && String(typeof x.code === 'object' ? x.code.value : x.code) === 'SystemForCrossDomainIdentityManagementBadRequest');
      return d.length > 0 ? d : undefined;
    });
    assert.equal(diagnostics[0]!.range.start.line, 1);
    assert.deepEqual(vscode.languages.getDiagnostics(log.uri), []);

    // The detail panel names the blob; Go to record opens it at the record.
    let failure = -1;
    for (let i = 0; i < store.size; i++) if (store.statusOf(i) === 'failure') failure = i;
    const rendered = rendersEvent(deps, log.uri, failure, PAGE_MS);
    deps.detail.show(log.uri, failure);
    await rendered;
    await deps.detail.goToRecord();
    const editor = await until('the blob open as text', () => {
      const e = vscode.window.activeTextEditor;
      return e !== undefined && e.document.uri.fsPath === blob(14) ? e : undefined;
    });
    assert.equal(editor.selection.active.line, 1);
    assert.equal(editor.selection.active.character, 0);
  });

  it('an ordinary JSON file with a "value" array gets the not-a-log verdict in the viewer and no Problems', async () => {
    const deps = await services();
    const p = await probe();
    const settings = vscode.Uri.file(join(root, 'settings.json'));
    writeFileSync(settings.fsPath, '{"value": [{"name": "editor.fontSize", "enabled": true}]}');
    const since = Date.now();
    await vscode.commands.executeCommand('vscode.openWith', settings, VIEW_TYPE);
    const init = await until('the page to be told', () => postedSince(p, settings, 'init', since), PAGE_MS);
    assert.equal(init.header.format, 'Not a provisioning log');
    assert.equal(init.header.unreadable, true);
    assert.deepEqual(init.header.problems.map((x) => x.code), ['notProvisioningLog']);
    await until('the reading in the registry', () => deps.registry.getFrom(settings, 'viewer'));
    assert.deepEqual(vscode.languages.getDiagnostics(settings), []);
  });

  it('Open Together reads files chosen in the Explorer as one log', async () => {
    const a = vscode.Uri.file(blob(13));
    const b = vscode.Uri.file(blob(15));
    await vscode.commands.executeCommand('provlog.openTogether', a, [a, b]);
    const log = await setLog((l) => l.uri.query.includes('"files"'));
    assert.equal(log.model.store.size, 3);
    assert.deepEqual(log.model.data.files.map((f) => f.name), ['h=13/m=00/PT1H.json', 'h=15/m=00/PT1H.json'], 'two PT1H.json told apart by their folders');
    assert.deepEqual(log.files?.map((u) => u.fsPath), [blob(13), blob(15)]);
  });
});
