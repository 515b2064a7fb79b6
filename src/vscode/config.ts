/**
 * Typed access to the extension's settings: one getter per setting, defaults declared once in
 * package.json. To add a setting: declare it under contributes.configuration, add a getter here.
 */
import * as vscode from 'vscode';
import type { DiagnosticSettings } from '../core/views/editor/logDiagnostics';
import type { TimeZoneChoice } from '../core/common/time';
import { VIEW_COLUMN_IDS } from '../core/common/columns';
import { workerCount } from '../node/rangeWorkers';

export type TreeGrouping = 'cycle' | 'identity' | 'errorCode' | 'status';
export const COLUMN_IDS = VIEW_COLUMN_IDS;
export type ColumnId = (typeof COLUMN_IDS)[number];

const SECTION = 'provlog';

export interface GraphSettings {
  readonly graphUrl: string;
  readonly loginUrl: string;
  readonly clientId: string;
  readonly tenant: string;
  readonly requestsPer10Seconds: number;
  readonly apiVersion: 'v1.0' | 'beta';
}

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
  /** Threads that read a large JSON file (0 in the setting: one per core, up to 8). */
  loadThreads: (): number => workerCount(get('load.threads', 0)),
  confirmAboveBytes: (): number => Math.max(0, get('viewer.confirmAboveMB', 500)) * 1024 * 1024,
  failuresFirst: (): boolean => get('tree.failuresFirst', true),
  treePageSize: (): number => Math.min(500, Math.max(20, get('tree.pageSize', 200))),
  /** The VS Code authentication provider that signs in to Microsoft services ("microsoft" = VS Code's own). */
  authenticationProvider: (): string => get<string>('connections.authenticationProvider', 'microsoft').trim() || 'microsoft',
  /** Azure Resource Manager, where Log Analytics queries and workspace lists go (national clouds differ). */
  azureResourceManagerUrl: (): string => endpointSetting('connections.azureResourceManagerUrl', 'https://management.azure.com'),
  /** The Azure portal, for links to a query. */
  azurePortalUrl: (): string => endpointSetting('connections.azurePortalUrl', 'https://portal.azure.com'),
  /** Microsoft Graph: endpoints, the user's app registration, the request budget. */
  graph: (): GraphSettings => ({
    graphUrl: get<string>('connections.graphUrl', 'https://graph.microsoft.com').trim().replace(/\/+$/, ''),
    loginUrl: get<string>('connections.loginUrl', 'https://login.microsoftonline.com').trim().replace(/\/+$/, ''),
    clientId: get<string>('connections.graph.clientId', '').trim(),
    tenant: get<string>('connections.graph.tenant', '').trim(),
    requestsPer10Seconds: Math.min(100, Math.max(1, Math.floor(get('connections.graph.requestsPer10Seconds', 5)))),
    apiVersion: get<string>('connections.graph.apiVersion', 'v1.0') === 'beta' ? 'beta' : 'v1.0',
  }),
  treeGroupBy: (): TreeGrouping => {
    const v = get<string>('tree.groupBy', 'cycle');
    return v === 'identity' || v === 'errorCode' || v === 'status' ? v : 'cycle';
  },
};

function endpointSetting(key: string, fallback: string): string {
  return (get<string>(key, fallback).trim() || fallback).replace(/\/+$/, '');
}

/** True when a configuration change touches any of the given provlog settings. */
export function affects(e: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
