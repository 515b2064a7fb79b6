/**
 * Typed access to the extension's settings: one getter per setting, defaults declared once in
 * package.json. To add a setting: declare it under contributes.configuration, add a getter here.
 */
import * as vscode from 'vscode';
import type { DiagnosticSettings } from '../core/text/logDiagnostics';
import type { TimeZoneChoice } from '../core/time';
import { VIEW_COLUMN_IDS } from '../core/viewColumns';

export type TreeGrouping = 'cycle' | 'identity' | 'errorCode' | 'status';
export const COLUMN_IDS = VIEW_COLUMN_IDS;
export type ColumnId = (typeof COLUMN_IDS)[number];

const SECTION = 'provlog';

function get<T>(key: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  return vscode.workspace.getConfiguration(SECTION, scope).get<T>(key, fallback);
}

export const config = {
  /** The diagnostics settings of a file in the core's terms; undefined when diagnostics are off. */
  diagnosticSettings: (scope?: vscode.ConfigurationScope): DiagnosticSettings | undefined => {
    if (!get('diagnostics.enabled', true, scope)) return undefined;
    const level = get<string>('diagnostics.minimumSeverity', 'warning', scope);
    return {
      minimum: level === 'error' ? 'error' : level === 'information' ? 'info' : 'warning',
      maxPerFile: Math.max(1, get('diagnostics.maxPerFile', 1000, scope)),
    };
  },
  defaultColumns: (): ColumnId[] => {
    const v = get<unknown>('viewer.defaultColumns', []);
    const cols = Array.isArray(v) ? v.filter((c): c is ColumnId => (COLUMN_IDS as readonly unknown[]).includes(c)) : [];
    return cols.length > 0 ? cols : ['time', 'identity', 'action', 'sourceSystem', 'targetSystem', 'status'];
  },
  dateWindowRelativeTo: (): 'newest' | 'now' => (get<string>('viewer.dateWindowRelativeTo', 'newestEvent') === 'now' ? 'now' : 'newest'),
  timeZone: (): TimeZoneChoice => (get<string>('time.zone', 'utc') === 'local' ? 'local' : 'utc'),
  confirmAboveBytes: (): number => Math.max(0, get('viewer.confirmAboveMB', 500)) * 1024 * 1024,
  failuresFirst: (): boolean => get('tree.failuresFirst', true),
  treePageSize: (): number => Math.min(500, Math.max(20, get('tree.pageSize', 200))),
  treeGroupBy: (): TreeGrouping => {
    const v = get<string>('tree.groupBy', 'cycle');
    return v === 'identity' || v === 'errorCode' || v === 'status' ? v : 'cycle';
  },
};

/** True when a configuration change touches any of the given provlog settings. */
export function affects(e: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
