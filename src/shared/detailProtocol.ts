/**
 * Messages between the detail panel's host (src/vscode/detail) and its page (webview-ui/src/detail).
 * The page says `ready` first (with the state it restored); the host then sends what to show.
 * Both sides check what they receive: the page is a browser document that renders hostile log text,
 * so the host trusts nothing it says beyond these shapes, and acts on ids and enums only (it copies
 * values and opens links from its own data, never from the message).
 */
import {
  COPY_FIELDS,
  DETAIL_TABS,
  FILTER_KINDS,
  type CopyField,
  type DetailTab,
  type DetailView,
  type FilterKind,
} from '../core/views/detail/detailTypes';
import { isIndex, isRecord } from './messageChecks';
import type { TimeZoneChoice } from '../core/common/time';

export * from '../core/views/detail/detailTypes';

/** What the page keeps with setState, and what VS Code hands the serializer after a reload. */
export interface DetailState {
  uri: string;
  index: number;
  tab: DetailTab;
  /** The user picked the tab (it then stays when another event is shown). */
  tabChosen?: boolean;
  /** Record id and change id, to find the event again if the file changed. */
  id?: string;
  changeId?: string;
  /** Where the log was open (viewer or text editor), to open it the same way after a reload. */
  source?: 'viewer' | 'text';
  /** The log's file name, for the "open the log" message. */
  name?: string;
}

export type EmptyKind = 'nothing' | 'notLoaded' | 'gone' | 'missing';

export interface EmptyView {
  kind: EmptyKind;
  title: string;
  message: string;
  /** The file the panel waits for (name only), when it can be opened from the panel. */
  logName?: string;
}

// ── Host → page ────────────────────────────────────────────────────────────────────────────────

export type HostMessage =
  /** Show an event. `tab` forces a tab (else the page keeps the user's); `focus` moves keyboard focus to the tabs. */
  | { type: 'show'; view: DetailView; source: 'viewer' | 'text'; tab?: DetailTab; focus?: boolean; timeZone?: TimeZoneChoice }
  /** Nothing to show, and why (the log is not open yet, was closed, or no longer has the event). */
  | { type: 'empty'; empty: EmptyView; state?: DetailState }
  /** Asks the page what it shows (tests, and the host's own checks): answered by `snapshot`. */
  | { type: 'snapshot'; requestId: number };

/** The messages that replace what the page shows. */
export type ContentMessage = Extract<HostMessage, { type: 'show' | 'empty' }>;

// ── Page → host ────────────────────────────────────────────────────────────────────────────────

export type PageMessage =
  | { type: 'ready'; state: DetailState | null }
  /** The page has rendered this event (with this tab active). */
  | { type: 'rendered'; uri: string; index: number; tab: DetailTab }
  | { type: 'tab'; tab: DetailTab }
  | { type: 'navigate'; to: 'prev' | 'next' }
  /** Show another event of the same log (the identity's history). */
  | { type: 'goTo'; index: number }
  | { type: 'copy'; field: CopyField }
  | { type: 'openRaw' }
  /** Open the record's file as text at the record (the host knows which file). */
  | { type: 'goToRecord' }
  | { type: 'openLink'; url: string }
  | { type: 'filter'; by: FilterKind }
  | { type: 'openLog' }
  | { type: 'snapshot'; requestId: number; tab: DetailTab | null; text: string }
  /** The page failed to draw something: the host logs it (the page shows what it could). */
  | { type: 'error'; message: string };

// ── Validation ─────────────────────────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

const MAX_TEXT = 1 << 22;
const str = (v: unknown, max = 8192): v is string => typeof v === 'string' && v.length <= max;

/** A DetailState from anywhere (setState of the page, the serializer): undefined when it is not one. */
export function parseDetailState(v: unknown): DetailState | undefined {
  if (!isRecord(v) || !str(v['uri']) || !isIndex(v['index'])) return undefined;
  const state: DetailState = { uri: v['uri'], index: v['index'], tab: oneOf(DETAIL_TABS, v['tab']) ? v['tab'] : 'steps' };
  if (v['tabChosen'] === true) state.tabChosen = true;
  if (str(v['id'], 512)) state.id = v['id'];
  if (str(v['changeId'], 512)) state.changeId = v['changeId'];
  if (v['source'] === 'viewer' || v['source'] === 'text') state.source = v['source'];
  if (str(v['name'], 1024)) state.name = v['name'];
  return state;
}

/** What the host accepts from the page; anything else is dropped. */
export function parsePageMessage(v: unknown): PageMessage | undefined {
  if (!isRecord(v) || typeof v['type'] !== 'string') return undefined;
  switch (v['type']) {
    case 'ready':
      return { type: 'ready', state: parseDetailState(v['state']) ?? null };
    case 'rendered':
      return str(v['uri']) && isIndex(v['index']) && oneOf(DETAIL_TABS, v['tab']) ? { type: 'rendered', uri: v['uri'], index: v['index'], tab: v['tab'] } : undefined;
    case 'tab':
      return oneOf(DETAIL_TABS, v['tab']) ? { type: 'tab', tab: v['tab'] } : undefined;
    case 'navigate':
      return v['to'] === 'prev' || v['to'] === 'next' ? { type: 'navigate', to: v['to'] } : undefined;
    case 'goTo':
      return isIndex(v['index']) ? { type: 'goTo', index: v['index'] } : undefined;
    case 'copy':
      return oneOf(COPY_FIELDS, v['field']) ? { type: 'copy', field: v['field'] } : undefined;
    case 'openRaw':
      return { type: 'openRaw' };
    case 'goToRecord':
      return { type: 'goToRecord' };
    case 'openLink':
      return str(v['url'], 2048) ? { type: 'openLink', url: v['url'] } : undefined;
    case 'filter':
      return oneOf(FILTER_KINDS, v['by']) ? { type: 'filter', by: v['by'] } : undefined;
    case 'openLog':
      return { type: 'openLog' };
    case 'snapshot':
      if (!isIndex(v['requestId']) || !str(v['text'], MAX_TEXT)) return undefined;
      return { type: 'snapshot', requestId: v['requestId'], tab: oneOf(DETAIL_TABS, v['tab']) ? v['tab'] : null, text: v['text'] };
    case 'error':
      return str(v['message'], 4000) ? { type: 'error', message: v['message'] } : undefined;
    default:
      return undefined;
  }
}

/** The page's check of host messages: the discriminant and the parts it reads first. */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isRecord(v)) return false;
  switch (v['type']) {
    case 'show': {
      const view = v['view'];
      return isRecord(view) && typeof view['uri'] === 'string' && isIndex(view['index']) && isRecord(view['header']) && Array.isArray(view['steps']);
    }
    case 'empty':
      return isRecord(v['empty']) && typeof (v['empty'] as Obj)['kind'] === 'string';
    case 'snapshot':
      return isIndex(v['requestId']);
    default:
      return false;
  }
}
