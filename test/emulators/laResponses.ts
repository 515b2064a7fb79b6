/**
 * What the Log Analytics emulator answers with, in the service's shapes: a partial result's error object, a
 * Kusto 400, plain JSON; and what it reads: the request body, the time range a query covers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function partialError(limit: number): unknown {
  return {
    code: 'PartialError',
    message: 'There were some errors when processing your query.',
    details: [
      {
        code: 'EngineError',
        message: 'Something went wrong processing your query on the server.',
        innererror: { code: '-2133196797', message: `Query result set has exceeded the internal record count limit ${limit} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)`, severity: 2, severityName: 'Error' },
      },
    ],
  };
}

export function kustoError(code: string, message: string, innerCode: string, innerMessage: string): unknown {
  return {
    error: {
      message: 'The request had some invalid properties',
      code: 'BadArgumentError',
      correlationId: '00000000-0000-0000-0000-000000000000',
      innererror: { code, message, innererror: { code: innerCode, message: innerMessage } },
    },
  };
}

/** [start, end) from the timespan `start/end` and the query's own TimeGenerated bounds. */
export function timeRange(timespan: string, query: string): [number, number] | undefined {
  const [a, b] = timespan.split('/');
  let start = a ? Date.parse(a) : -Infinity;
  let end = b ? Date.parse(b) : Infinity;
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  for (const m of query.matchAll(/TimeGenerated >= datetime\(([^)]+)\)/g)) start = Math.max(start, Date.parse(m[1]!));
  for (const m of query.matchAll(/TimeGenerated < datetime\(([^)]+)\)/g)) end = Math.min(end, Date.parse(m[1]!));
  return [start, end];
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
