/**
 * The documents text features look at: the languages the TextLogTracker reads. Providers answer
 * only for documents the tracker found to be logs; for all others they return at once.
 */
import type * as vscode from 'vscode';

const LANGUAGES = ['json', 'jsonc', 'jsonl', 'csv', 'plaintext', 'log'] as const;

export const LOG_DOCUMENTS: vscode.DocumentSelector = LANGUAGES.map((language) => ({ language }));

/** Languages prettify formats (JSON and JSON Lines, not CSV) when the tracker has not read the document as a log. */
export function isJsonLanguage(languageId: string): boolean {
  return languageId === 'json' || languageId === 'jsonc' || languageId === 'jsonl';
}

/** Formats read from CSV, which prettify leaves alone (their rows are already one per line). */
export function isCsvFormat(format: string): boolean {
  return format === 'portalCsv' || format === 'logAnalyticsCsv';
}
