/**
 * The emulator's `$filter` for auditLogs/provisioning: the documented operators on the documented fields
 * (activityDateTime gt/lt, ids eq, status eq, servicePrincipal/id eq, names eq/contains — case-sensitive except
 * the status), clauses joined by "and". Anything else is what Graph answers 400 for.
 */
export interface EmulatedRecord {
  readonly id: string;
  readonly time: number;
  readonly json: string;
  readonly fields: Readonly<Record<string, string>>;
}

export type RecordTest = (r: EmulatedRecord) => boolean;

const EQ_FIELDS = new Set(['id', 'jobId', 'cycleId', 'changeId', 'tenantId', 'provisioningAction', 'servicePrincipal/id', 'provisioningStatusInfo/status']);
const TEXT_FIELDS = new Set([
  'sourceIdentity/displayName',
  'targetIdentity/displayName',
  'sourceIdentity/id',
  'targetIdentity/id',
  'sourceSystem/displayName',
  'targetSystem/displayName',
]);

/** The fields a filter can name, read from one Graph record. */
export function filterFields(o: Record<string, unknown>): Record<string, string> {
  const get = (path: string): string => {
    let v: unknown = o;
    for (const k of path.split('/')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' ? v : '';
  };
  const out: Record<string, string> = {};
  for (const f of [...EQ_FIELDS, ...TEXT_FIELDS]) out[f] = get(f);
  return out;
}

/** The test for a whole `$filter`, or the message of Graph's 400. */
export function compileFilter(filter: string): RecordTest | string {
  const tests: RecordTest[] = [];
  for (const clause of splitAnd(filter)) {
    const t = compileClause(clause.trim());
    if (typeof t === 'string') return t;
    tests.push(t);
  }
  return (r) => tests.every((t) => t(r));
}

function compileClause(c: string): RecordTest | string {
  const time = /^activityDateTime (gt|lt) (\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(c);
  if (time) {
    const at = Date.parse(time[2]!);
    if (Number.isNaN(at)) return `Invalid DateTimeOffset literal '${time[2]}'.`;
    return time[1] === 'gt' ? (r) => r.time > at : (r) => r.time < at;
  }
  const eq = /^([A-Za-z/]+) eq '((?:[^']|'')*)'$/.exec(c);
  if (eq && (EQ_FIELDS.has(eq[1]!) || TEXT_FIELDS.has(eq[1]!))) {
    const field = eq[1]!;
    const value = eq[2]!.split("''").join("'");
    if (field === 'provisioningStatusInfo/status') return (r) => r.fields[field]!.toLowerCase() === value.toLowerCase();
    return (r) => r.fields[field] === value;
  }
  const contains = /^contains\(([A-Za-z/]+), ?'((?:[^']|'')*)'\)$/.exec(c);
  if (contains && TEXT_FIELDS.has(contains[1]!)) {
    const field = contains[1]!;
    const value = contains[2]!.split("''").join("'");
    return (r) => r.fields[field]!.includes(value);
  }
  return `Invalid filter clause: the property or operator in '${c.slice(0, 120)}' is not supported.`;
}

/** " and " outside quotes. */
function splitAnd(filter: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") quoted = !quoted;
    else if (!quoted && filter.startsWith(' and ', i)) {
      parts.push(filter.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(filter.slice(start));
  return parts.filter((p) => p.trim() !== '');
}
