// The extension is found and activates inside a real VS Code 1.100 (code-server's workbench, Node extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../harness/repoPaths';

describe('activation', () => {
  it('runs in a real VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\.\d+$/);
    assert.equal(vscode.env.appName, 'code-server');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it(`finds ${EXTENSION_ID} and activates it`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the loaded extensions`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('reaches its insides through the TestApi only: no test-only command is registered (ARCHITECTURE.md, "Test seams")', async () => {
    const api = await vscode.extensions.getExtension(EXTENSION_ID)!.activate() as Record<string, unknown> | undefined;
    assert.deepEqual(Object.keys(api ?? {}).sort(), ['deps', 'graphTokens', 'hooks', 'viewer']);
    const ours = (await vscode.commands.getCommands(true)).filter((c) => /provlog/i.test(c));
    assert.ok(ours.length > 10, 'the extension registered its commands');
    assert.deepEqual(ours.filter((c) => /test|probe|hook/i.test(c) || c.startsWith('_')), []);
  });
});
