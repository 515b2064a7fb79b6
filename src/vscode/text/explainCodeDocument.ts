/**
 * `provlog.explainCodeDocument` (the "Explain …" quick fix): the catalog's page for an error code,
 * with the event's time, reason and details when an event is given, shown as a Markdown preview.
 * The page is a read-only virtual document (scheme `provlog-explain`), so nothing asks to be saved.
 */
import * as vscode from 'vscode';
import { explainMarkdown } from '../../core/output/explainMarkdown';
import { eventContext } from '../commands/explainCode';
import type { Deps } from '../deps';

export const EXPLAIN_SCHEME = 'provlog-explain';
/** Pages kept for the content provider (a preview asks again when it is reopened). */
const KEPT = 50;

export function registerExplainCodeDocument(deps: Pick<Deps, 'registry'>): vscode.Disposable {
  const pages = new Map<string, string>();
  let serial = 0;
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? explainMarkdown(codeOf(uri)),
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, provider),
    vscode.commands.registerCommand('provlog.explainCodeDocument', async (arg: unknown) => {
      const request = parseArgs(arg);
      if (request === undefined) return undefined;
      const model = request.uri === undefined ? undefined : deps.registry.get(request.uri)?.model;
      const context = model !== undefined && request.index !== undefined ? eventContext(model, request.index) : {};
      const name = request.code.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'error-code';
      const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name}.md`, query: `n=${++serial}&code=${encodeURIComponent(request.code)}` });
      pages.set(uri.toString(), explainMarkdown(request.code, context));
      if (pages.size > KEPT) pages.delete(pages.keys().next().value!);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        // No Markdown preview (the built-in extension disabled): the page as text is still readable.
        await vscode.window.showTextDocument(uri, { preview: true });
      }
      return uri;
    }),
  );
}

function codeOf(uri: vscode.Uri): string {
  return new URLSearchParams(uri.query).get('code') ?? '';
}

/** A code, or `{ code, uri?, index? }`; arguments come from code actions and links, so they are checked. */
function parseArgs(arg: unknown): { code: string; uri?: vscode.Uri; index?: number } | undefined {
  if (typeof arg === 'string') return { code: arg };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as Record<string, unknown>;
  if (typeof o['code'] !== 'string') return undefined;
  const out: { code: string; uri?: vscode.Uri; index?: number } = { code: o['code'] };
  if (typeof o['uri'] === 'string') out.uri = vscode.Uri.parse(o['uri']);
  if (Number.isInteger(o['index'])) out.index = o['index'] as number;
  return out;
}
