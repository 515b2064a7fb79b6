/**
 * What each column's cell shows for a row, always as text nodes: status and action as an icon AND
 * a word (never colour alone), dates in local time with UTC and the file's own text on hover,
 * identities as the portal shows them (name, then the source id).
 */
import { ACTION_LABELS, STATUS_LABELS, type Action } from '../../../../src/core/common/record';
import type { ViewColumnId } from '../../../../src/core/common/columns';
import type { RowView } from '../../../../src/shared/viewerProtocol';
import { h } from '../../shared/dom';
import { STATUS_ICONS, icon } from '../../shared/icons';
import { formatDuration, formatTime, formatTimeOther } from '../format';

const ACTION_ICONS: Readonly<Record<Action, string>> = {
  create: 'add',
  update: 'edit',
  delete: 'trash',
  stagedDelete: 'trash',
  disable: 'debug-pause',
  other: 'dash',
};

/** Fills `cell` (already emptied) with the column's value for `row`. */
export function fillCell(cell: HTMLElement, column: ViewColumnId, row: RowView): void {
  switch (column) {
    case 'time': {
      cell.textContent = formatTime(row.time);
      cell.title = row.time === null ? `No readable time (the file says "${row.activityDateTime}")` : `${formatTimeOther(row.time)}\nAs written in the file: ${row.activityDateTime}`;
      return;
    }
    case 'identity': {
      cell.append(h('span', { className: 'identity-name', text: row.identity || '(no name)' }));
      if (row.identityId && row.identityId !== row.identity) cell.append(h('span', { className: 'identity-id muted', text: row.identityId }));
      cell.title = row.identityId && row.identityId !== row.identity ? `${row.identity}\nSource ID: ${row.identityId}` : row.identity;
      return;
    }
    case 'action': {
      const label = ACTION_LABELS[row.action];
      cell.append(icon(ACTION_ICONS[row.action]), h('span', { text: label }));
      cell.title = row.actionLabel && row.actionLabel !== label ? `${label} (written as "${row.actionLabel}")` : label;
      return;
    }
    case 'status': {
      cell.classList.add(`status-${row.status}`);
      cell.append(icon(STATUS_ICONS[row.status]), h('span', { text: STATUS_LABELS[row.status] }));
      cell.title = statusTitle(row);
      return;
    }
    case 'errorCode':
      text(cell, row.errorCode, row.errorCode ? `${row.errorCode}: ${row.errorTitle}${row.reason ? `\n${row.reason}` : ''}` : '');
      cell.classList.add('mono');
      return;
    case 'duration':
      text(cell, formatDuration(row.durationMs), row.durationMs === null ? '' : `${row.durationMs} ms`);
      cell.classList.add('numeric');
      return;
    case 'jobId':
    case 'cycleId':
    case 'changeId':
    case 'sourceId':
    case 'targetId':
    case 'tenantId':
      text(cell, row[column]);
      cell.classList.add('mono');
      return;
    case 'sourceSystem':
    case 'targetSystem':
    case 'application':
    case 'identityType':
    case 'initiatedBy':
      text(cell, row[column]);
      return;
  }
}

function statusTitle(row: RowView): string {
  const s = STATUS_LABELS[row.status];
  if (!row.errorCode) return row.reason ? `${s}: ${row.reason}` : s;
  return `${s}: ${row.errorCode} (${row.errorTitle})${row.reason ? `\n${row.reason}` : ''}`;
}

function text(cell: HTMLElement, value: string, title = value): void {
  cell.textContent = value;
  if (title) cell.title = title;
}
