/**
 * The one door for text VS Code renders for us: panel and Quick Pick titles, tree labels and
 * descriptions, Quick Pick items, notifications, the status bar. Log text is hostile (names come from
 * HR systems and apps), so it gets the webviews' rules here too: one line, direction overrides and
 * invisible characters shown as ⟨U+202E⟩, cut to a length, and VS Code's own syntax in plain strings
 * (`$(icon)` in labels, `[text](link)` in notifications) broken so it is drawn as the text it is.
 */
import * as vscode from 'vscode';
import { WORKBENCH_LIMITS, workbenchText } from '../core/common/safeText';

/** Log text (or a sentence holding some) as VS Code should draw it: see the file comment. */
export const uiText = workbenchText;

/** Notifications are longer than labels but still one paragraph. */
const MESSAGE_LIMIT = WORKBENCH_LIMITS.notification;

type Severity = 'info' | 'warning' | 'error';

function show(severity: Severity, message: string, buttons: string[]): Thenable<string | undefined> {
  if (severity === 'error') return vscode.window.showErrorMessage(message, ...buttons);
  if (severity === 'warning') return vscode.window.showWarningMessage(message, ...buttons);
  return vscode.window.showInformationMessage(message, ...buttons);
}

/** A notification whose message (and button labels) went through uiText; resolves to the button chosen. */
export function notify<T extends string>(severity: Severity, message: string, ...buttons: T[]): Thenable<T | undefined> {
  const shown = buttons.map((b) => uiText(b, WORKBENCH_LIMITS.button));
  return show(severity, uiText(message, MESSAGE_LIMIT), shown).then((picked) => (picked === undefined ? undefined : buttons[shown.indexOf(picked)]));
}

/** A modal question: its message and detail through uiText; resolves to the button chosen. */
export function askModal<T extends string>(message: string, detail: string, ...buttons: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(uiText(message, MESSAGE_LIMIT), { modal: true, detail: uiText(detail, MESSAGE_LIMIT) }, ...buttons);
}
