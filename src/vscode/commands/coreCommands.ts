/**
 * Commands other adapters link to (hover links, code actions, tree items, webviews): copy a value,
 * filter a log's viewer, show an event's details. Their arguments come from command URIs, which a
 * log's text can influence, so every argument is validated.
 */
import * as vscode from 'vscode';
import { parseEventFilter, type EventFilter } from '../../core/common/filter';
import type { Deps } from '../deps';
import { VIEW_TYPE } from '../viewer/viewType';

export interface FilterToArgs {
  uri: string;
  filter: EventFilter;
  replace?: boolean;
}

export interface ShowDetailsArgs {
  uri: string;
  index: number;
}

export function registerCoreCommands(deps: Pick<Deps, 'registry' | 'detail'>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('provlog.copyText', async (arg: unknown) => {
      const text = typeof arg === 'string' ? arg : isRecord(arg) && typeof arg['text'] === 'string' ? arg['text'] : undefined;
      if (text === undefined) return;
      await copyToClipboard(text, isRecord(arg) && typeof arg['label'] === 'string' ? arg['label'] : 'Value');
    }),
    vscode.commands.registerCommand('provlog.filterTo', async (arg: unknown) => {
      const args = parseFilterTo(arg);
      if (args === undefined) return;
      const uri = vscode.Uri.parse(args.uri);
      deps.registry.requestFilter({ uri, filter: args.filter, replace: args.replace ?? true });
      await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    }),
    vscode.commands.registerCommand('provlog.showDetails', (arg: unknown) => {
      // From the palette or an editor's context menu (no args, or the document's URI): the event at the cursor.
      if (arg === undefined || arg instanceof vscode.Uri) return void deps.detail.showFromContext();
      if (!isRecord(arg) || typeof arg['uri'] !== 'string' || !Number.isInteger(arg['index'])) return;
      // A command is asked for explicitly: the panel takes focus unless the caller (a list) keeps it.
      deps.detail.show(vscode.Uri.parse(arg['uri']), arg['index'] as number, { preserveFocus: arg['preserveFocus'] === true });
    }),
  );
}

/** Copies `text` and says so in the status bar as "<label> copied". */
export async function copyToClipboard(text: string, label: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(copy) ${label} copied`, 2500);
}

/** A command URI for links in hovers and Markdown (`command:provlog.x?<args>`). */
export function commandUri(command: string, args: unknown): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}

function parseFilterTo(arg: unknown): FilterToArgs | undefined {
  if (!isRecord(arg) || typeof arg['uri'] !== 'string') return undefined;
  const filter = parseEventFilter(arg['filter']);
  if (filter === undefined) return undefined;
  const out: FilterToArgs = { uri: arg['uri'], filter };
  if (typeof arg['replace'] === 'boolean') out.replace = arg['replace'];
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
