// The address of code-server's workbench for a folder, optionally with an extension under development and
// its tests: VS Code reads those from the URL's `payload`, as the desktop app reads them from its CLI.
import { resolve } from 'node:path';

export interface WorkbenchTarget {
  /** Folder (or .code-workspace file) to open. */
  folder?: string;
  extensionDevelopmentPaths?: readonly string[];
  extensionTestsPath?: string;
}

export function workbenchUrl(origin: string, target: WorkbenchTarget): string {
  const remote = `vscode-remote://${new URL(origin).host}`;
  const payload: [string, string][] = [];
  for (const p of target.extensionDevelopmentPaths ?? []) payload.push(['extensionDevelopmentPath', remote + resolve(p)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote + resolve(target.extensionTestsPath)]);
  const query = new URLSearchParams();
  if (target.folder) query.set(target.folder.endsWith('.code-workspace') ? 'workspace' : 'folder', resolve(target.folder));
  if (payload.length > 0) query.set('payload', JSON.stringify([...payload, ['skipWelcome', 'true']]));
  return `${origin}/?${query.toString()}`;
}
