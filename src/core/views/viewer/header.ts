/**
 * What the viewer's header says about a loaded file: its name, the format as detected, encoding,
 * size, how many events and over what time, counts by status, and every problem the reader
 * reported, in its words, with where it is and whether "Go to line" can open the file as text there.
 */
import { ENCODING_LABELS } from '../../read/encoding';
import type { LogData } from '../../model/logData';
import { FORMAT_LABELS, STATUSES, type ProblemSeverity, type Status } from '../../common/record';

/** VS Code does not hand larger documents to extensions, and opening them as text is slow. */
export const TEXT_EDITOR_LIMIT = 50 * 1024 * 1024;

export interface HeaderProblem {
  /** Position in LogData.problems: what the page sends back to go to it. */
  id: number;
  severity: ProblemSeverity;
  message: string;
  code?: string;
  line?: number;
  column?: number;
  /** The file it is in, when several were read together. */
  file?: string;
  /** True when the file can be opened as text at that line. */
  canGoTo: boolean;
}

export interface HeaderFile {
  name: string;
  size: number;
  encoding: string;
  role: string;
}

export interface HeaderInfo {
  fileName: string;
  format: string;
  formatDetail: string;
  /** One label when every file shares it, else each file's. */
  encoding: string;
  files: HeaderFile[];
  totalBytes: number;
  events: number;
  /** Epoch ms, null when no event has a readable time. */
  first: number | null;
  last: number | null;
  status: Record<Status, number>;
  problems: HeaderProblem[];
  /** Nothing could be read at all: the page shows the problems instead of a table. */
  unreadable: boolean;
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  json: 'log',
  csvMain: 'events',
  csvSteps: 'provisioning steps',
  csvModifiedProperties: 'modified properties',
  csvLogAnalytics: 'Log Analytics rows',
};

export function buildHeader(fileName: string, log: LogData): HeaderInfo {
  const { store } = log;
  const byStatus = new Uint32Array(STATUSES.length);
  let first = NaN;
  let last = NaN;
  for (let i = 0; i < store.size; i++) {
    byStatus[store.status[i]!]!++;
    const t = store.time[i]!;
    if (!(t >= first) && !Number.isNaN(t)) first = t;
    if (!(t <= last) && !Number.isNaN(t)) last = t;
  }
  const status = Object.fromEntries(STATUSES.map((s, k) => [s, byStatus[k]!])) as Record<Status, number>;
  const encodings = [...new Set(log.files.map((f) => ENCODING_LABELS[f.encoding]))];
  const sizeOf = new Map(log.files.map((f) => [f.name, f.size]));
  const problems = log.problems.map((p, id): HeaderProblem => {
    const out: HeaderProblem = { id, severity: p.severity, message: p.message, canGoTo: false };
    if (p.code !== undefined) out.code = p.code;
    if (p.line !== undefined) out.line = p.line;
    if (p.column !== undefined) out.column = p.column;
    if (p.file !== undefined) out.file = p.file;
    const size = sizeOf.get(p.file ?? fileName) ?? log.files[0]?.size;
    out.canGoTo = p.line !== undefined && size !== undefined && size <= TEXT_EDITOR_LIMIT;
    return out;
  });
  return {
    fileName,
    format: FORMAT_LABELS[log.format],
    formatDetail: log.formatDetail,
    encoding: encodings.join(', '),
    files: log.files.map((f) => ({ name: f.name, size: f.size, encoding: ENCODING_LABELS[f.encoding], role: ROLE_LABELS[f.role] ?? f.role })),
    totalBytes: log.files.reduce((n, f) => n + f.size, 0),
    events: store.size,
    first: Number.isNaN(first) ? null : first,
    last: Number.isNaN(last) ? null : last,
    status,
    problems,
    unreadable: store.size === 0 && log.problems.some((p) => p.severity === 'error'),
  };
}

