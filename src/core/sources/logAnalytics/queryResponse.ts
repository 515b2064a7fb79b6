/**
 * The Log Analytics query API's answer (`{"tables":[{"name","columns":[{name,type}],"rows":[[…]]}]}`)
 * and what becomes of its rows: one JSON object per row, keyed by column name, which the readers
 * already know as a Log Analytics export (normalizeLogAnalytics). A result the service cut short
 * carries an `error` object beside the tables; that is reported, never taken as complete.
 */

export interface QueryColumn {
  name: string;
  type: string;
}

export interface QueryTable {
  name: string;
  columns: QueryColumn[];
  rows: unknown[][];
}

export interface ServiceError {
  code: string;
  message: string;
  /** The innermost message, which names the actual cause (a limit, a column, a syntax error). */
  detail: string;
}

export interface QueryResponse {
  table: QueryTable;
  /** Present when the service returned only part of the result. */
  partial?: ServiceError;
}

/** Parses a 200 answer; undefined when it is not the documented shape. */
export function parseQueryResponse(text: string): QueryResponse | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(body) || !Array.isArray(body['tables'])) return undefined;
  const first = body['tables'][0] as unknown;
  if (!isRecord(first) || !Array.isArray(first['columns']) || !Array.isArray(first['rows'])) return undefined;
  const columns: QueryColumn[] = first['columns'].map((c: unknown) => ({
    name: isRecord(c) ? String(c['name'] ?? c['ColumnName'] ?? '') : '',
    type: isRecord(c) ? String(c['type'] ?? c['DataType'] ?? '') : '',
  }));
  const rows = first['rows'].filter((r: unknown): r is unknown[] => Array.isArray(r));
  const table: QueryTable = { name: String(first['name'] ?? ''), columns, rows };
  const error = serviceError(body);
  return error ? { table, partial: error } : { table };
}

/** The `error` object of an answer (a failure, or beside tables a partial result). */
export function serviceError(body: unknown): ServiceError | undefined {
  if (!isRecord(body) || !isRecord(body['error'])) return undefined;
  const e = body['error'];
  let detail = String(e['message'] ?? '');
  // Kusto nests the real cause: error.details[].innererror…message, or error.innererror.
  let inner: unknown = Array.isArray(e['details']) ? e['details'][0] : e['innererror'];
  for (let depth = 0; isRecord(inner) && depth < 8; depth++) {
    if (typeof inner['message'] === 'string' && inner['message'] !== '') detail = inner['message'];
    inner = inner['innererror'];
  }
  return { code: String(e['code'] ?? ''), message: String(e['message'] ?? ''), detail };
}

/** Parses an error answer's text, for any status. */
export function errorOfText(text: string): ServiceError | undefined {
  try {
    return serviceError(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Each row as one JSON Lines line, keyed by column name; null cells are left out. */
export function rowLines(table: QueryTable): string[] {
  const names = table.columns.map((c) => c.name);
  const out: string[] = [];
  for (const row of table.rows) {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const v = row[i];
      if (v !== null && v !== undefined && names[i] !== '') o[names[i]!] = v;
    }
    out.push(JSON.stringify(o));
  }
  return out;
}

/** The index of a column, -1 when absent. */
export function columnIndex(table: QueryTable, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
