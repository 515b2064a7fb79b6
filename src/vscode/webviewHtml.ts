/**
 * The only place webview HTML is built: a strict Content-Security-Policy with a fresh random nonce
 * per render, scripts and styles only from the extension's built webview folder. Log text never goes
 * into this HTML; it reaches the page as messages and is rendered with textContent.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewPage {
  /** Script file in dist/webview, e.g. `viewer.js`. */
  script: string;
  /** Style files in dist/webview. */
  styles: string[];
  title: string;
}

/** Options every webview of the extension uses: scripts on, resources only from our own folders. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function buildWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    // The toolkit (FAST) probes :focus-visible support with one <style> element carrying the page's
    // nonce (read from the csp-nonce meta below); no other inline style is allowed.
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const links = page.styles.map((s) => `<link rel="stylesheet" href="${escapeAttr(asset(s))}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta property="csp-nonce" content="${nonce}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>${escapeText(page.title)}</title>
  </head>
  <body>
    <div id="app" role="application"></div>
    <script nonce="${nonce}" src="${escapeAttr(asset(page.script))}"></script>
  </body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
