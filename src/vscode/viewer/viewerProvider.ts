/**
 * The custom editor `provlog.viewer`: a read-only view of a downloaded provisioning log, backed by
 * the file's bytes (not a TextDocument, which VS Code withholds above 50 MB). Opening returns the
 * document at once and reads it in the background, so the page can show progress and a preview.
 */
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { LogSetFileSystem } from '../logSets';
import { registerLogSetCommands } from './logSetCommands';
import { registerViewerCommands } from './viewerCommands';
import { ViewerDocument } from './viewerDocument';
import { ViewerEditor } from './viewerEditor';
import type { ViewerProbe } from './viewerProbe';
import { VIEW_TYPE } from './viewType';


/** `probe` records what the pages were sent and sent back; only under tests (../testSeams.ts). */
export function registerViewer(deps: Deps, probe: ViewerProbe | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, new ViewerProvider(deps, probe), {
      supportsMultipleEditorsPerDocument: true,
      // The find widget would search only the rows on screen; the page has its own text filter.
      webviewOptions: { enableFindWidget: false },
    }),
    registerViewerCommands(),
    LogSetFileSystem.register(),
    registerLogSetCommands(),
  );
}

class ViewerProvider implements vscode.CustomReadonlyEditorProvider<ViewerDocument> {
  constructor(
    private readonly deps: Deps,
    private readonly probe: ViewerProbe | undefined,
  ) {}

  openCustomDocument(uri: vscode.Uri): ViewerDocument {
    const probe = this.probe;
    const doc = new ViewerDocument(uri, this.deps.loader, this.deps.registry, () => probe?.setDocument(uri, undefined), probe && ((phase) => probe.mark(uri, phase)));
    probe?.setDocument(uri, doc);
    probe?.mark(uri, 'openCustomDocument');
    void doc.load('open');
    return doc;
  }

  resolveCustomEditor(doc: ViewerDocument, panel: vscode.WebviewPanel): void {
    const editor = new ViewerEditor(doc, panel, this.deps, this.probe);
    panel.onDidDispose(() => editor.dispose());
  }
}
