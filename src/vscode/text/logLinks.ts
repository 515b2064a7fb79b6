/**
 * Command links from the text editor (hovers, code actions) to the rest of the extension. Indices
 * are translated to the model the registry hands out for the file, which is the viewer's when the
 * file is open there too: that is the model `provlog.showDetails` reads.
 */
import type * as vscode from 'vscode';
import type { LoadedLog } from '../../core/log/loadedLog';
import type { HoverLinks } from '../../core/views/editor/hoverParts';
import { sameEvent } from '../../core/views/editor/sameEvent';
import { commandUri } from '../commands/coreCommands';
import type { LogRegistry } from '../logRegistry';

/** The only commands a hover's Markdown may run. */
export const HOVER_COMMANDS = ['provlog.showDetails', 'provlog.filterTo', 'provlog.copyText'] as const;

/** Event `index` of `model` as an index into the log the registry gives for `uri` (undefined when it has no such event). */
export function registryIndex(registry: LogRegistry, uri: vscode.Uri, model: LoadedLog, index: number): number | undefined {
  const log = registry.get(uri);
  return log === undefined ? undefined : sameEvent(model, index, log.model);
}

export function hoverLinks(registry: LogRegistry, uri: vscode.Uri, model: LoadedLog): HoverLinks {
  return {
    showDetails: (index) => commandUri('provlog.showDetails', { uri: uri.toString(), index: registryIndex(registry, uri, model, index) ?? index }).toString(),
    filter: (filter) => commandUri('provlog.filterTo', { uri: uri.toString(), filter, replace: true }).toString(),
    copy: (text, label) => commandUri('provlog.copyText', { text, label }).toString(),
  };
}
