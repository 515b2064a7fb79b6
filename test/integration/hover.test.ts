// Hovers in the real VS Code (vscode.executeHoverProvider): on an error code the remediation, the retry time and the
// event's reason with links that run only the three allowed commands; on IDs a summary; on enum values their meaning.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { services } from './extensionServices';
import { closeAllEditors, codeOf, diagnosticsOf, exampleUri, freshCopy, openAsText } from './textTestSupport';

const ALLOWED = ['provlog.showDetails', 'provlog.filterTo', 'provlog.copyText'];

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
  return { text, hovers };
}

/** Position of the `n`-th match of `re` in the document, `delta` characters into the match. */
function find(doc: vscode.TextDocument, re: RegExp, delta: number, n = 0): vscode.Position {
  const text = doc.getText();
  const all = [...text.matchAll(new RegExp(re.source, 'g'))];
  const m = all[n];
  assert.ok(m, `${re} not found`);
  return doc.positionAt(m.index + delta);
}

function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((command:[^)]*)\)/g)].map((m) => m[1]!);
}

describe('hover', function () {
  this.timeout(60_000);
  after(closeAllEditors);

  it('on an error code: meaning, what to do, retry, the reason, and links to the three commands only', async () => {
    const uri = exampleUri('graph-page-beta.json');
    const { editor } = await openAsText(uri);
    const diag = (await diagnosticsOf(uri)).find((d) => typeof d.code === 'object')!;
    const { text, hovers } = await hoverAt(uri, diag.range.start.translate(0, 2));
    const code = codeOf(diag);
    assert.ok(text.includes(`**${code}**`), text);
    assert.match(text, /\*\*What to do\*\*/);
    assert.match(text, /\*\*Retry:\*\* (Retried automatically|Not retried)/);
    assert.match(text, /\*\*Reason:\*\* /);
    const links = commandLinks(text);
    assert.deepEqual([...new Set(links.map((l) => l.slice('command:'.length, l.indexOf('?'))))].sort(), [...ALLOWED].sort());
    const details = decodeURIComponent(links.find((l) => l.startsWith('command:provlog.showDetails'))!.split('?')[1]!);
    assert.equal(JSON.parse(details).uri, uri.toString());
    const trusted = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    assert.deepEqual(trusted?.isTrusted, { enabledCommands: ALLOWED });
    assert.ok(hovers[0]?.range && editor.document.getText(hovers[0].range) === code, 'the hover covers the code');
  });

  it('on a retried code: the actual time of the retry', async () => {
    const uri = exampleUri('ProvisioningLogs_2026-03-02.json');
    await openAsText(uri);
    const diags = await diagnosticsOf(uri);
    const retried = diags.find((d) => ['Timeout', 'InternalServerError'].includes(codeOf(d)));
    assert.ok(retried, 'the example has a Timeout or InternalServerError');
    const { text } = await hoverAt(uri, retried.range.start);
    const at = /\*\*This event:\*\* .*?(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/.exec(text);
    assert.ok(at, text);
    const retry = new Date(Date.parse(`${at[1]!.replace(' ', 'T')}Z`) + 40 * 60_000).toISOString().slice(11, 16);
    assert.ok(text.includes(`Retried automatically around ${retry} UTC (40 minutes after the event)`), text);
  });

  it('on an app-prefixed code (BoxEntryConflict) and on an unknown one', async () => {
    const uri = exampleUri('directoryProvisioning-2019.json');
    const { editor } = await openAsText(uri);
    const at = find(editor.document, /BoxEntryConflict/, 3);
    const { text } = await hoverAt(uri, at);
    assert.match(text, /\*Box\* is the target app's name in front of the catalog code \*\*EntryConflict\*\*/);
    const copy = freshCopy('graph-page-beta.json');
    const { editor: e2 } = await openAsText(copy);
    const d = (await diagnosticsOf(copy)).find((x) => typeof x.code === 'object')!;
    await e2.edit((b) => b.replace(d.range, 'FreshlyInventedCode'));
    // Right after the edit: the hover reads the document again rather than use the old reading.
    const unknown = await hoverAt(copy, d.range.start.translate(0, 1));
    assert.match(unknown.text, /\*\*FreshlyInventedCode\*\* · unrecognized error code/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('right after an edit, while other reads of the same text keep starting (the debounced read, code actions)', async () => {
    // The race of a loaded machine: the hover reads the edited text; the tracker's debounced read of the
    // same text started meanwhile used to cancel the hover's read, and the hover came back empty.
    // Here other reads start continuously while the hover is answered; they must join, not restart.
    const deps = await services();
    const copy = freshCopy('graph-page-beta.json');
    const { editor } = await openAsText(copy);
    const d = (await diagnosticsOf(copy)).find((x) => typeof x.code === 'object')!;
    await editor.edit((b) => b.replace(d.range, 'AnotherInventedCode'));
    let answered = false;
    const others = (async () => {
      let n = 0;
      while (!answered && n++ < 2000) {
        void deps.texts.refresh(editor.document);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const hover = await hoverAt(copy, d.range.start.translate(0, 1));
    answered = true;
    await others;
    assert.match(hover.text, /\*\*AnotherInventedCode\*\* · unrecognized error code/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('on a change, cycle and job ID: a one-line summary of each', async () => {
    const uri = exampleUri('graph-page-beta.json');
    const { editor, log } = await openAsText(uri);
    const i = log.model.store.column('errorCode').findIndex((id) => id !== 0);
    const s = log.model.store.summary(i);
    const change = await hoverAt(uri, find(editor.document, new RegExp(`"changeId": "${s.changeId}"`), 14));
    assert.match(change.text, /\*\*Change\*\* · /);
    assert.ok(change.text.includes(`(${s.errorCode})`), change.text);
    const cycle = await hoverAt(uri, find(editor.document, new RegExp(`"cycleId": "${s.cycleId}"`), 14));
    const counts = log.model.index.cycleOf(i)!.counts;
    assert.ok(cycle.text.includes(`${counts.total} events`), cycle.text);
    const job = await hoverAt(uri, find(editor.document, new RegExp(`"jobId": "${s.jobId.replace(/\./g, '\\.')}"`), 12));
    assert.match(job.text, /\*\*Job\*\* · [^\n]+\n\n\d+ cycles? · \d+ events/);
  });

  it('on enum values: action, status, step type, error category', async () => {
    const uri = exampleUri('graph-page-beta.json');
    const { editor } = await openAsText(uri);
    const cases: [RegExp, number, RegExp][] = [
      [/"provisioningAction": "create"/, 23, /\*\*Create\*\* · provisioning action/],
      [/"status": "failure"/, 12, /\*\*Failure\*\* · status/],
      [/"provisioningStepType": "matching"/, 26, /\*\*Matching\*\* · provisioning step type/],
      [/"errorCategory": "nonServiceFailure"/, 20, /\*\*Non-service failure\*\* · error category/],
    ];
    for (const [re, delta, expected] of cases) assert.match((await hoverAt(uri, find(editor.document, re, delta))).text, expected);
  });

  it('on hostile text: nothing from the log becomes markup or a link', async () => {
    const uri = exampleUri('provisioning-hostile-names.json');
    await openAsText(uri);
    const diags = await diagnosticsOf(uri);
    for (const d of diags.filter((x) => typeof x.code === 'object')) {
      const { text } = await hoverAt(uri, d.range.start);
      assert.ok(!/<(img|script|svg|iframe|b|u)\b/i.test(text), 'no raw HTML');
      for (const m of text.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^(command:provlog\.(showDetails|filterTo|copyText)\?|https:\/\/learn\.microsoft\.com\/)/);
    }
  });
});
