/** The detail panel: placeholder until the four-tab panel lands. */
import type * as vscode from 'vscode';
import type { LogRegistry } from '../logRegistry';

export class DetailPanel implements vscode.Disposable {
  private constructor(private readonly registry: LogRegistry) {}

  static register(_context: vscode.ExtensionContext, registry: LogRegistry): DetailPanel {
    return new DetailPanel(registry);
  }

  /** Shows event `index` of the log at `uri` (and, later, reuses one panel beside the editor). */
  show(uri: vscode.Uri, index: number): void {
    void this.registry.get(uri);
    void index;
  }

  dispose(): void {}
}
