/**
 * What the detail panel shows for one event, as plain data: the host builds it from the record and
 * the catalog, the page only lays it out. Every string in here may come from the log (hostile), so
 * the page renders them as text only. Times are epoch ms so that the page, which runs where the
 * user sits, can add their local time.
 */
import type { Action, Flavor, Status, StepType } from '../../common/record';
import type { CatalogSeverity } from '../../catalog/catalogTypes';

/** The portal's four tabs, in its order. */
export const DETAIL_TABS = ['steps', 'troubleshooting', 'modified', 'summary'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const DETAIL_TAB_LABELS: Readonly<Record<DetailTab, string>> = {
  steps: 'Steps',
  troubleshooting: 'Troubleshooting & Recommendations',
  modified: 'Modified Properties',
  summary: 'Summary',
};

/** IDs the page can ask the host to copy; the host reads the value from the record, not from the page. */
export const COPY_FIELDS = ['changeId', 'cycleId', 'jobId', 'id', 'tenantId', 'sourceId', 'targetId', 'appId'] as const;
export type CopyField = (typeof COPY_FIELDS)[number];

/** What the viewer can be filtered to from the panel. */
export const FILTER_KINDS = ['errorCode', 'cycle', 'job', 'identity'] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

/** One entry of a `details` map, with our explanation of the value where we have one. */
export interface DetailPair {
  key: string;
  value: string;
  note?: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface HeaderView {
  /** The best name we have: display name, else reportable identifier, else an id. */
  identity: string;
  /** `user`, `group`, … ('' when unknown). */
  typeLabel: string;
  action: Action;
  actionLabel: string;
  status: Status;
  statusLabel: string;
  time: number;
  /** `2026-03-02 14:00:05 UTC`, or the timestamp as written when it could not be read. */
  utc: string;
  /** `Microsoft Entra ID → ServiceNow`. */
  systems: string;
  /** What happened, in one sentence. */
  sentence: string;
  /** 1-based position in the cycle, newest first (0 when the event has no cycle). */
  position: number;
  count: number;
  hasPrev: boolean;
  hasNext: boolean;
}

export interface StepView {
  /** 1-based. */
  number: number;
  name: string;
  type: StepType;
  typeLabel: string;
  typeMeaning: string;
  status: Status;
  statusLabel: string;
  description: string;
  details: DetailPair[];
}

export interface ErrorView {
  code: string;
  category: string;
  categoryLabel: string;
  categoryMeaning: string;
  reason: string;
  additionalDetails: string;
  recommendedAction: string;
}

export interface RetryView {
  automatic: boolean;
  /** The UTC sentence (`Retried automatically around 14:40 UTC (40 minutes after the event).`). */
  sentence: string;
  /** When the service retries (epoch ms), for the page's local time. */
  at?: number;
}

export interface ExplanationView {
  known: boolean;
  canonical: string;
  /** Set when the code carried the app's name in front (`BoxEntryConflict` → `EntryConflict`). */
  resolvedFrom?: { code: string; prefix: string };
  title: string;
  meaning: string;
  /** The remediation's steps, without their numbers. */
  remediation: string[];
  catalogCategory: string;
  severity: CatalogSeverity;
  retry: RetryView;
  docs: Link;
  links: Link[];
}

export interface SkipView {
  /** The `SkipReason` value, '' when the record gives none. */
  reason: string;
  title: string;
  meaning: string;
  /** Whether someone has to change something (from the skip-reason catalog; unknown reasons: yes). */
  actionNeeded: boolean;
  /** What to change, as steps; [] when the catalog does not know the reason. */
  remediation: string[];
  docs?: Link;
  step: number;
  description: string;
  /** Scoping checks that failed (`Assigned to the application: False`), explained. */
  scoping: DetailPair[];
}

/** Another event of the same identity in the same job, to follow a retry or a history. */
export interface HistoryItem {
  index: number;
  time: number;
  utc: string;
  action: Action;
  actionLabel: string;
  status: Status;
  statusLabel: string;
  errorCode: string;
  current: boolean;
}

export interface TroubleshootingView {
  outcome: Status;
  /** Plain words: what failed, or that nothing did. */
  headline: string;
  error?: ErrorView;
  explanation?: ExplanationView;
  failedStep?: { number: number; name: string; typeLabel: string; description: string };
  skip?: SkipView;
  /** The newest later event of the same identity in this job: did the retry or fix work? */
  later?: HistoryItem;
  laterCount: number;
}

export interface ModifiedRow {
  name: string;
  /** null (no value) stays distinct from '' (an empty string). */
  oldValue: string | null;
  newValue: string | null;
  changed: boolean;
  /** When oldValue is null: the value the matching step read from the target, if it names this attribute. */
  targetBefore?: string;
}

export interface ModifiedView {
  rows: ModifiedRow[];
  changedCount: number;
  /** Why the list is empty, or what to keep in mind reading it. */
  note: string;
}

export interface IdentityView {
  name: string;
  id: string;
  type: string;
  details: DetailPair[];
}

export interface SystemView {
  name: string;
  id: string;
  details: DetailPair[];
}

export interface IdView {
  field: CopyField;
  label: string;
  value: string;
}

export interface SummaryView {
  sentence: string;
  source: IdentityView;
  target: IdentityView;
  sourceSystem: SystemView;
  targetSystem: SystemView;
  application: { name: string; id: string };
  ids: IdView[];
  initiatedBy: { name: string; id: string; type: string; typeLabel: string };
  action: { label: string; asWritten: string; meaning: string };
  status: { value: Status; label: string; meaning: string };
  durationMs: number | null;
  durationText: string;
  time: number;
  utc: string;
  /** The timestamp exactly as the file has it. */
  activityDateTime: string;
  /** Columns we do not model (unknown CSV columns): shown, never dropped. */
  extra: DetailPair[];
  /** `Entra portal JSON download` and such. */
  format: string;
  flavor: Flavor;
  /** Events of the same identity in this job, newest first (at most HISTORY_LIMIT). */
  history: HistoryItem[];
  historyTotal: number;
}

export interface RawView {
  /** `own`: the record's text from the file; `graphShape`: rebuilt (CSV rows have no JSON). */
  kind: 'own' | 'graphShape';
  label: string;
  note: string;
}

export interface DetailView {
  uri: string;
  index: number;
  logName: string;
  /** Record id and change id: the host finds the event again by them after the file is read again. */
  id: string;
  changeId: string;
  header: HeaderView;
  steps: StepView[];
  troubleshooting: TroubleshootingView;
  modified: ModifiedView;
  summary: SummaryView;
  raw: RawView;
  /** Where the record stands in its file, when it has a place (not a CSV row set). */
  source?: SourceView;
}

/** The file of the record (a folder's blob, one of several downloads) and where in it. */
export interface SourceView {
  /** The file's name as read (a path under the folder for an export folder). */
  file: string;
  line: number;
  column: number;
  /** More than one file was read: the name tells which. */
  severalFiles: boolean;
  /** Small enough for VS Code's text editor (50 MB for extensions). */
  canGoTo: boolean;
}
