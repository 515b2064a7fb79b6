/**
 * An error code explained as a Markdown page: what it means, what to do, whether the service
 * retries (and when, given the event's time), where Microsoft documents it, and, given an event,
 * the target system's own words. Shared by the palette's "Explain Error Code…" and the editor's
 * "explain the code" quick fix. The code and the event's texts come from the log: all escaped.
 */
import { mdCode, mdLink, mdQuote, mdText } from '../common/markdownText';
import { formatUtc } from '../common/time';
import { describeRetry, lookupErrorCode } from '../catalog/catalog';

export interface ExplainContext {
  /** The event's time (epoch ms), to tell when the service retries. */
  eventTime?: number;
  /** errorInformation.reason of the event. */
  reason?: string;
  /** errorInformation.additionalDetails of the event. */
  additionalDetails?: string;
}

export function explainMarkdown(code: string, context: ExplainContext = {}): string {
  const m = lookupErrorCode(code);
  const e = m.entry;
  const out: string[] = [];
  const shown = code.trim() === '' ? 'No error code' : mdCode(code.trim(), 200);
  out.push(`# ${shown}: ${mdText(e.title)}`, '');
  if (m.skipReason === true) {
    out.push(`A skip reason: the value of a step's ${mdCode('SkipReason')} detail, which says why the service skipped the object. Not an error.`, '');
  } else if (m.known && m.prefix !== undefined) {
    out.push(`The catalog's ${mdCode(m.canonical)}, with the target application's name ${mdCode(m.prefix, 100)} in front.`, '');
  } else if (!m.known && code.trim() !== '') {
    out.push('This code is not in the catalog: the steps below are the general approach.', '');
  }
  const retry = e.retry === 'automatic' ? (e.retryAfterMinutes !== undefined ? `automatic, after about ${e.retryAfterMinutes} minutes` : 'automatic') : 'not retried';
  out.push(`**Category:** ${mdText(e.category)} · **Severity:** ${severityWord(e.severity)} · **Retry:** ${retry}`, '');
  out.push('## What it means', '', mdText(e.meaning, 4000), '');
  out.push('## What to do', '', steps(e.remediation), '');
  const time = context.eventTime;
  out.push('## Retry', '', mdText(describeRetry(time ?? NaN, m)), '');
  const reason = context.reason?.trim() ?? '';
  const details = context.additionalDetails?.trim() ?? '';
  if (time !== undefined || reason !== '' || details !== '') {
    out.push('## This event', '');
    if (time !== undefined && Number.isFinite(time)) out.push(`- Time: ${formatUtc(time, true)}`, '');
    if (reason !== '') out.push('**Reason** (as the target system wrote it):', '', mdQuote(reason), '');
    if (details !== '') out.push('**Additional details:**', '', mdQuote(details), '');
  }
  out.push('## Learn more', '', `- ${mdLink(m.skipReason === true ? "Microsoft's documentation of this kind of skip" : "Microsoft's documentation of this code", e.docs)}`);
  for (const link of e.links ?? []) out.push(`- ${mdLink(link.title, link.url)}`);
  return out.join('\n') + '\n';
}

/** The catalog's remediation: numbered lines stay a numbered list, other text one paragraph. */
function steps(remediation: string): string {
  const lines = remediation.split('\n').filter((l) => l.trim() !== '');
  return lines
    .map((line) => {
      const numbered = /^(\d+)\.\s+(.*)$/.exec(line.trim());
      return numbered ? `${numbered[1]}. ${mdText(numbered[2]!, 4000)}` : mdText(line.trim(), 4000);
    })
    .join('\n');
}

function severityWord(severity: 'error' | 'warning' | 'info'): string {
  switch (severity) {
    case 'error':
      return 'needs action';
    case 'warning':
      return 'warning (often passes by itself)';
    case 'info':
      return 'expected, informational';
  }
}
