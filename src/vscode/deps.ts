/** What the adapters share; each takes only the parts it needs (Pick<Deps, …>). */
import type * as vscode from 'vscode';
import type { DetailPanel } from './detail/detailPanel';
import type { LogLoader } from '../node/logLoader';
import type { LogRegistry } from './logRegistry';
import type { TextLogTracker } from './textLogTracker';

export interface Deps {
  context: vscode.ExtensionContext;
  registry: LogRegistry;
  loader: LogLoader;
  texts: TextLogTracker;
  detail: DetailPanel;
}
