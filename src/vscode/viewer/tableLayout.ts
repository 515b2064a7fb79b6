/**
 * The table's columns and their widths, remembered per workspace (the column chooser's choice),
 * falling back to the `provlog.viewer.defaultColumns` setting.
 */
import type * as vscode from 'vscode';
import { sanitizeColumns, sanitizeWidths, type ViewColumnId } from '../../core/common/columns';
import { config, type ColumnId } from '../config';

const KEY = 'provlog.viewer.table';

export interface TableLayout {
  columns: ViewColumnId[];
  widths: Partial<Record<ViewColumnId, number>>;
}

// The setting's ids and the table's ids are the same list; the compiler holds them together.
const _sameIds: [ColumnId[], ViewColumnId[]] = [[] as ViewColumnId[], [] as ColumnId[]];
void _sameIds;

export function readTableLayout(context: Pick<vscode.ExtensionContext, 'workspaceState'>): TableLayout {
  const saved = context.workspaceState.get<unknown>(KEY);
  if (typeof saved === 'object' && saved !== null && 'columns' in saved) {
    const s = saved as { columns: unknown; widths?: unknown };
    return { columns: sanitizeColumns(s.columns), widths: sanitizeWidths(s.widths) };
  }
  return { columns: sanitizeColumns(config.defaultColumns()), widths: {} };
}

export async function writeTableLayout(context: Pick<vscode.ExtensionContext, 'workspaceState'>, layout: TableLayout): Promise<void> {
  await context.workspaceState.update(KEY, { columns: sanitizeColumns(layout.columns), widths: sanitizeWidths(layout.widths) });
}
