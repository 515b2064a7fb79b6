/**
 * Reports (log summary, cycle comparison, error-code explanation) as read-only virtual Markdown
 * documents shown in VS Code's Markdown preview: nothing to save, no "save changes?" on close, and
 * running a report again updates the same preview. The preview renders untrusted content (no
 * scripts, no command links), and every log value in a report is escaped by the core.
 */
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'provlog-report';

class ReportContent implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  last: vscode.Uri | undefined;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# This report is no longer available\n\nRun the command again.\n';
  }

  set(uri: vscode.Uri, markdown: string): void {
    this.texts.set(uri.toString(), markdown);
    this.last = uri;
    this.changed.fire(uri);
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const content = new ReportContent();

export function registerReportDocuments(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, content),
    // The preview may close its document later than the tab; keep the text until then.
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === REPORT_SCHEME) content.forget(d.uri);
    }),
    content,
  );
}

/** The report document's address for a title (the same title reuses the same document). */
export function reportUri(title: string): vscode.Uri {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a path
  const safe = title.replace(/[\\/*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Report';
  return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${safe}.md` });
}

/** Shows Markdown in the preview beside the current editor; falls back to the text when no preview is available. */
export async function showReport(title: string, markdown: string): Promise<vscode.Uri> {
  const uri = reportUri(title);
  content.set(uri, markdown);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  try {
    // Beside what the user is looking at (the viewer, a log), in the editor area when nothing is open.
    const command = vscode.window.activeTextEditor || vscode.window.tabGroups.activeTabGroup.activeTab ? 'markdown.showPreviewToSide' : 'markdown.showPreview';
    await vscode.commands.executeCommand(command, uri);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
  return uri;
}

/** The last report shown (tests). */
export function lastReport(): vscode.Uri | undefined {
  return content.last;
}
