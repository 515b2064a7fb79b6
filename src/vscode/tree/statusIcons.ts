/**
 * Status icons shared by the tree and the Quick Picks, the same ones VS Code's Testing view uses
 * for passed / failed / skipped, so the meaning carries over. Colours are theme colours (they adapt
 * to light, dark and high contrast); Quick Pick labels cannot be coloured and use the bare codicon.
 */
import * as vscode from 'vscode';
import type { CatalogSeverity } from '../../core/catalog/catalog';
import type { Status } from '../../core/common/record';

export const STATUS_CODICONS: Readonly<Record<Status, string>> = {
  success: 'pass',
  failure: 'error',
  skipped: 'debug-step-over',
  warning: 'warning',
};

const STATUS_COLORS: Readonly<Record<Status, string>> = {
  success: 'testing.iconPassed',
  failure: 'testing.iconFailed',
  skipped: 'testing.iconSkipped',
  warning: 'list.warningForeground',
};

export function statusIcon(status: Status): vscode.ThemeIcon {
  return new vscode.ThemeIcon(STATUS_CODICONS[status], new vscode.ThemeColor(STATUS_COLORS[status]));
}

/** `$(error)`: for Quick Pick labels and the status bar. */
export function statusCodicon(status: Status): string {
  return `$(${STATUS_CODICONS[status]})`;
}

/** An icon in the colour of a status (e.g. a cycle that had failures). */
export function tintedIcon(codicon: string, status: Status | undefined): vscode.ThemeIcon {
  return status === undefined || status === 'success' || status === 'skipped'
    ? new vscode.ThemeIcon(codicon)
    : new vscode.ThemeIcon(codicon, new vscode.ThemeColor(STATUS_COLORS[status]));
}

export function severityIcon(severity: CatalogSeverity | 'info'): vscode.ThemeIcon {
  switch (severity) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'info':
      return new vscode.ThemeIcon('info');
  }
}
