// The workbench as a person meets it: the workspace in the Explorer, a file opened by a click, its text
// on screen, the colour theme changed from the command palette. Saves the workbench.png screenshot.
import * as assert from 'node:assert/strict';
import { fixtureWorkspace } from '../harness/repoPaths';
import { useWorkbench } from './workbench';

describe('workbench', () => {
  const workbench = useWorkbench({ workspace: fixtureWorkspace, viewport: { width: 1400, height: 900 }, theme: 'dark' });

  it('shows the workspace README.md in the Explorer', async () => {
    await workbench().explorerItem('README.md').waitFor({ state: 'visible' });
  });

  it('opens README.md with a click and shows its text', async () => {
    await workbench().openFile('README.md');
    assert.match(await workbench().editorText(), /# Provisioning logs workspace/);
    await workbench().screenshot('workbench');
  });

  it('switches the colour theme through the settings: light, high contrast, dark', async () => {
    // setTheme fails unless the workbench wears the theme and settings.json holds it.
    for (const theme of ['light', 'high-contrast', 'dark'] as const) await workbench().setTheme(theme);
  });
});
