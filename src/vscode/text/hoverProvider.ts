/**
 * Hovers in a text editor holding a provisioning log: on an error code (anywhere it stands, known,
 * unknown or app-prefixed), a change, cycle or job ID, or an enum value. The position is mapped to
 * a byte of the log's reading, the byte to its record and token (core), and the token to Markdown
 * whose links may run only the three commands in HOVER_COMMANDS.
 */
import * as vscode from 'vscode';
import { hoverMarkdown } from '../../core/views/editor/hoverText';
import { logTokenAt } from '../../core/views/editor/logTokenAt';
import type { Deps } from '../deps';
import type { CurrentTextLogs } from './currentTextLogs';
import { HOVER_COMMANDS, hoverLinks } from './logLinks';
import { LOG_DOCUMENTS } from './logDocuments';

export function registerHoverProvider(deps: Pick<Deps, 'registry'>, logs: CurrentTextLogs): vscode.Disposable {
  return vscode.languages.registerHoverProvider(LOG_DOCUMENTS, {
    async provideHover(document, position, token) {
      const log = await logs.ensure(document);
      const offsets = log?.model.positions.of(0);
      if (log === undefined || offsets === undefined || token.isCancellationRequested) return undefined;
      const found = logTokenAt(log.model.data, 0, offsets.offsetAt(position.line + 1, position.character + 1), log.model.locator);
      if (found === undefined) return undefined;
      const markdown = hoverMarkdown(log.model, found, hoverLinks(deps.registry, document.uri, log.model));
      if (markdown === undefined) return undefined;
      const text = new vscode.MarkdownString(markdown, true);
      text.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
      const from = offsets.positionAt(found.start);
      const to = offsets.positionAt(found.end);
      return new vscode.Hover(text, new vscode.Range(from.line - 1, from.column - 1, to.line - 1, to.column - 1));
    },
  });
}
